import { describe, expect, it } from 'vitest';
import { F, G, snapshotLength } from '../../engine/index';
import { nodeBase } from './derive';
import { RowHistory } from './history';
import { fullInText, levelGrowth, msUntilFull, timeToFullMs } from './projection';

/** Rows every 250 ms in which node 0 (a queue of `cap`) holds depth(t). */
function rows(n: number, cap: number, depth: (ms: number) => number): { h: RowHistory; last: Float64Array } {
  const len = snapshotLength(1);
  const h = new RowHistory(len);
  const data = new Float64Array(n * len);
  for (let i = 0; i < n; i++) {
    const t = (i + 1) * 250;
    data[i * len + G.now] = t;
    data[i * len + G.windowMs] = 250;
    data[i * len + nodeBase(0) + F.capacity] = cap;
    data[i * len + nodeBase(0) + F.level] = depth(t);
  }
  h.append(data);
  return { h, last: data.subarray((n - 1) * len, n * len) };
}

describe('time until a bounded buffer is full', () => {
  it('is the room left divided by the growth rate', () => {
    expect(msUntilFull(300, 1000, 50)).toBe(14_000); // 700 items of room at 50/s
    expect(msUntilFull(0, 10, 1000)).toBe(10);
  });

  it('says nothing when the buffer is not growing, is unbounded, is full, or fills beyond an hour', () => {
    expect(msUntilFull(300, 1000, 0)).toBeNull();
    expect(msUntilFull(300, 1000, -5)).toBeNull();
    expect(msUntilFull(300, -1, 50)).toBeNull(); // unbounded
    expect(msUntilFull(1000, 1000, 50)).toBeNull(); // full already: it is refusing, not filling
    expect(msUntilFull(0, 1_000_000, 1)).toBeNull();
  });

  it('measures the growth over the last five seconds of the history', () => {
    const { h, last } = rows(60, 1000, (t) => 20 + 0.05 * t); // 50 items/s from 20
    expect(levelGrowth(h, 0)).toBeCloseTo(50, 9);
    // At 15 s: depth 770, 230 left at 50/s.
    expect(timeToFullMs(h, last, 0)).toBeCloseTo(4600, 6);
  });

  it('follows a change of pace: a queue that stopped growing five seconds ago is no longer "filling"', () => {
    const { h, last } = rows(80, 1000, (t) => Math.min(500, 0.05 * t)); // flat at 500 from 10 s
    expect(levelGrowth(h, 0)).toBe(0);
    expect(timeToFullMs(h, last, 0)).toBeNull();
  });

  it('is written for a node badge', () => {
    expect(fullInText(14_200)).toBe('full in 14 s');
    expect(fullInText(400)).toBe('full in < 1 s');
    expect(fullInText(210_000)).toBe('full in 3.5 min');
    expect(fullInText(null)).toBe('');
  });
});
