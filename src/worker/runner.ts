/**
 * Runs the engine against wall time: small slices of simulated time at the chosen speed, never
 * more than WORK_MS of work before yielding, no catch-up spiral when it falls behind (the shortfall
 * is reported, not made up: MainLoop.js's "panic"), and frames pushed at about 30 per second.
 */
import { createSimulation, type Report, type Scenario, type Simulation } from '../engine/index';
import type { Frame, ParamResult, RunStatus, Speed } from './protocol';
import { SpeedMeter } from './speedMeter';
import { levelFor, RowAggregator } from './rowAggregator';

/** Simulated ms per series row: fine enough for charts, coarse enough for steady windows. */
export const SAMPLE_MS = 250;
/** Series rows the engine keeps; the UI keeps its own history, this only bridges slow frames. */
const SERIES_ROWS = 2400;
/** Longest stretch of work before yielding to the worker's event loop. */
export const WORK_MS = 8;
/** Pause between slices when on schedule. */
const IDLE_MS = 8;
const FRAME_MS = 33;
/** A longer gap (a throttled background tab) is not made up for. */
const MAX_WALL_STEP_MS = 100;
/**
 * What crosses to the page per wall second, at most: rows (a chart redraws ten times a second and
 * has a few hundred pixels) and doubles (a 1,000-part row is 48,000 of them). Faster than that,
 * rows are merged into coarser buckets (rowAggregator.ts).
 */
const MAX_ROWS_PER_S = 40;
const MAX_DOUBLES_PER_S = 400_000;
/** A coarser bucket level is kept this long after the speed allows a finer one (no flapping). */
const LEVEL_HOLD_MS = 2000;
/** Timeline entries per frame, at most (the newest): the page keeps 512 in all (frames/marks.ts). */
export const MARKS_PER_FRAME = 64;

/** What the runner needs from its host: a clock and two ways to run later. */
export interface Host {
  now(): number;
  later(fn: () => void, ms: number): void;
  /** As soon as possible, after pending messages. */
  soon(fn: () => void): void;
}

export type FrameSink = (frame: Frame) => void | Promise<unknown>;

export class Runner {
  private sim: Simulation | null = null;
  private scenario: Scenario | null = null;
  private seed = 1;
  private epoch = 0;
  private playing = false;
  private speed: Speed = 1;
  private readonly meter = new SpeedMeter();
  private sink: FrameSink | null = null;
  /**
   * Compare mode: a kept copy of the design (A) run beside the live one (B) on the same seed, so
   * both see the same traffic (per-node random streams: kernel/rng.ts). Null when not comparing.
   */
  private baseline: { scenario: Scenario; sim: Simulation; cursor: number; layoutSent: boolean } | null = null;

  /** The engine's series cursor: rows up to it have been sent (Simulation.seriesSince). */
  private seriesCursor = 0;
  /** The engine's timeline cursor: entries up to it have been sent (Simulation.timelineRowsSince). */
  private timelineCursor = 0;
  private layoutSent = false;
  /** Merges the rows sent at high speed; the kept copy's rows (compare mode) are merged alike. */
  private agg: RowAggregator | null = null;
  private baselineAgg: RowAggregator | null = null;
  /** When the speed last needed the bucket level in use (or a coarser one), wall ms. */
  private levelNeededAt = 0;
  private lastFrameSimMs = 0;
  private frameInFlight = false;
  private frameOwed = false;
  private lastFrameAt = -Infinity;

  /**
   * Moments the page waits for (a lesson's locked-in predictions, before its end), ascending: the
   * run pauses at each, so it is scored on that instant's report, the one the CLI gives at that
   * duration. Set by the page (setStops); kept across resets and rebuilds.
   */
  private stops: number[] = [];
  /** A lesson's run let go on past its duration ("Run on"); cleared by every rebuild. */
  private runningOn = false;
  private tickQueued = false;
  private lastTickAt = 0;
  /** Events per runUntil call, tuned so one call takes about a millisecond. */
  private chunk = 2000;

  constructor(private readonly host: Host) {}

  connect(sink: FrameSink): void {
    this.sink = sink;
    this.emit(true);
  }

  load(scenario: Scenario, seed: number): void {
    this.playing = false;
    this.rebuild(scenario, seed);
  }

  replaceScenario(scenario: Scenario, seed: number): void {
    this.rebuild(scenario, seed);
    if (this.playing) this.startTicking();
  }

  reset(): void {
    if (!this.scenario) return;
    this.playing = false;
    this.rebuild(this.scenario, this.seed);
  }

  runOn(): void {
    if (!this.sim || this.sim.halted || this.runningOn) return;
    this.runningOn = true;
    this.play();
  }

  play(): void {
    if (!this.sim || this.playing || this.sim.halted) return;
    // A lesson that ran to its end plays again from 0 s, as a video does.
    if (this.sim.now >= this.endMs()) this.rebuild(this.scenario!, this.seed);
    this.playing = true;
    this.meter.reset();
    this.startTicking();
    this.emit(true);
  }

