import { offlineStore, useOffline } from './offline';

/** "A new version is ready": shown when one waits; nothing reloads until the person presses Reload. */
export function UpdateNotice() {
  const shown = useOffline((s) => s.updateReady && !s.dismissed);
  const apply = useOffline((s) => s.applyUpdate);
  if (!shown) return null;
  return (
    <div className="bp-update" role="status">
      <span>A new version of the playground is ready.</span>
      <button type="button" className="bp-btn bp-btn--small bp-btn--primary" onClick={() => apply?.()}>
        Reload
      </button>
      <button type="button" className="bp-btn bp-btn--small" onClick={() => offlineStore.getState().dismiss()}>
        Later
      </button>
    </div>
  );
}
