/** The `?` overlay: every keyboard shortcut. Esc, `?` or a click outside closes it. */
import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './shortcuts';
import { presentStore } from './presentStore';

export default function ShortcutsHelp() {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    close.current?.focus();
    return () => before?.focus();
  }, []);
  const hide = () => presentStore.getState().setHelp(false);
  return (
    <div className="bp-present-help" onClick={(e) => e.target === e.currentTarget && hide()}>
      <div className="bp-present-help__card" role="dialog" aria-modal="true" aria-labelledby="bp-shortcuts-title">
        <h2 id="bp-shortcuts-title">Keyboard shortcuts</h2>
        <dl className="bp-present-help__list">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys} style={{ display: 'contents' }}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <p>Not while typing in a field, and not with Ctrl, Alt or ⌘ held.</p>
        <button ref={close} type="button" className="bp-btn" onClick={hide}>
          Close
        </button>
      </div>
    </div>
  );
}
