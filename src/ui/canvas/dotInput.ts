/** What the dots are fed from each arriving frame (on the page; the paint worker gets the result). */
import type { FrameState } from '../frames/frameStore';
import { lossFraction, outflowRate } from '../frames/derive';
import type { EdgeGeometry } from './edgeGeometry';
import type { PaintMsg } from '../paint/protocol';

/** Simulated seconds per wall second the dots move at: 0 while paused. */
export function dotSpeed(frames: FrameState): number {
  const st = frames.status;
  return st.playing && frames.snapshot ? (st.lagging || st.requestedSpeed === 'max' ? st.achievedSpeed : st.requestedSpeed) : 0;
}

/** The flows message for the edges of geometry `version` (`edges`, in its order). */
export function dotFlows(frames: FrameState, edges: readonly (readonly [string, EdgeGeometry])[], version: number): Extract<PaintMsg, { type: 'flow' }> {
  const snap = frames.snapshot;
  const speed = dotSpeed(frames);
  const rates = new Float64Array(speed === 0 || !snap ? 0 : 2 * edges.length);
  if (rates.length > 0 && snap) {
    for (let k = 0; k < edges.length; k++) {
      const g = edges[k]![1];
      const si = frames.indexOf.get(g.source);
      const ti = frames.indexOf.get(g.target);
      let out = 0;
      for (let j = 0; j < edges.length; j++) if (edges[j]![1].source === g.source) out++;
      rates[2 * k] = si === undefined ? 0 : outflowRate(frames.history, snap, si) / out;
      rates[2 * k + 1] = ti === undefined ? 0 : lossFraction(frames.history, snap, ti);
    }
  }
  return { type: 'flow', epoch: frames.epoch, speed, geometry: version, rates };
}
