/**
 * How long until a bounded buffer is full at its current growth rate ("full in 14 s"): a linear
 * projection from the depth now and the depth a few seconds ago. Pure functions of the data.
 */
import { F, G } from '../../engine/core';
import { nodeBase } from './derive';
import type { RowHistory } from './history';

/** Growth is measured over about this long: short enough to be live, long enough not to flicker. */
export const GROWTH_SPAN_MS = 5000;
/** Further out than this is not worth a warning. */
export const HORIZON_MS = 3_600_000;

/**
 * Milliseconds until `depth` reaches `capacity` growing at `perSecond` items/s; null when it is
 * not growing, unbounded (capacity < 0), already full, or further out than the horizon.
 */
export function msUntilFull(depth: number, capacity: number, perSecond: number): number | null {
  if (capacity <= 0 || !(perSecond > 0) || depth >= capacity) return null;
  const ms = ((capacity - depth) / perSecond) * 1000;
  return ms <= HORIZON_MS ? ms : null;
}

/** Growth of node i's level (a queue's depth) over the last `spanMs` of the history, items/s. */
export function levelGrowth(h: RowHistory | null, index: number, spanMs = GROWTH_SPAN_MS): number {
  if (!h || h.count < 2) return 0;
  const last = h.count - 1;
  const t = h.timeMs(last);
  const j = Math.min(h.firstAtOrAfter(t - spanMs), last - 1);
  const t0 = h.timeMs(j);
  if (!(t > t0)) return 0;
  const field = nodeBase(index) + F.level;
  return ((h.get(last, field) - h.get(j, field)) * 1000) / (t - t0);
}

/** Time to full of node i's buffer from the latest snapshot and its recent growth, or null. */
export function timeToFullMs(h: RowHistory | null, snap: Float64Array, index: number): number | null {
  if (snap[G.now]! <= 0) return null;
  const b = nodeBase(index);
  return msUntilFull(snap[b + F.level]!, snap[b + F.capacity]!, levelGrowth(h, index));
}

/** "full in 14 s", "full in 3.5 min"; empty when there is nothing to say. */
export function fullInText(ms: number | null): string {
  if (ms === null) return '';
  if (ms < 1000) return 'full in < 1 s';
  if (ms < 120_000) return `full in ${Math.round(ms / 1000)} s`;
  return `full in ${(ms / 60_000).toFixed(1)} min`;
}
