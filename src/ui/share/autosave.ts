/**
 * The design kept in the browser (localStorage): written a moment after the last edit, bounded in
 * size, and read back through the same validation and migration as a file.
 */
import type { Parsed, Scenario } from '../../engine/index';
import { MAX_SCENARIO_BYTES, scenarioFromText } from './scenarioBytes';

const PREFIX = 'backpressure-playground/';
/** What is on the canvas. */
export const DESIGN_KEY = `${PREFIX}design`;
/** The person's own design, kept when a share link replaced it on the canvas and they then edited. */
export const BEFORE_LINK_KEY = `${PREFIX}design-before-link`;
/** A saved design this version could not read, set aside rather than overwritten. */
export const UNREADABLE_KEY = `${PREFIX}design-unreadable`;

/** This tab's design while another tab's different version is the saved one and the person has not chosen. */
export const OTHER_TAB_KEY = `${PREFIX}design-other-tab`;

/** Quiet time after the last edit before the design is written. */
export const AUTOSAVE_DELAY_MS = 400;
/** Characters of JSON: the size of the largest scenario anything accepts (localStorage holds ~5M). */
export const MAX_AUTOSAVE_CHARS = MAX_SCENARIO_BYTES;

/**
 * 'no-room': the origin's share is full (QuotaExceededError); 'unavailable': the browser refuses
 * storage altogether (a private window, blocked cookies and site data, a third-party frame).
 */
export type SaveResult = 'saved' | 'too-big' | 'no-room' | 'unavailable';

/** localStorage, or null where the browser refuses it (private modes, blocked storage). */
export function browserStorage(): Storage | null {
  try {
    const s = window.localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

/** The design saved under `key`: null when there is none, else the parse (which may be a refusal). */
export function readSaved(storage: Storage | null, key: string = DESIGN_KEY): Parsed<Scenario> | null {
  let text: string | null;
  try {
    text = storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
  if (text === null) return null;
  if (text.length > MAX_AUTOSAVE_CHARS) return { ok: false, issues: [{ path: '(saved design)', message: `${text.length.toLocaleString('en-US')} characters, more than any scenario` }] };
  return scenarioFromText(text, '(saved design)');
}

export function writeSaved(storage: Storage | null, json: string, key: string = DESIGN_KEY): SaveResult {
  if (!storage) return 'unavailable';
  if (json.length > MAX_AUTOSAVE_CHARS) return 'too-big';
  try {
    storage.setItem(key, json);
    return 'saved';
  } catch (e) {
    // QuotaExceededError (Firefox once said NS_ERROR_DOM_QUOTA_REACHED): the origin's share is full.
    // Anything else (SecurityError) is a browser that does not let this page keep anything.
    const name = e instanceof Error || e instanceof DOMException ? e.name : '';
    return /quota/i.test(name) ? 'no-room' : 'unavailable';
  }
}

/** Moves what is under `from` to `to` (a saved design that could not be read is kept, not lost). */
export function setAside(storage: Storage | null, from: string, to: string): void {
  try {
    const v = storage?.getItem(from);
    if (v != null) storage!.setItem(to, v);
  } catch {
    /* nothing more can be done without storage */
  }
}
