/**
 * The simulation kernel: a clock that only moves when events say so, the future-event list,
 * the items in flight, and the bookkeeping every outcome passes through.
 */
import { EventQueue } from './eventQueue';
import { ItemPool } from './items';
import { COMPLETED, DROPPED, EXPIRED, FAILED, O_REFUSED, OUTCOMES, PRIO_SAMPLE, REASONS, REFUSED, R_NONE, TIMEOUT, type OutcomeName } from './protocol';
import type { SimNode } from './node';
import { Histogram, NO_LATENCY, WindowedHistogram, windowLatency } from '../metrics/histogram';
import { F, G, G_STRIDE, F_STRIDE, NodeSnapshotWriter, REASON_SLOTS, snapshotLength } from '../metrics/layout';
import { SeriesRing } from '../metrics/series';
import { Timeline, TL_HALTED } from '../metrics/timeline';
import { groupDigits } from '../metrics/format';
import type { Alerts } from '../metrics/alerts';
import { ALERT_EVALUATION_MS } from '../scenario/scaling';

export interface SimOptions {
  /**
   * The run stops itself once this many items are in the system at once (a runaway: something
   * unbounded receives faster than it drains). Default 1,000,000: about 40 MB of item state.
   */
  maxItemsInSystem?: number;
  /** Simulated ms per sample of the time series and per window of windowed statistics. */
  sampleIntervalMs?: number;
  /** Rows kept in the time-series ring (oldest dropped first). */
  seriesRows?: number;
}

export interface Halt {
  atMs: number;
  reason: 'runaway';
  /** The node that holds most of the items. */
  nodeId: string;
  message: string;
}

/** One line of a trace: when, which item (by serial), what happened, where. */
export type TraceEntry = [timeMs: number, item: number, outcome: OutcomeName, nodeId: string];

export const DEFAULT_MAX_ITEMS = 1_000_000;
export const DEFAULT_SAMPLE_MS = 1000;
export const DEFAULT_SERIES_ROWS = 600;
/** Upper bound on doubles kept in the series ring, whatever the node count. */
const SERIES_BUDGET = 4_000_000;

// The snapshot's global block has a fixed number of reason counters.
if (REASONS.length > REASON_SLOTS) throw new Error(`REASONS has ${REASONS.length} entries; layout.ts REASON_SLOTS has room for ${REASON_SLOTS}`);

const SIM_TARGET = -1;
const SAMPLE_EVENT = 0;
/** Target of scripted timeline events (scenario `events`); `arg` is the event's index. */
export const SCRIPT_TARGET = -2;
/** Target of alert evaluations (scenario `alerts`): a measurement, not a model event. */
export const ALERTS_TARGET = -3;

export class Sim {
  now = 0;
  events = 0;
  readonly eq = new EventQueue(256);
  readonly items = new ItemPool(1024);
  nodes: SimNode[] = [];
  halted: Halt | null = null;

  readonly maxItems: number;
  readonly sampleIntervalMs: number;

  /** Set by a receiver that answers REFUSED: why, and when to try again (ms, 0 = no hint). */
  refusalReason = 0;
  refusalRetryAfterMs = 0;
  /** Index of the node that refused. */
  refusedBy = -1;

  /** Applies scripted event number `arg` (set by the Simulation when the scenario has events). */
  script: ((arg: number) => void) | null = null;

  /** Alert rules (metrics/alerts.ts), set by the Simulation when the scenario has some. */
  alerts: Alerts | null = null;

  /** When set, every finished item is reported here (tests and debugging; off by default). */
  tracer: ((entry: TraceEntry, reason: number, retryAfterMs: number) => void) | null = null;

  // Outcomes of root items (the work producers created), system-wide.
  produced = 0;
  completed = 0;
  refused = 0;
  dropped = 0;
  expired = 0;
  failed = 0;
  timedOut = 0;
  /** Root items completed no later than their deadline. */
  goodput = 0;
  /** Root items alive now. */
  liveRoots = 0;
  /** Every refusal, drop, expiry, failure and timeout by reason (calls included). */
  readonly reasonCounts = new Float64Array(REASONS.length);

  /** Set by `finish` for the replyTo node to read in onOutcome: why, and the retry-after hint. */
  outcomeReason = R_NONE;
  outcomeRetryAfterMs = 0;
  outcomeAt = -1;

  // Observer records: a linked list per item of nodes to tell when the item ends.
  private obsNode = new Int32Array(256);
  private obsNext = new Int32Array(256);
  private obsSince = new Float64Array(256);
  private obsFree: number[] = [];
  private obsFresh = 0;

  /** End-to-end latency, creation to completion at a node with no outgoing edge. */
  readonly e2e = new Histogram();
  /** The same per priority class (index into PRIORITY_CLASSES), made when a class first completes. */
  readonly e2eByClass: (Histogram | null)[] = [null, null, null, null, null];
  readonly e2eWindow = new WindowedHistogram();
  private lastWindow = { ...NO_LATENCY };

  series!: SeriesRing;
  readonly timeline = new Timeline();
  private readonly writer = new NodeSnapshotWriter();
  private readonly seriesRows: number;

