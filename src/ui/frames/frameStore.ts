/**
 * Per-frame data: the latest snapshot and the sampled history. Deliberately not React state: it
 * changes 30 times a second, and readers (node badges, edge dots, charts) subscribe here and write
 * to refs or the DOM directly (shared/STYLE.md, habit 6).
 */
import type { Frame, RunStatus } from '../../worker/protocol';
import { snapshotLength } from '../../engine/index';
import { RowHistory } from './history';
import { MarkRing } from './marks';

export interface FrameState {
  epoch: number;
  nodeIds: readonly string[];
  indexOf: ReadonlyMap<string, number>;
  snapshot: Float64Array | null;
  history: RowHistory | null;
  /** Timeline entries of this run (breaker transitions, halts, ...), for markers on the charts. */
  marks: MarkRing;
  /** Compare mode: the kept copy's (A's) series, beside this run's (B's); null when not comparing. */
  baseline: { history: RowHistory; indexOf: ReadonlyMap<string, number> } | null;
  status: RunStatus;
  /** Bumped by every frame: readers compare it to skip redundant work. */
  version: number;
}

const IDLE: RunStatus = { playing: false, simMs: 0, requestedSpeed: 1, achievedSpeed: 0, lagging: false, halted: null };

function empty(): FrameState {
  return { epoch: -1, nodeIds: [], indexOf: new Map(), snapshot: null, history: null, marks: new MarkRing(), baseline: null, status: IDLE, version: 0 };
}

let state: FrameState = empty();
const listeners = new Set<(s: FrameState) => void>();

export const frameStore = {
  get(): FrameState {
    return state;
  },

  subscribe(fn: (s: FrameState) => void): () => void {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },

  push(frame: Frame): void {
    if (frame.epoch !== state.epoch) {
      const ids = frame.nodeIds ?? state.nodeIds;
      state = {
        ...empty(),
        epoch: frame.epoch,
        nodeIds: ids,
        indexOf: new Map(ids.map((id, i) => [id, i])),
        history: new RowHistory(frame.snapshot.length),
        version: state.version,
      };
    }
    state.snapshot = frame.snapshot;
    state.status = frame.status;
    if (frame.rows.length > 0) state.history?.append(frame.rows);
    if (frame.marks.length > 0) state.marks.append(frame.marks);
    const b = frame.baseline;
    if (!b) state.baseline = null;
    else {
      if (b.nodeIds) state.baseline = { history: new RowHistory(snapshotLength(b.nodeIds.length)), indexOf: new Map(b.nodeIds.map((id, i) => [id, i])) };
      if (b.rows.length > 0) state.baseline?.history.append(b.rows);
    }
    state.version++;
    for (const fn of listeners) fn(state);
  },

  /** Forgets everything (a restarted worker). */
  clear(): void {
    state = { ...empty(), version: state.version + 1 };
    for (const fn of listeners) fn(state);
  },
};
