import { designKeeper } from './keeper';
import { shareStore, useShare } from './shareStore';

/** At most this many problems are listed; the rest are counted. */
const SHOWN = 6;

/**
 * A refused link, file or saved design (role alert): what, where, and that the design is safe.
 * It stays until dismissed or until something opens fine. And after opening a shared design,
 * a banner with the way back to the person's own.
 */
export function ShareNotices() {
  const refusal = useShare((s) => s.refusal);
  const opened = useShare((s) => s.opened);
  const conflict = useShare((s) => s.conflict);
  if (!refusal && !opened && !conflict) return null;
  return (
    <div className="bp-share-notices">
      {refusal && (
        <div className="bp-share-alert" role="alert" key={refusal.id}>
          <div className="bp-share-alert__body">
            <strong>{refusal.title}.</strong> {refusal.outcome}
            <ul className="bp-share-alert__issues">
              {refusal.issues.slice(0, SHOWN).map((i, k) => (
                <li key={k}>
                  <code>{i.path}</code>: {i.message}
                </li>
              ))}
              {refusal.issues.length > SHOWN && <li>…and {refusal.issues.length - SHOWN} more</li>}
            </ul>
          </div>
          <button type="button" className="bp-btn" onClick={() => shareStore.getState().dismissRefusal()}>
            Dismiss
          </button>
        </div>
      )}
      {conflict && (
        <div className="bp-share-alert" role="alert" key={`tab-${conflict.id}`}>
          <div className="bp-share-alert__body">
            <strong>This design was changed in another tab.</strong> This tab stopped saving over it; your edits here are kept. Which one should stay saved?
          </div>
          <button type="button" className="bp-btn bp-btn--primary" onClick={() => designKeeper.keepThisTab()}>
            Keep this tab’s
          </button>
          <button type="button" className="bp-btn" onClick={() => designKeeper.useOtherTab()}>
            Open the other tab’s
          </button>
        </div>
      )}
      {opened && (
        <div className="bp-share-opened" role="status">
          <span>
            Opened a shared design: <strong>{opened.name}</strong>.{opened.canGoBack ? ' Your own design is kept.' : ''}
          </span>
          {opened.canGoBack && (
            <button type="button" className="bp-btn bp-btn--primary" onClick={() => designKeeper.backToMyDesign()}>
              Back to my design
            </button>
          )}
          <button type="button" className="bp-share-opened__close" aria-label="Close this message" onClick={() => designKeeper.dismissOpened()}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
