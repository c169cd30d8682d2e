import { describe, expect, it } from 'vitest';
import { F, G, G_STRIDE, NODE_KIND_CODES, snapshotLength } from '../../engine/index';
import { nodeBase, nodeHealth, rateAt } from './derive';
import { RowHistory } from './history';

/** Rows every 250 ms in which node 0's `arrived` counter grows by `perRow`. */
function history(rows: number, perRow: number): RowHistory {
  const len = snapshotLength(1);
  const h = new RowHistory(len);
  const data = new Float64Array(rows * len);
  for (let i = 0; i < rows; i++) {
    data[i * len + G.now] = (i + 1) * 250;
    data[i * len + G.windowMs] = 250;
    data[i * len + nodeBase(0) + F.arrived] = (i + 1) * perRow;
  }
  h.append(data);
  return h;
}

describe('rates from cumulative counters', () => {
  it('differences over about a second of simulated time', () => {
    const h = history(20, 25);
    expect(rateAt(h, 19, G_STRIDE + F.arrived)).toBeCloseTo(100);
  });

  it('counts from zero at t = 0 before a full second has passed', () => {
    const h = history(2, 25);
    expect(rateAt(h, 0, G_STRIDE + F.arrived)).toBeCloseTo(100);
  });

  it('keeps the newest rows when the ring is full', () => {
    const h = history(10_000, 1);
    expect(h.count).toBe(h.capacity);
    expect(h.timeMs(h.count - 1)).toBe(10_000 * 250);
    expect(h.firstAtOrAfter(h.timeMs(5))).toBe(5);
  });
});

describe('a producer’s health', () => {
  /** A producer's rows in which `field` (of its items) grows by 10 a row. */
  function producer(field: number): { h: RowHistory; snap: Float64Array } {
    const len = snapshotLength(1);
    const h = new RowHistory(len);
    const data = new Float64Array(8 * len);
    for (let i = 0; i < 8; i++) {
      data[i * len + G.now] = (i + 1) * 250;
      data[i * len + G.windowMs] = 250;
      data[i * len + nodeBase(0) + F.kind] = NODE_KIND_CODES.producer;
      data[i * len + nodeBase(0) + field] = (i + 1) * 10;
    }
    h.append(data);
    return { h, snap: data.slice(7 * len) };
  }

  it('is "being refused" when its first hop refuses, not when its items are lost further on', () => {
    const refused = producer(F.rejected);
    expect(nodeHealth(refused.h, refused.snap, 0)).toBe('overflowing');
    for (const field of [F.dropped, F.expired]) {
      const lostLater = producer(field);
      expect(nodeHealth(lostLater.h, lostLater.snap, 0)).toBe('healthy');
    }
  });

  it('is blocked while it spent any of the last second blocked, even if it holds nothing right now', () => {
    const blocked = producer(F.blockedMs);
    expect(blocked.snap[nodeBase(0) + F.level]).toBe(0);
    expect(nodeHealth(blocked.h, blocked.snap, 0)).toBe('saturated');
    const sending = producer(F.accepted);
    expect(nodeHealth(sending.h, sending.snap, 0)).toBe('healthy');
  });
});
