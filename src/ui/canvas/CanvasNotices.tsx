import { useEffect } from 'react';
import { noticeStore, useNotices } from '../store/noticeStore';
import { runStore, useRun } from '../store/runStore';

const ALERT_MS = 9000;
const INFO_MS = 4500;

/** Refused edits (role alert), passing notices (role status) and a run that stopped itself. */
export function CanvasNotices() {
  const alert = useNotices((s) => s.alert);
  const info = useNotices((s) => s.info);
  const halted = useRun((s) => s.halted);

  useEffect(() => {
    if (!alert) return;
    const t = setTimeout(() => noticeStore.getState().dismissAlert(), ALERT_MS);
    return () => clearTimeout(t);
  }, [alert]);

  // A passing notice has been read once the person presses Play: it goes, and the top of the
  // canvas is clear for the run (at Max speed a lesson may end before the notice would).
  useEffect(
    () =>
      runStore.subscribe((now, before) => {
        if (now.playing && !before.playing) noticeStore.getState().dismissInfo();
      }),
    [],
  );

  useEffect(() => {
    if (!info) return;
    const t = setTimeout(() => noticeStore.getState().dismissInfo(), INFO_MS);
    return () => clearTimeout(t);
  }, [info]);

  return (
    <div className="bp-notices">
      {halted && (
        <div className="bp-notice bp-notice--halted" role="alert">
          <strong>The run stopped itself.</strong> {halted} Press Reset to start again.
        </div>
      )}
      {alert && (
        <div className="bp-notice bp-notice--alert" role="alert" key={alert.id}>
          <span>{alert.text}</span>
          <button type="button" className="bp-notice__close" onClick={() => noticeStore.getState().dismissAlert()} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
      {info && (
        <div className="bp-notice bp-notice--info" role="status" key={info.id}>
          {info.text}
        </div>
      )}
    </div>
  );
}
