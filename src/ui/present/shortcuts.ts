/**
 * The keyboard shortcuts, in and out of present mode. One keydown listener on the window; a key
 * typed into a field (input, select, textarea, contenteditable) or held with Ctrl, Meta or Alt is
 * left alone, so typing a seed or copying never plays the run. N / Shift+N (workshop steps) are
 * bound where workshops live, and only listed here.
 */
import { resetRun, speedStep, stepRun, togglePlay } from '../panels/runActions';
import { presentStore } from './presentStore';

/** Every shortcut, as the `?` overlay lists them. */
export const SHORTCUTS: readonly (readonly [keys: string, what: string])[] = [
  ['Space', 'play / pause'],
  ['→', 'step a quarter second (then pause)'],
  ['R', 'reset to 0 s'],
  ['1 – 9', 'speed 0.1x, 0.25x, 0.5x, 1x, 2x, 5x, 10x, 25x, 100x'],
  ['P', 'present mode on / off'],
  ['Esc', 'leave present mode (or close this list)'],
  ['N / Shift+N', 'next / previous workshop step'],
  ['?', 'show / hide this list'],
];

/** Where a key belongs to what has focus, not to the app. */
export function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** The app's answer to a key, or null when the key is not a shortcut (exported for the tests). */
export function actionFor(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): (() => void) | null {
  if (e.ctrlKey || e.metaKey || e.altKey || typingInto(e.target)) return null;
  const st = presentStore.getState();
  switch (e.key) {
    case ' ':
      // A focused button answers Space itself (a click): playing too would do it twice.
      return e.target instanceof HTMLButtonElement ? null : togglePlay;
    case 'ArrowRight':
      return stepRun;
    case 'r':
    case 'R':
      return resetRun;
    case 'p':
    case 'P':
      return () => st.setPresent(!st.present);
    case 'Escape':
      if (st.help) return () => st.setHelp(false);
      return st.present ? () => st.setPresent(false) : null;
    case '?':
      return () => st.setHelp(!st.help);
  }
  if (/^[1-9]$/.test(e.key)) return () => speedStep(Number(e.key) - 1);
  return null;
}

/** Starts listening; returns the stop. */
export function startShortcuts(): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || (e.repeat && e.key !== 'ArrowRight')) return;
    const act = actionFor(e);
    if (!act) return;
    e.preventDefault();
    act();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