  pause(): void {
    this.playing = false;
    this.emit(true);
  }

  /** The run pauses when it reaches each of these simulated times (ms); [] pauses nowhere. */
  setStops(ms: readonly number[]): void {
    this.stops = [...new Set(ms)].filter((t) => Number.isFinite(t) && t > 0).sort((a, b) => a - b);
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
    this.meter.reset();
    this.emit(true);
  }

  /** Pauses, then runs to the next sample boundary: one new chart row per step. */
  async step(): Promise<void> {
    const sim = this.sim;
    if (!sim || sim.halted) return;
    this.playing = false;
    const target = Math.min((Math.floor(sim.now / SAMPLE_MS) + 1) * SAMPLE_MS, this.endMs(), this.nextStop(sim.now));
    while (!this.runChunks(sim, target, this.host.now() + WORK_MS)) {
      await new Promise<void>((resolve) => this.host.soon(resolve));
      if (sim !== this.sim) return; // replaced meanwhile
    }
    this.emit(true);
  }

  setParams(nodeId: string, patch: Record<string, unknown>): ParamResult {
    const sim = this.sim;
    const scenario = this.scenario;
    if (!sim || !scenario) return { ok: false, message: 'no scenario loaded' };
    const r = sim.setParams(nodeId, patch);
    if (!r.ok) return { ok: false, message: r.issues.map((i) => `${i.path}: ${i.message}`).join('; ') };
    // Keep the scenario current so Reset replays the edited design.
    this.scenario = { ...scenario, nodes: scenario.nodes.map((n) => (n.id === nodeId ? { ...r.value, position: n.position } : n)) };
    this.emit(true);
    return { ok: true };
  }

  report(): Report | null {
    return this.sim ? this.sim.report() : null;
  }

  /** Starts comparing the live design with `baseline` (both from t = 0), or stops (null). */
  compare(baseline: Scenario | null): void {
    this.baseline = baseline ? { scenario: baseline, sim: this.simOf(baseline, this.seed), cursor: 0, layoutSent: false } : null;
    if (this.scenario) this.rebuild(this.scenario, this.seed);
  }

  /** The kept copy's report (compare mode), at the same simulated time as far as it has caught up. */
  baselineReport(): Report | null {
    return this.baseline ? this.baseline.sim.report() : null;
  }

  private simOf(scenario: Scenario, seed: number): Simulation {
    return createSimulation(scenario, { seed, sampleIntervalMs: SAMPLE_MS, seriesRows: SERIES_ROWS });
  }

  private rebuild(scenario: Scenario, seed: number): void {
    this.runningOn = false;
    this.scenario = scenario;
    this.seed = seed;
    this.sim = this.simOf(scenario, seed);
    const b = this.baseline;
    if (b) this.baseline = { scenario: b.scenario, sim: this.simOf(b.scenario, seed), cursor: 0, layoutSent: false };
    this.epoch++;
    this.seriesCursor = 0;
    this.timelineCursor = 0;
    this.layoutSent = false;
    this.agg = new RowAggregator(this.sim.snapshotLength, SAMPLE_MS);
    this.baselineAgg = this.baseline ? new RowAggregator(this.baseline.sim.snapshotLength, SAMPLE_MS) : null;
    this.lastFrameSimMs = 0;
    this.meter.reset();
    this.emit(true);
  }

  private startTicking(): void {
    this.lastTickAt = this.host.now();
    if (!this.tickQueued) {
      this.tickQueued = true;
      this.host.soon(this.tick);
    }
  }

  private readonly tick = (): void => {
    this.tickQueued = false;
    const sim = this.sim;
    if (!this.playing || !sim) return;
    const t0 = this.host.now();
    const wallMs = Math.min(t0 - this.lastTickAt, MAX_WALL_STEP_MS);
    this.lastTickAt = t0;
    const before = sim.now;
    const stop = this.nextStop(before);
    const target = Math.min(this.speed === 'max' ? Infinity : sim.now + wallMs * this.speed, this.endMs(), stop);
    const reached = this.runChunks(sim, target, t0 + WORK_MS);
    this.meter.add(wallMs, sim.now - before, this.speed);
    if (sim.halted || sim.now >= this.endMs() || sim.now >= stop) this.playing = false;
    this.emit(!this.playing); // the frame that says it stopped must not be skipped by the rate limit
    if (!this.playing) return;
    this.tickQueued = true;
    if (reached) this.host.later(this.tick, IDLE_MS);
    else this.host.soon(this.tick);
  };

  /** Runs towards `target` until `deadline` (wall ms); true when it got there (or halted). */
  private runChunks(sim: Simulation, target: number, deadline: number): boolean {
    if (!this.runOne(sim, target, deadline)) return false;
    // The kept copy follows to the same instant (it may lag a little when it is the heavier one).
    const b = this.baseline?.sim;
    return !b || b.halted !== null || this.runOne(b, sim.now, deadline);
  }