  constructor(opts: SimOptions = {}) {
    this.maxItems = opts.maxItemsInSystem ?? DEFAULT_MAX_ITEMS;
    this.sampleIntervalMs = opts.sampleIntervalMs ?? DEFAULT_SAMPLE_MS;
    this.seriesRows = opts.seriesRows ?? DEFAULT_SERIES_ROWS;
  }

  /** Called by the builder once every node exists and is wired. */
  begin(): void {
    const rowLen = snapshotLength(this.nodes.length);
    this.series = new SeriesRing(Math.min(this.seriesRows, Math.floor(SERIES_BUDGET / rowLen)), rowLen);
    for (const n of this.nodes) n.start();
    this.eq.push(this.sampleIntervalMs, PRIO_SAMPLE, SIM_TARGET, SAMPLE_EVENT, 0);
    if (this.alerts) this.eq.push(ALERT_EVALUATION_MS, PRIO_SAMPLE, ALERTS_TARGET, 0, 0);
  }

  schedule(at: number, prio: number, node: number, kind: number, arg: number): void {
    this.eq.push(at, prio, node, kind, arg);
  }

  /**
   * Processes every event due at or before `untilMs`, at most `maxEvents` of them, and advances
   * the clock to `untilMs` if it got there. Returns the number of events processed. Stops early
   * (with `halted` set) if the run has run away.
   */
  runUntil(untilMs: number, maxEvents = Infinity): number {
    const eq = this.eq;
    const nodes = this.nodes;
    let processed = 0;
    let sampled = 0;
    while (processed < maxEvents && this.halted === null) {
      const t = eq.peekTime();
      if (t > untilMs) break;
      eq.pop();
      this.now = t;
      processed++;
      const target = eq.poppedTarget;
      if (target === SIM_TARGET) {
        this.sample();
        sampled++;
      } else if (target === SCRIPT_TARGET) this.script!(eq.poppedArg);
      else if (target === ALERTS_TARGET) {
        this.alerts!.evaluate();
        sampled++;
        eq.push(this.now + ALERT_EVALUATION_MS, PRIO_SAMPLE, ALERTS_TARGET, 0, 0);
      }
      else nodes[target]!.handle(eq.poppedKind, eq.poppedArg);
    }
    // Only the model's events count: how often a UI samples must not change the report.
    this.events += processed - sampled;
    if (this.halted === null && eq.peekTime() > untilMs && untilMs > this.now && untilMs !== Infinity) this.now = untilMs;
    return processed;
  }

  // ---- items ----

  /** A new item, or -1 if the system is full (the run halts and says which node ran away). */
  newItem(replyTo: number, cls: number, size: number): number {
    const items = this.items;
    if (items.live >= this.maxItems) {
      this.haltRunaway();
      return -1;
    }
    const id = items.alloc();
    items.created[id] = this.now;
    items.entered[id] = this.now;
    items.cls[id] = cls;
    items.size[id] = size;
    items.replyTo[id] = replyTo;
    this.produced++;
    this.liveRoots++;
    items.serial[id] = this.produced;
    return id;
  }

  /**
   * A call made on behalf of `parent` (an attempt by a client or a calling service). Its outcome
   * goes to `caller`, with `callRef` to tell its calls apart. -1 if the system is full.
   */
  newCall(parent: number, caller: number, callRef: number, deadline: number): number {
    const items = this.items;
    if (items.live >= this.maxItems) {
      this.haltRunaway();
      return -1;
    }
    const id = items.alloc();
    items.created[id] = this.now;
    items.entered[id] = this.now;
    items.cls[id] = items.cls[parent]!;
    items.size[id] = items.size[parent]!;
    items.serial[id] = items.serial[parent]!;
    items.replyTo[id] = caller;
    items.parent[id] = parent;
    items.callRef[id] = callRef;
    items.deadline[id] = deadline;
    return id;
  }

