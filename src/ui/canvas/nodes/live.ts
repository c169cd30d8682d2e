/**
 * What the new kinds' node components share: reading their slice of the latest frame, their health
 * (which says "turning work away" the way queues do), and numbers as the nodes print them.
 */
import { F, G } from '../../../engine/core';
import { latestNodeRate, nodeBase, type Health } from '../../frames/derive';
import type { FrameState } from '../../frames/frameStore';
import { useFrames } from '../../frames/useFrames';

export interface NodeFrame {
  s: FrameState;
  snap: Float64Array;
  /** The node's index in the run. */
  i: number;
  /** Where its fields start in the snapshot. */
  b: number;
}

/** Calls `paint` with this node's slice of each painted frame (no React state, see useFrames). */
export function useNodeFrames(id: string, paint: (f: NodeFrame) => void): void {
  useFrames((s) => {
    const i = s.indexOf.get(id);
    if (i === undefined || !s.snapshot) return;
    paint({ s, snap: s.snapshot, i, b: nodeBase(i) });
  });
}

/**
 * A guard's health: overflowing while it turns work away (or its next hop does), saturated when
 * near its limit or when senders wait on it, healthy otherwise.
 */
export function guardHealth(f: NodeFrame, nearLimit: boolean): Health {
  if (f.snap[G.now]! <= 0) return 'idle';
  if (latestNodeRate(f.s.history, f.i, F.rejected) > 0) return 'overflowing';
  if (nearLimit || f.snap[f.b + F.waitingSenders]! > 0) return 'saturated';
  return 'healthy';
}

const grouped = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** "0.4 ms", "12 ms", "980 ms", "1.02 s", "12.5 s"; "—" when nothing was measured. */
export function ms(v: number): string {
  if (!Number.isFinite(v) || v <= 0) return '—';
  if (v < 10) return `${v.toFixed(1)} ms`;
  if (v < 1000) return `${Math.round(v)} ms`;
  return `${(v / 1000).toFixed(v < 10_000 ? 2 : 1)} s`;
}

/** A duration in a caption: "800 ms", "5 s", "1.5 s". */
export function duration(msValue: number): string {
  return msValue < 1000 ? `${msValue} ms` : `${Number((msValue / 1000).toFixed(2))} s`;
}

/** A level that may be fractional (tokens, an adaptive limit): one decimal while small. */
export function level(v: number): string {
  return v < 10 ? v.toFixed(1) : grouped.format(Math.floor(v));
}
