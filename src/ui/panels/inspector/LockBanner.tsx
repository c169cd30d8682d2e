import { resolveEntry } from '../../../engine/index';
import type { NodeLockView } from './lockView';
import { LockIcon } from './LockIcon';

/** Above a locked node's fields: why they are read-only, and what the lock leaves to change. */
export function LockBanner({ view }: { view: NodeLockView }) {
  const editable = view.lock.editable.filter((e) => resolveEntry(e, view.ids) !== null);
  const head = view.state === 'none' ? 'This part is read-only' : 'Some fields of this part are read-only';
  return (
    <div className="bp-lock-banner" role="note" aria-label="Locked">
      <p>
        <LockIcon />{' '}
        <strong>{head}</strong>: {view.reason}.
      </p>
      {editable.length > 0 ? (
        <p>
          You may change: {editable.map((e, i) => (
            <span key={e}>
              {i > 0 && ', '}
              <code>{e}</code>
            </span>
          ))}
          .
        </p>
      ) : (
        <p>Nothing in this design can be changed.</p>
      )}
    </div>
  );
}
