import { scenarioStore } from './store/appStore';
import { useRun } from './store/runStore';
import { restartWorker } from './sync/workerSync';

/** Shown when the simulation worker has died; the design on the canvas is untouched. */
export function WorkerAlert() {
  const crashed = useRun((s) => s.worker === 'crashed');
  const reason = useRun((s) => s.crashReason);
  if (!crashed) return null;
  return (
    <div className="bp-worker-alert" role="alert">
      <span>
        <strong>The simulation stopped unexpectedly</strong>
        {reason ? ` (${reason})` : ''}. Your design is safe.
      </span>
      <button type="button" className="bp-btn bp-btn--primary" onClick={() => restartWorker(scenarioStore)}>
        Restart
      </button>
    </div>
  );
}
