/**
 * The series rows a simulation sampled after a given simulated time, read straight from the
 * engine's ring (Simulation.series() would copy the whole ring every frame).
 */
import { G, type Simulation } from '../engine/index';

/** Rows sampled strictly after `afterMs`, oldest first, as one new array. */
export function rowsSince(sim: Simulation, afterMs: number): Float64Array {
  const ring = sim.sim.series;
  const len = ring.rowLength;
  const size = ring.rows;
  const newest = (ring.writeOffset / len - 1 + size) % size;
  let n = 0;
  while (n < ring.count) {
    const r = (newest - n + size) % size;
    if (ring.data[r * len + G.now]! <= afterMs) break;
    n++;
  }
  const out = new Float64Array(n * len);
  for (let k = 0; k < n; k++) {
    const r = (newest - n + 1 + k + size) % size;
    out.set(ring.data.subarray(r * len, (r + 1) * len), k * len);
  }
  return out;
}
