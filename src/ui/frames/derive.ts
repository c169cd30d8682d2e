/**
 * Reading meaning out of snapshot rows: rates by differencing cumulative counters, and the health
 * colour of a node. Pure functions of the data.
 */
import { F, F_STRIDE, G, G_STRIDE, NODE_KIND_CODES } from '../../engine/snapshot';
import type { RowHistory } from './history';

export const nodeBase = (index: number): number => G_STRIDE + index * F_STRIDE;

/** Span over which rates are differenced: long enough to be steady, short enough to be live. */
export const RATE_SPAN_MS = 1000;

/**
 * Per-second rate of the cumulative counter at `field` for row i, over about `spanMs` before it.
 * Before the first row of a run the counters were zero at t = 0.
 */
export function rateAt(h: RowHistory, i: number, field: number, spanMs = RATE_SPAN_MS): number {
  if (i < 0 || i >= h.count) return NaN;
  const win = h.get(i, G.windowMs) || 250;
  const j = i - Math.max(1, Math.round(spanMs / win));
  const t = h.timeMs(i);
  let t0: number, v0: number;
  if (j >= 0) {
    t0 = h.timeMs(j);
    v0 = h.get(j, field);
  } else if (h.timeMs(0) <= win * 1.01) {
    t0 = 0;
    v0 = 0;
  } else {
    t0 = h.timeMs(0);
    v0 = h.get(0, field);
  }
  const dt = t - t0;
  return dt > 0 ? ((h.get(i, field) - v0) * 1000) / dt : NaN;
}

/** Rate of a node's counter at the newest row. */
export function latestNodeRate(h: RowHistory | null, index: number, field: number): number {
  if (!h || h.count === 0) return 0;
  const r = rateAt(h, h.count - 1, nodeBase(index) + field);
  return Number.isFinite(r) ? r : 0;
}

/** Items per second leaving a node towards its outputs. */
export function outflowRate(h: RowHistory | null, snap: Float64Array, index: number): number {
  const kind = snap[nodeBase(index) + F.kind];
  return latestNodeRate(h, index, kind === NODE_KIND_CODES.producer ? F.arrived : F.completed);
}

/** Share of what arrives at a node that is refused, dropped, expired or fails there. */
export function lossFraction(h: RowHistory | null, snap: Float64Array, index: number): number {
  if (snap[nodeBase(index) + F.kind] === NODE_KIND_CODES.producer) return 0;
  const arrived = latestNodeRate(h, index, F.arrived);
  if (arrived <= 0) return 0;
  const lost =
    latestNodeRate(h, index, F.rejected) + latestNodeRate(h, index, F.dropped) + latestNodeRate(h, index, F.expired) + latestNodeRate(h, index, F.failed);
  return Math.min(1, lost / arrived);
}

export type Health = 'idle' | 'healthy' | 'saturated' | 'overflowing';

/** Healthy, saturated (full or blocking) or overflowing (turning work away) at a glance. */
export function nodeHealth(h: RowHistory | null, snap: Float64Array, index: number): Health {
  const b = nodeBase(index);
  const level = snap[b + F.level]!;
  const cap = snap[b + F.capacity]!;
  const lost = latestNodeRate(h, index, F.rejected) + latestNodeRate(h, index, F.dropped) + latestNodeRate(h, index, F.expired);
  switch (snap[b + F.kind]) {
    case NODE_KIND_CODES.producer:
      // "Being refused" is its first hop saying no; its items lost further on (a full queue two
      // hops away, a topic's retention) colour the node where they were lost.
      if (latestNodeRate(h, index, F.rejected) > 0) return 'overflowing';
      // Blocked now, or for any part of the last second: a producer held back by backpressure
      // spends most of its time blocked, yet between two blocks it may hold nothing for an instant.
      if (level > 0 || latestNodeRate(h, index, F.blockedMs) > 0) return 'saturated';
      return snap[G.now]! > 0 ? 'healthy' : 'idle';
    case NODE_KIND_CODES.queue:
      if (lost > 0) return 'overflowing';
      if (snap[b + F.waitingSenders]! > 0 || (cap > 0 && level >= 0.8 * cap) || (cap === 0 && level > 0)) return 'saturated';
      if (cap < 0 && level > 1000) return 'saturated';
      return snap[G.now]! > 0 ? 'healthy' : 'idle';
    default:
      if (snap[b + F.held]! > 0 || snap[b + F.utilization]! >= 0.95 || snap[b + F.waitingSenders]! > 0) return 'saturated';
      return snap[G.now]! > 0 ? 'healthy' : 'idle';
  }
}
