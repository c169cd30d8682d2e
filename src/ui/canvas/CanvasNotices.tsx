import { useEffect } from 'react';
import { noticeStore, useNotices } from '../store/noticeStore';
import { runStore, useRun } from '../store/runStore';

const ALERT_MS = 9000;
const INFO_MS = 4500;

/**
 * Calls `end` `ms` after the next frame, when the notice is on the screen: a page busy for a while
 * (a big design imported on a slow laptop) does not use up its time before anyone could see it.
 */
function showFor(ms: number, end: () => void): () => void {
  let t: ReturnType<typeof setTimeout> | undefined;
  const raf = requestAnimationFrame(() => void (t = setTimeout(end, ms)));
  return () => {
    cancelAnimationFrame(raf);
    clearTimeout(t);
  };
}

/** Refused edits (role alert), passing notices (role status) and a run that stopped itself. */
export function CanvasNotices() {
  const alert = useNotices((s) => s.alert);
  const info = useNotices((s) => s.info);
  const halted = useRun((s) => s.halted);

  useEffect(() => (alert ? showFor(ALERT_MS, () => noticeStore.getState().dismissAlert()) : undefined), [alert]);

  // A passing notice has been read once the person presses Play: it goes, and the top of the
  // canvas is clear for the run (at Max speed a lesson may end before the notice would).
  useEffect(
    () =>
      runStore.subscribe((now, before) => {
        if (now.playing && !before.playing) noticeStore.getState().dismissInfo();
      }),
    [],
  );

  useEffect(() => (info ? showFor(INFO_MS, () => noticeStore.getState().dismissInfo()) : undefined), [info]);

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
