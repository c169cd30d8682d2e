import { describe, expect, it } from 'vitest';
import { F, F_STRIDE, G, G_STRIDE, createSimulation, parseScenario, snapshotLength } from '../engine/index';
import { levelFor, RowAggregator } from './rowAggregator';

const SAMPLE = 250;
const LEN = snapshotLength(1);
const node = (field: number) => G_STRIDE + field;

/** One row of a one-node design at `now`, with cumulative completions and windowed values. */
function row(now: number, done: number, lat: number, util: number, e2e = lat): Float64Array {
  const r = new Float64Array(LEN);
  r[G.now] = now;
  r[G.windowMs] = SAMPLE;
  r[G.completed] = done;
  r[G.e2eP50] = r[G.e2eP99] = r[G.e2eMean] = e2e;
  r[node(F.completed)] = done;
  r[node(F.latP50)] = lat;
  r[node(F.latP99)] = 2 * lat;
  r[node(F.latMean)] = lat;
  r[node(F.utilization)] = util;
  r[node(F.level)] = now / 100; // a level: the bucket shows its value at the end
  return r;
}

const pack = (rows: Float64Array[]) => {
  const out = new Float64Array(rows.length * LEN);
  rows.forEach((r, k) => out.set(r, k * LEN));
  return out;
};

const rowsOf = (packed: Float64Array) => Array.from({ length: packed.length / LEN }, (_, k) => packed.subarray(k * LEN, (k + 1) * LEN));

