import { describe, expect, it } from 'vitest';
import { G, snapshotLength } from '../../engine/index';
import { RowHistory } from '../frames/history';
import type { LineSpec } from './metrics';
import { collectSeries, SeriesBuffers } from './series';

/** `rows` rows every 250 ms whose G.inSystem field is `value(i)`. */
function history(rows: number, value: (i: number) => number): RowHistory {
  const len = snapshotLength(0);
  const h = new RowHistory(len);
  const data = new Float64Array(rows * len);
  for (let i = 0; i < rows; i++) {
    data[i * len + G.now] = (i + 1) * 250;
    data[i * len + G.windowMs] = 250;
    data[i * len + G.inSystem] = value(i);
  }
  h.append(data);
  return h;
}

const line: LineSpec = { name: 'items', color: '#000', read: (h, i) => h.get(i, G.inSystem) };
const values = (b: SeriesBuffers) => Array.from(b.v[0]!.subarray(0, b.n));
const times = (b: SeriesBuffers) => Array.from(b.t.subarray(0, b.n));

describe('the points a chart draws', () => {
  it('keeps every row of the window, and one before it, when there is room', () => {
    const b = new SeriesBuffers(100, 1);
    collectSeries(history(20, (i) => i), [line], -1, 2000, 5000, b);
    // Rows at 2.0 s (index 7) and later, plus the one before: 1.75 s.
    expect(times(b)[0]).toBe(1.75);
    expect(times(b).at(-1)).toBe(5);
    expect(values(b)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(b.max).toBe(19);
  });

  it('thins a long window to the lowest and highest of each bucket, so a lone spike survives', () => {
    const b = new SeriesBuffers(20, 1); // 10 buckets
    const h = history(400, (i) => (i === 123 ? 1000 : 1));
    collectSeries(h, [line], -1, 0, 100_000, b);
    expect(b.n).toBeLessThanOrEqual(20);
    expect(values(b)).toContain(1000);
    expect(b.max).toBe(1000);
    // Every vertex time lies within the history, oldest first.
    const ts = times(b);
    expect(ts).toEqual([...ts].sort((x, y) => x - y));
  });

  it('orders each bucket’s extremes as they happened', () => {
    const b = new SeriesBuffers(4, 1); // 2 buckets of 4 rows
    collectSeries(history(8, (i) => [5, 9, 1, 5, 5, 1, 9, 5][i]!), [line], -1, 250, 1750, b);
    expect(values(b)).toEqual([9, 1, 1, 9]);
  });

  it('keeps the same buckets as the window scrolls (no shimmering)', () => {
    const a = new SeriesBuffers(40, 1);
    const b = new SeriesBuffers(40, 1);
    const v = (i: number) => Math.sin(i / 3) * 10 + 10;
    collectSeries(history(400, v), [line], -1, 0, 100_000, a);
    collectSeries(history(401, v), [line], -1, 250, 100_250, b);
    // Apart from the newest (partial) bucket, the vertices are the same ones.
    const shared = times(a).filter((t) => t >= times(b)[2]! && t < times(a).at(-2)!);
    for (const t of shared) expect(times(b)).toContain(t);
  });

  it('leaves gaps where a line has no value', () => {
    const b = new SeriesBuffers(100, 1);
    collectSeries(history(6, (i) => (i === 2 ? NaN : i)), [line], -1, 0, 1500, b);
    expect(values(b)).toEqual([0, 1, NaN, 3, 4, 5]);
  });

  it('draws nothing from an empty history', () => {
    const b = new SeriesBuffers(100, 1);
    collectSeries(new RowHistory(snapshotLength(0)), [line], -1, 0, 30_000, b);
    expect(b.n).toBe(0);
    expect(b.max).toBe(0);
  });
});
