/**
 * The typed contract between the UI thread and the simulation worker. Types only: the UI may
 * `import type` from here, never the worker itself (shared/STYLE.md, habit 5).
 */
import type { Report, Scenario } from '../engine/index';

/** Simulated seconds per wall second, or as fast as the worker can go. */
export type Speed = number | 'max';

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 100;

export interface RunStatus {
  playing: boolean;
  /** Simulated time, ms. */
  simMs: number;
  requestedSpeed: Speed;
  /** Simulated ms per wall ms over the last second of play (0 when paused). */
  achievedSpeed: number;
  /** Set while playing slower than requested: the worker cannot do the work in real time. */
  lagging: boolean;
  /** The engine stopped the run itself (a runaway); the message says why. */
  halted: string | null;
  /** A lesson's run stopped at its duration (its verdict is final); `runOn` lets it go on. */
  ended: boolean;
}

/**
 * What the worker pushes about 30 times a second. The arrays are transferred, not copied.
 * `rows` holds the series rows sampled since the previous frame, oldest first, each `rowLength`
 * long (metrics/layout.ts).
 */
export interface Frame {
  /** Bumped by every load/reset/replace: rows from an older epoch never mix with newer ones. */
  epoch: number;
  /** Node ids in snapshot order; sent on the first frame of an epoch only. */
  nodeIds?: string[];
  /** Doubles in the snapshot and in each row. */
  rowLength: number;
  /**
   * The state now; empty in a frame that came on its clock with rows, whose newest row is then the
   * state to show (frameSnapshot). Every array a frame brings is memory the page's GC must answer
   * for: at Max speed that is half of them (bench:ui counted the rest as major GCs, long tasks).
   */
  snapshot: Float64Array;
  rows: Float64Array;
  /** Timeline entries recorded since the previous frame: [atMs, node index, TIMELINE_KINDS index] triples. */
  marks: Float64Array;
  /**
   * Compare mode: the series rows of the kept copy (A) sampled since the previous frame, and its
   * node ids on the first frame of an epoch. Absent when not comparing.
   */
  baseline?: { rows: Float64Array; nodeIds?: string[] };
  status: RunStatus;
}

/** The state a frame brings: its snapshot, or its newest row when it came without one. */
export function frameSnapshot(f: Frame): Float64Array {
  if (f.snapshot.length > 0 || f.rows.length < f.rowLength) return f.snapshot;
  return f.rows.subarray(f.rows.length - f.rowLength);
}

export type FrameListener = (frame: Frame) => void;

export type ParamResult = { ok: true } | { ok: false; message: string };

/** What the worker exposes through comlink. */
export interface SimApi {
  /** Registers the frame callback (a comlink proxy). */
  connect(onFrame: FrameListener): void;
  /** Builds a fresh run of `scenario` at t = 0 with `seed`, paused. */
  load(scenario: Scenario, seed: number): void;
  play(): void;
  pause(): void;
  /** Pauses, then advances one slice of simulated time. */
  step(): Promise<void>;
  /** Back to t = 0 with the current scenario (live edits included) and seed. */
  reset(): void;
  /** A lesson's run that stopped at its duration plays on past it (until paused or reset). */
  runOn(): void;
  setSpeed(speed: Speed): void;
  /** The run pauses when it reaches each of these simulated times (a lesson's predictions); [] none. */
  setStops(ms: number[]): void;
  /** A live edit at the current simulated instant. */
  setParams(nodeId: string, patch: Record<string, unknown>): ParamResult;
  /** A structural edit (or a new seed): restarts from t = 0 with the new scenario, keeping play state. */
  replaceScenario(scenario: Scenario, seed: number): void;
  /**
   * Compare mode: runs `baseline` (a kept copy of the design) beside the live one, both restarted
   * from t = 0 on the same seed; null stops comparing.
   */
  compare(baseline: Scenario | null): void;
  /** The kept copy's report in compare mode, else null. */
  baselineReport(): Report | null;
  /** The run's report so far (the same one the CLI prints for the same scenario, seed and time). */
  report(): Report | null;
  /** Answers at once: the UI uses it to tell a busy worker from a dead one. */
  ping(): number;
}