describe('RowAggregator', () => {
  it('at level 0 passes every row through as sampled, bit for bit', () => {
    const a = new RowAggregator(LEN, SAMPLE);
    const input = pack([row(250, 3, 0.1, 0.3), row(500, 7, 0.7, 0.9), row(750, 7, NaN, 0)]);
    a.push(input);
    expect(Array.from(a.take())).toEqual(Array.from(input));
    expect(a.take().length).toBe(0);
  });

  it('merges aligned buckets: counters and levels at the end, utilization over time, latency weighted by completions', () => {
    const a = new RowAggregator(LEN, SAMPLE);
    a.setLevel(2); // 1,000 ms buckets
    // 4 completions at 10 ms, then 1 at 50 ms, then none (NaN), then 5 at 20 ms.
    a.push(pack([row(250, 4, 10, 0.2), row(500, 5, 50, 0.4), row(750, 5, NaN, 0), row(1000, 10, 20, 1)]));
    const [r] = rowsOf(a.take());
    expect(r).toBeDefined();
    expect(r![G.now]).toBe(1000);
    expect(r![G.windowMs]).toBe(1000);
    expect(r![G.completed]).toBe(10);
    expect(r![node(F.completed)]).toBe(10);
    expect(r![node(F.level)]).toBe(10);
    expect(r![node(F.utilization)]).toBeCloseTo((0.2 + 0.4 + 0 + 1) / 4, 12);
    const weighted = (4 * 10 + 1 * 50 + 5 * 20) / 10;
    expect(r![node(F.latP50)]).toBeCloseTo(weighted, 12);
    expect(r![node(F.latMean)]).toBeCloseTo(weighted, 12);
    expect(r![node(F.latP99)]).toBeCloseTo(2 * weighted, 12);
    expect(r![G.e2eP50]).toBeCloseTo(weighted, 12);
  });

  it('keeps a bucket without completions NaN, and does not average NaN windows away', () => {
    const a = new RowAggregator(LEN, SAMPLE);
    a.setLevel(1);
    a.push(pack([row(250, 0, NaN, 0), row(500, 0, NaN, 0), row(750, 2, 30, 0.5), row(1000, 2, NaN, 0)]));
    const [quiet, busy] = rowsOf(a.take());
    expect(quiet![node(F.latP50)]).toBeNaN();
    expect(quiet![G.e2eMean]).toBeNaN();
    // One window with 2 completions at 30 ms and one without: 30, not 15.
    expect(busy![node(F.latP50)]).toBe(30);
    expect(busy![G.e2eP99]).toBe(30);
  });

  it('a bucket with values but no completions counted takes their plain mean', () => {
    const a = new RowAggregator(LEN, SAMPLE);
    a.setLevel(1);
    a.push(pack([row(250, 0, 4, 0), row(500, 0, 8, 0)]));
    expect(rowsOf(a.take())[0]![node(F.latP50)]).toBe(6);
  });

  it('holds an unfinished bucket until it closes or is flushed, and stays aligned when the level changes', () => {
    const a = new RowAggregator(LEN, SAMPLE);
    a.setLevel(2);
    a.push(pack([row(250, 1, 1, 0), row(500, 2, 1, 0)]));
    expect(a.take().length).toBe(0);
    expect(a.pending).toBe(true);
    a.flush();
    const [partial] = rowsOf(a.take());
    expect(partial![G.now]).toBe(500);
    expect(partial![G.windowMs]).toBe(500);
    a.push(pack([row(750, 3, 1, 0), row(1000, 4, 1, 0)]));
    a.setLevel(3); // 2,000 ms from now on
    a.push(pack([row(1250, 5, 1, 0), row(1500, 6, 1, 0), row(1750, 7, 1, 0), row(2000, 8, 1, 0)]));
    expect(rowsOf(a.take()).map((r) => [r[G.now], r[G.windowMs]])).toEqual([
      [1000, 500],
      [2000, 1000],
    ]);
  });

  it("merged rows of a real run tile its time and end on the engine's counters", () => {
    const p = parseScenario({
      version: 1,
      nodes: [
        { id: 'p', type: 'producer', rate: 200 },
        { id: 'q', type: 'queue', capacity: 20 },
        { id: 's', type: 'service', serviceTime: { dist: 'exponential', meanMs: 6 } },
      ],
      edges: [
        { from: 'p', to: 'q' },
        { from: 'q', to: 's' },
      ],
    });
    if (!p.ok) throw new Error(JSON.stringify(p.issues));
    const sim = createSimulation(p.value, { sampleIntervalMs: SAMPLE, seriesRows: 1000 });
    sim.runUntil(60_000);
    const series = sim.series();
    const a = new RowAggregator(series.rowLength, SAMPLE);
    a.setLevel(4); // 4 s buckets
    a.push(series.data);
    const merged = a.take();
    const len = series.rowLength;
    const n = merged.length / len;
    expect(n).toBe(15);
    let covered = 0;
    for (let k = 0; k < n; k++) covered += merged[k * len + G.windowMs]!;
    expect(covered).toBe(60_000);
    const lastRow = series.data.subarray(series.data.length - len);
    const lastMerged = merged.subarray(merged.length - len);
    expect(lastMerged[G.completed]).toBe(lastRow[G.completed]);
    // The service's mean latency over the bucket is between its windows' extremes.
    const lat = G_STRIDE + 2 * F_STRIDE + F.latMean;
    const windows = Array.from({ length: 16 }, (_, k) => series.data[(series.rows - 16 + k) * len + lat]!).filter(Number.isFinite);
    expect(lastMerged[lat]).toBeGreaterThanOrEqual(Math.min(...windows) - 1e-9);
    expect(lastMerged[lat]).toBeLessThanOrEqual(Math.max(...windows) + 1e-9);
  });
});

describe('levelFor', () => {
  it('keeps rows per wall second under the bound at any speed, and every row at ordinary speeds', () => {
    expect(levelFor(1, SAMPLE, LEN, 40, 400_000)).toBe(0);
    expect(levelFor(10, SAMPLE, LEN, 40, 400_000)).toBe(0);
    for (const speed of [25, 100, 1000, 5000, 1e6]) {
      const level = levelFor(speed, SAMPLE, LEN, 40, 400_000);
      const rowsPerS = (speed * 1000) / (SAMPLE * 2 ** level);
      expect(rowsPerS).toBeLessThanOrEqual(40);
      expect(rowsPerS).toBeGreaterThan(20); // and no coarser than it must
    }
    // A big design is bounded by its doubles: 48,048 doubles a row (1,000 parts) at 10x.
    const big = snapshotLength(1000);
    const level = levelFor(10, SAMPLE, big, 40, 400_000);
    expect(((10 * 1000) / (SAMPLE * 2 ** level)) * big).toBeLessThanOrEqual(400_000);
  });
});