  private runOne(sim: Simulation, target: number, deadline: number): boolean {
    for (;;) {
      const start = this.host.now();
      const n = sim.runUntil(target, this.chunk);
      if (sim.halted || n < this.chunk) return true;
      const end = this.host.now();
      const perMs = n / Math.max(end - start, 0.05);
      this.chunk = Math.round(Math.min(100_000, Math.max(200, perMs)));
      if (end >= deadline) return false;
    }
  }

  /**
   * Where a run stops by itself: a lesson stops at its durationMs, so its check reads the same
   * report the CLI prints; a design of one's own runs on until paused.
   */
  private endMs(): number {
    return this.scenario?.lesson && !this.runningOn ? this.scenario.durationMs : Infinity;
  }

  /** The next prediction moment after `now`, or Infinity. */
  private nextStop(now: number): number {
    return this.runningOn ? Infinity : (this.stops.find((ms) => ms > now) ?? Infinity);
  }

  private status(): RunStatus {
    const sim = this.sim;
    return {
      playing: this.playing,
      simMs: sim ? sim.now : 0,
      requestedSpeed: this.speed,
      achievedSpeed: this.playing ? this.meter.achieved : 0,
      lagging: this.playing && this.meter.lagging,
      halted: sim?.halted?.message ?? null,
      ended: sim !== null && sim.now >= this.endMs(),
    };
  }

  /**
   * The bucket level for the rows sent, from the speed (the meter's, or the last frame's if higher:
   * the meter takes a second to see a jump to Max). Coarser at once, finer only after a while.
   */
  private retune(now: number, frameSpeed: number): void {
    const agg = this.agg;
    if (!agg || !this.sim) return;
    const speed = this.playing ? Math.max(this.meter.achieved, frameSpeed) : 0;
    const want = levelFor(speed, SAMPLE_MS, this.sim.snapshotLength + (this.baseline?.sim.snapshotLength ?? 0), MAX_ROWS_PER_S, MAX_DOUBLES_PER_S);
    if (want >= agg.currentLevel) this.levelNeededAt = now;
    if (want > agg.currentLevel || (want < agg.currentLevel && now - this.levelNeededAt >= LEVEL_HOLD_MS)) {
      agg.setLevel(want);
      this.baselineAgg?.setLevel(want);
    }
  }

  /** Rows through an aggregator; a forced frame (pause, step, edit, the end) closes its open bucket. */
  private merge(agg: RowAggregator | null, rows: Float64Array, force: boolean): Float64Array {
    if (!agg) return rows;
    agg.push(rows);
    if (force || !this.playing) agg.flush();
    return agg.take();
  }

  /** Sends a frame unless one is still on its way (then owes one); `force` ignores the rate limit. */
  private emit(force: boolean): void {
    const sim = this.sim;
    const sink = this.sink;
    if (!sim || !sink) return;
    const now = this.host.now();
    if (this.frameInFlight) {
      if (force) this.frameOwed = true;
      return;
    }
    if (!force && now - this.lastFrameAt < FRAME_MS) return;
    const wallGap = now - this.lastFrameAt;
    this.lastFrameAt = now;
    this.retune(now, (sim.now - this.lastFrameSimMs) / Math.max(1, wallGap));
    this.lastFrameSimMs = sim.now;
    // Only the rows sampled since the last frame, merged at high speed, never the engine's ring.
    const tail = sim.seriesSince(this.seriesCursor);
    this.seriesCursor = tail.cursor;
    const rows = this.merge(this.agg, tail.data, force);
    const marks = sim.timelineRowsSince(this.timelineCursor);
    this.timelineCursor = marks.cursor;
    // A frame on its clock with rows shows its newest row (Frame.snapshot); one forced by an edit,
    // a step or a reset shows the state at this very instant.
    const snapshot = force || rows.length === 0 ? sim.snapshot() : new Float64Array(0);
    const markData = marks.data.length > 3 * MARKS_PER_FRAME ? marks.data.slice(marks.data.length - 3 * MARKS_PER_FRAME) : marks.data;
    const frame: Frame = { epoch: this.epoch, rowLength: tail.rowLength, snapshot, rows, marks: markData, status: this.status() };
    if (!this.layoutSent) {
      frame.nodeIds = sim.nodeIds.slice();
      this.layoutSent = true;
    }
    const b = this.baseline;
    if (b) {
      const kept = b.sim.seriesSince(b.cursor);
      b.cursor = kept.cursor;
      frame.baseline = { rows: this.merge(this.baselineAgg, kept.data, force) };
      if (!b.layoutSent) {
        frame.baseline.nodeIds = b.sim.nodeIds.slice();
        b.layoutSent = true;
      }
    }
    const sent = sink(frame);
    if (sent && typeof sent.then === 'function') {
      this.frameInFlight = true;
      const done = (): void => {
        this.frameInFlight = false;
        if (this.frameOwed) {
          this.frameOwed = false;
          this.emit(true);
        }
      };
      sent.then(done, done);
    }
  }
}