  /** Asks to be told (SimNode.onObserved, with the time it asked) when `item` ends. */
  observe(item: number, node: number): void {
    let rec: number;
    if (this.obsFree.length > 0) rec = this.obsFree.pop()!;
    else {
      if (this.obsFresh === this.obsNode.length) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2);
          b.set(a);
          return b;
        };
        this.obsNode = grow(this.obsNode);
        this.obsNext = grow(this.obsNext);
        const since = new Float64Array(this.obsSince.length * 2);
        since.set(this.obsSince);
        this.obsSince = since;
      }
      rec = this.obsFresh++;
    }
    this.obsNode[rec] = node;
    this.obsSince[rec] = this.now;
    this.obsNext[rec] = this.items.obsHead[item]!;
    this.items.obsHead[item] = rec;
  }

  /**
   * Tells the item's observers it ended with `outcome` and forgets them. `finish` does this; a
   * caller that gives up on a call does it early (the observers count a timeout, while the
   * abandoned call may still be served: wasted work).
   */
  releaseObservers(item: number, outcome: number): void {
    let rec = this.items.obsHead[item]!;
    this.items.obsHead[item] = -1;
    while (rec >= 0) {
      const node = this.obsNode[rec]!;
      const next = this.obsNext[rec]!;
      this.obsFree.push(rec);
      this.nodes[node]!.onObserved(item, outcome, this.obsSince[rec]!);
      rec = next;
    }
  }

  /** A receiver's answer REFUSED, with the reason recorded for the sender. */
  refuse(node: number, reason: number, retryAfterMs = 0): typeof REFUSED {
    this.refusedBy = node;
    this.refusalReason = reason;
    this.refusalRetryAfterMs = retryAfterMs;
    return REFUSED;
  }

  /** Ends an item refused by the node that last answered REFUSED, with that node's reason. */
  finishRefused(item: number): void {
    this.finish(item, O_REFUSED, this.refusedBy, this.refusalReason, this.refusalRetryAfterMs);
  }

  /**
   * Ends an item's life at node `at`: counts the outcome (with its reason, see REASONS), tells
   * the item's observers and its replyTo node, frees the id.
   */
  finish(item: number, outcome: number, at: number, reason = R_NONE, retryAfterMs = 0): void {
    const items = this.items;
    if (this.tracer) this.tracer([this.now, items.serial[item]!, OUTCOMES[outcome]!, at >= 0 ? this.nodes[at]!.id : '?'], reason, retryAfterMs);
    if (items.obsHead[item]! >= 0) this.releaseObservers(item, outcome);
    if (reason >= 0) this.reasonCounts[reason]!++;
    if (items.parent[item]! < 0) {
      this.liveRoots--;
      switch (outcome) {
        case COMPLETED: {
          this.completed++;
          const lat = this.now - items.created[item]!;
          this.e2e.record(lat);
          (this.e2eByClass[items.cls[item]!] ??= new Histogram()).record(lat);
          this.e2eWindow.record(lat);
          this.alerts?.latency?.record(lat);
          if (this.now <= items.deadline[item]!) this.goodput++;
          break;
        }
        case O_REFUSED:
          this.refused++;
          break;
        case DROPPED:
          this.dropped++;
          break;
        case EXPIRED:
          this.expired++;
          break;
        case FAILED:
          this.failed++;
          break;
        case TIMEOUT:
          this.timedOut++;
          break;
      }
    }
    const r = items.replyTo[item]!;
    if (r >= 0) {
      this.outcomeReason = reason;
      this.outcomeRetryAfterMs = retryAfterMs;
      this.outcomeAt = at;
      this.nodes[r]!.onOutcome(item, outcome);
    }
    items.release(item);
  }

  private haltRunaway(): void {
    let worst = this.nodes[0]!;
    for (const n of this.nodes) if (n.held() > worst.held()) worst = n;
    const total = this.items.live;
    const s = (this.now / 1000).toFixed(1);
    this.timeline.add(this.now, worst.index, TL_HALTED);
    this.halted = {
      atMs: this.now,
      reason: 'runaway',
      nodeId: worst.id,
      message:
        `Stopped at ${s} s of simulated time: ${groupDigits(total)} items in the system, the limit. ` +
        `${worst.type} "${worst.id}" holds ${groupDigits(worst.held())} of them and grew without bound: ` +
        `it receives faster than it is drained. Bound it (a capacity and an overflow policy) or add capacity downstream.`,
    };
  }

  // ---- measurement ----

  private sample(): void {
    this.e2eWindow.roll();
    const w = this.e2eWindow.previous;
    this.lastWindow = windowLatency(w);
    for (const n of this.nodes) n.roll();
    const row = this.series.nextRow();
    this.fillSnapshot(row);
    this.series.commit();
    this.eq.push(this.now + this.sampleIntervalMs, PRIO_SAMPLE, SIM_TARGET, SAMPLE_EVENT, 0);
  }

  /** Writes the live state into `buf` (length snapshotLength(nodes.length)). */
  fillSnapshot(buf: Float64Array): void {
    buf[G.now] = this.now;
    buf[G.events] = this.events;
    buf[G.inSystem] = this.items.live;
    buf[G.produced] = this.produced;
    buf[G.completed] = this.completed;
    buf[G.refused] = this.refused;
    buf[G.dropped] = this.dropped;
    buf[G.expired] = this.expired;
    buf[G.failed] = this.failed;
    buf[G.e2eP50] = this.lastWindow.p50;
    buf[G.e2eP99] = this.lastWindow.p99;
    buf[G.e2eMean] = this.lastWindow.mean;
    buf[G.halted] = this.halted ? 1 : 0;
    buf[G.windowMs] = this.sampleIntervalMs;
    buf[G.goodput] = this.goodput;
    buf[G.timedOut] = this.timedOut;
    buf.set(this.reasonCounts, G.reasons);
    const w = this.writer;
    w.buf = buf;
    const nodes = this.nodes;
    for (let i = 0; i < nodes.length; i++) {
      w.base = G_STRIDE + i * F_STRIDE;
      buf.fill(0, w.base, w.base + F_STRIDE);
      nodes[i]!.writeSnapshot(w);
      if (this.alerts) w.set(F.alertsFiring, this.alerts.firingOn[i]!);
    }
  }
}
