import { useRef } from 'react';
import { useFrames } from '../frames/useFrames';
import { speedFactor } from '../format';
import { setText } from '../liveDom';
import { useRun } from '../store/runStore';

/** Says when the run falls short of the requested speed, and how fast "Max" actually goes. */
export function SpeedNotice() {
  const lagging = useRun((s) => s.lagging);
  const playing = useRun((s) => s.playing);
  const max = useRun((s) => s.speed === 'max');
  const el = useRef<HTMLSpanElement>(null);

  useFrames((s) => {
    const { achievedSpeed, requestedSpeed, lagging } = s.status;
    let text = `Running at ${speedFactor(achievedSpeed)}`;
    if (lagging && requestedSpeed !== 'max') {
      const share = achievedSpeed / requestedSpeed;
      text = `Running at ${share.toFixed(share < 0.1 ? 2 : 1)}x of requested speed`;
      if (el.current) el.current.title = `${speedFactor(achievedSpeed)} instead of ${speedFactor(requestedSpeed)}: this machine cannot simulate faster. Every event is still computed, just later.`;
    }
    setText(el.current, text);
  });

  const show = playing && (lagging || max);
  // The wrapper hangs under the clock, out of the toolbar's flow (toolbar.css).
  return (
    <div className="bp-speed-wrap" hidden={!show}>
      <span
        className={lagging ? 'bp-speed-notice bp-speed-notice--lag' : 'bp-speed-notice'}
        role="status"
        ref={el}
      />
    </div>
  );
}
