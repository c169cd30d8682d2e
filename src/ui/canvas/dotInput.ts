/** What the dots are fed from the frames (in the paint worker, from its FrameBook). */
import type { FrameState } from '../frames/frameStore';
import { lossFraction, outflowRate } from '../frames/derive';
import type { DotInput } from './dots';
import type { EdgeGeometry } from './edgeGeometry';

/** The dots' input from a frame, for the edges in `geoms`. */
export function dotInput(frames: FrameState, geoms: ReadonlyMap<string, EdgeGeometry>): DotInput {
  const snap = frames.snapshot;
  const st = frames.status;
  const speed = st.playing && snap ? (st.lagging || st.requestedSpeed === 'max' ? st.achievedSpeed : st.requestedSpeed) : 0;
  const out: DotInput = { epoch: frames.epoch, speed, flow: {}, loss: {} };
  if (speed === 0 || !snap) return out;
  const outDegree = new Map<string, number>();
  for (const g of geoms.values()) outDegree.set(g.source, (outDegree.get(g.source) ?? 0) + 1);
  for (const [id, g] of geoms) {
    const si = frames.indexOf.get(g.source);
    const ti = frames.indexOf.get(g.target);
    out.flow[id] = si === undefined ? 0 : outflowRate(frames.history, snap, si) / (outDegree.get(g.source) ?? 1);
    out.loss[id] = ti === undefined ? 0 : lossFraction(frames.history, snap, ti);
  }
  return out;
}
