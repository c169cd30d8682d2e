import { useRef } from 'react';
import { useFrames } from '../frames/useFrames';
import { simTime } from '../format';
import { setText } from '../liveDom';

/** The simulated clock, written straight to the DOM on every frame. */
export function SimClock() {
  const el = useRef<HTMLSpanElement>(null);
  // The 10 Hz text lane: the clock must not lag behind the charts when node badges slow down.
  useFrames((s) => {
    setText(el.current, simTime(s.status.simMs));
  }, 'text');
  return (
    <div className="bp-clock">
      <span className="bp-clock__caption" aria-hidden="true">
        Simulated time
      </span>
      <span className="bp-clock__value" role="timer" aria-label="Simulated time" ref={el}>
        0.0 s
      </span>
    </div>
  );
}
