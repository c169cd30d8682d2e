/**
 * Per-frame data: the latest snapshot and the sampled history. Deliberately not React state: it
 * changes 30 times a second, and readers (node badges, edge dots, charts) subscribe here and write
 * to refs or the DOM directly (shared/STYLE.md, habit 6).
 *
 * `frameStore` is the page's. The paint worker keeps a FrameBook of its own, fed with
 * copies of the same frames (ui/paint/chartsRenderer.ts), so it needs nothing of the page.
 */
import { frameSnapshot, type Frame, type RunStatus } from '../../worker/protocol';
import { snapshotLength } from '../../engine/snapshot';
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
  baseline: { history: RowHistory; indexOf: ReadonlyMap<string, number>; nodeIds: readonly string[] } | null;
  status: RunStatus;
  /** Bumped by every frame: readers compare it to skip redundant work. */
  version: number;
}

const IDLE: RunStatus = { playing: false, simMs: 0, requestedSpeed: 1, achievedSpeed: 0, lagging: false, halted: null, ended: false };

function empty(): FrameState {
  return { epoch: -1, nodeIds: [], indexOf: new Map(), snapshot: null, history: null, marks: new MarkRing(), baseline: null, status: IDLE, version: 0 };
}

const indexOf = (ids: readonly string[]) => new Map(ids.map((id, i) => [id, i]));

export class FrameBook {
  private state: FrameState = empty();
  private readonly listeners = new Set<(s: FrameState) => void>();
  private readonly frameListeners = new Set<(f: Frame | null) => void>();

  get(): FrameState {
    return this.state;
  }

  subscribe(fn: (s: FrameState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Called with every frame as it arrives, before it is merged (to pass it on elsewhere), and with null on clear(). */
  subscribeFrames(fn: (f: Frame | null) => void): () => void {
    this.frameListeners.add(fn);
    return () => this.frameListeners.delete(fn);
  }

  push(frame: Frame): void {
    for (const fn of this.frameListeners) fn(frame);
    let state = this.state;
    if (frame.epoch !== state.epoch) {
      const ids = frame.nodeIds ?? state.nodeIds;
      state = this.state = {
        ...empty(),
        epoch: frame.epoch,
        nodeIds: ids,
        indexOf: indexOf(ids),
        history: new RowHistory(frame.rowLength),
        version: state.version,
      };
    }
    state.snapshot = frameSnapshot(frame);
    state.status = frame.status;
    if (frame.rows.length > 0) state.history?.append(frame.rows);
    if (frame.marks.length > 0) state.marks.append(frame.marks);
    const b = frame.baseline;
    if (!b) state.baseline = null;
    else {
      if (b.nodeIds) state.baseline = { history: new RowHistory(snapshotLength(b.nodeIds.length)), indexOf: indexOf(b.nodeIds), nodeIds: b.nodeIds };
      if (b.rows.length > 0) state.baseline?.history.append(b.rows);
    }
    state.version++;
    for (const fn of this.listeners) fn(state);
  }

  /**
   * Everything held now as one frame (the whole history, the marks, the kept copy's series), for a
   * reader that starts mid-run: pushed into an empty FrameBook, it gives the same state. Null
   * before the first frame.
   */
  replay(): Frame | null {
    const s = this.state;
    if (!s.snapshot || !s.history) return null;
    const b = s.baseline;
    return {
      epoch: s.epoch,
      nodeIds: [...s.nodeIds],
      rowLength: s.snapshot.length,
      snapshot: s.snapshot.slice(),
      rows: s.history.pack(),
      marks: s.marks.pack(),
      ...(b ? { baseline: { nodeIds: [...b.nodeIds], rows: b.history.pack() } } : {}),
      status: s.status,
    };
  }

  /** Forgets everything (a restarted worker). */
  clear(): void {
    for (const fn of this.frameListeners) fn(null);
    this.state = { ...empty(), version: this.state.version + 1 };
    for (const fn of this.listeners) fn(this.state);
  }
}

export const frameStore = new FrameBook();
