import { describe, expect, it } from 'vitest';
import { SeriesRing, TimeAverage } from './series';

const fill = (ring: SeriesRing, values: number[]) =>
  values.forEach((v) => {
    ring.nextRow().fill(v);
    ring.commit();
  });

describe('SeriesRing', () => {
  it('keeps the newest rows once full, oldest first', () => {
    const ring = new SeriesRing(3, 2);
    fill(ring, [1, 2, 3, 4, 5]);
    expect(Array.from(ring.toArray())).toEqual([3, 3, 4, 4, 5, 5]);
    expect(Array.from(ring.column(1))).toEqual([3, 4, 5]);
  });

  it('streams the rows committed since a cursor, skipping what was overwritten', () => {
    const ring = new SeriesRing(3, 1);
    fill(ring, [1, 2]);
    const c = ring.total;
    expect(Array.from(ring.since(0))).toEqual([1, 2]);
    fill(ring, [3]);
    expect(Array.from(ring.since(c))).toEqual([3]);
    fill(ring, [4, 5, 6, 7]);
    expect(Array.from(ring.since(c))).toEqual([5, 6, 7]); // 4 is gone already
    expect(ring.since(ring.total).length).toBe(0);
  });
});

describe('TimeAverage', () => {
  it('weights each level by how long it lasted', () => {
    const a = new TimeAverage();
    a.set(0, 2); // 2 for 10 ms
    a.set(10, 6); // 6 for 30 ms
    expect(a.mean(40)).toBe((2 * 10 + 6 * 30) / 40);
  });

  it('gives the average over the last window separately', () => {
    const a = new TimeAverage();
    a.set(0, 4);
    expect(a.takeWindow(100)).toBe(4);
    a.set(150, 0);
    expect(a.takeWindow(200)).toBe(2);
  });
});
