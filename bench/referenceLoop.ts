/**
 * The yardstick for the engine's speed: an M/M/c queue written by hand for this one case, in typed
 * arrays, with the same random numbers (xoshiro128** and the portable log) and the metrics the
 * engine keeps for such a design: end-to-end latency and queue-wait histograms, time-averaged
 * depth and busy workers, counts. What the engine costs beyond it is its generality: an event
 * heap, an item pool, the hand-over protocol, per-node snapshots and series.
 */
import { Rng } from '../src/engine/kernel/rng';
import { Histogram } from '../src/engine/metrics/histogram';

export interface LoopResult {
  items: number;
  wallMs: number;
  /** Kept so the optimizer cannot drop the work. */
  checksum: number;
}

export function referenceMmc(c: number, rho: number, items: number, now: () => number): LoopResult {
  const meanMs = 10;
  const meanGapMs = meanMs / (rho * c);
  const arrivals = new Rng(1, 'src', 'arrivals');
  const services = new Rng(1, 'svc', 'service');
  const latency = new Histogram();
  const wait = new Histogram();
  // The queue: arrival times in a ring that grows by doubling.
  let ring = new Float64Array(1 << 12);
  let head = 0;
  let size = 0;
  // Each worker: when it finishes (Infinity when idle) and when its item arrived.
  const doneAt = new Float64Array(c).fill(Infinity);
  const arrivedAt = new Float64Array(c);
  let busy = 0;
  let t = 0;
  let last = 0;
  let depthArea = 0;
  let busyArea = 0;
  let produced = 0;
  let completed = 0;
  let nextArrival = arrivals.exponential(meanGapMs);
  const t0 = now();
  while (completed < items) {
    let w = 0;
    for (let i = 1; i < c; i++) if (doneAt[i]! < doneAt[w]!) w = i;
    const finish = doneAt[w]!;
    t = nextArrival <= finish ? nextArrival : finish;
    depthArea += size * (t - last);
    busyArea += busy * (t - last);
    last = t;
    if (nextArrival <= finish) {
      produced++;
      if (busy < c) {
        let free = 0;
        while (doneAt[free] !== Infinity) free++;
        arrivedAt[free] = t;
        doneAt[free] = t + services.exponential(meanMs);
        wait.record(0);
        busy++;
      } else {
        if (size === ring.length) {
          const bigger = new Float64Array(ring.length * 2);
          for (let i = 0; i < size; i++) bigger[i] = ring[(head + i) & (ring.length - 1)]!;
          ring = bigger;
          head = 0;
        }
        ring[(head + size) & (ring.length - 1)] = t;
        size++;
      }
      nextArrival = t + arrivals.exponential(meanGapMs);
    } else {
      latency.record(t - arrivedAt[w]!);
      completed++;
      if (size > 0) {
        const at = ring[head]!;
        head = (head + 1) & (ring.length - 1);
        size--;
        wait.record(t - at);
        arrivedAt[w] = at;
        doneAt[w] = t + services.exponential(meanMs);
      } else {
        doneAt[w] = Infinity;
        busy--;
      }
    }
  }
  const wallMs = now() - t0;
  return { items: completed, wallMs, checksum: latency.quantile(0.99) + wait.quantile(0.5) + depthArea / t + busyArea / t + produced };
}
