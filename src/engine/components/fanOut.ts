/**
 * Fan-out (scatter-gather): each request it is given becomes `calls` parallel calls, spread
 * round-robin over its outgoing edges (call k to edge k mod n), and the request is answered once
 * `waitFor` answers are in: "all" of them, or the first k. A failed call that leaves too few calls
 * to reach waitFor fails the request at once, with that call's status and reason. Calls no longer
 * needed are cancelled (caller.ts cancelParent). Each call is made with the caller policy
 * (timeouts, retries, budgets, hedging) of caller.ts.
 *
 * This is the leaf fan-out of a search or feed service in Dean and Barroso's "The Tail at Scale"
 * (CACM 2013): if each call is slow with probability q, a request waiting for all n is slow with
 * probability 1 - (1 - q)^n, so the per-request tail is far worse than the per-call one; waiting
 * for the first k (a partial answer) or hedging the calls cuts it back.
 */
import { ACCEPTED, COMPLETED, type OfferResult } from '../kernel/protocol';
import { Rng } from '../kernel/rng';
import type { Sim } from '../kernel/sim';
import { Histogram, NO_LATENCY, WindowedHistogram, windowLatency, windowQuantile } from '../metrics/histogram';
import { F, NODE_KIND_CODES, type NodeSnapshotWriter } from '../metrics/layout';
import type { NodeConfig } from '../scenario/schema';
import type { FanOutConfig } from '../scenario/tails';
import { Caller, CALL_RETRY, CALL_TIMEOUT, type CallerOwner } from './caller';
import { SimNode } from './node';

interface Pending {
  ok: number;
  failed: number;
}

export class FanOut extends SimNode implements CallerOwner {
  readonly type = 'fan-out' as const;
  private cfg!: FanOutConfig;
  private readonly caller: Caller;
  /** Requests waiting for their calls, by item. */
  private readonly pending = new Map<number, Pending>();
  accepted = 0;
  completed = 0;
  failed = 0;
  goodput = 0;
  callsAnswered = 0;
  private readonly requestLatency = new Histogram();
  private readonly callLatency = new Histogram();
  private readonly requestWindow = new WindowedHistogram();
  private readonly callWindow = new WindowedHistogram();
  private lastWindow = { ...NO_LATENCY, callP50: NaN, callP99: NaN };
  private readonly one: SimNode[] = [];

  constructor(sim: Sim, index: number, id: string, seed: number) {
    super(sim, index, id);
    this.caller = new Caller(this, sim, new Rng(seed, id, 'caller'));
  }

  configure(config: NodeConfig): void {
    this.cfg = config as unknown as FanOutConfig;
    this.caller.configure(this.cfg);
  }

  private need(): number {
    return this.cfg.waitFor === 'all' ? this.cfg.calls : this.cfg.waitFor;
  }

  /** Call `step` goes to outgoing edge step mod n. */
  callTargets(step: number): readonly SimNode[] {
    const n = this.outputs.length;
    if (n === 0) return this.outputs;
    this.one[0] = this.outputs[step % n]!;
    this.one.length = 1;
    return this.one;
  }

  override offer(item: number, _from: SimNode): OfferResult {
    const sim = this.sim;
    this.accepted++;
    sim.items.entered[item] = sim.now;
    // The calls are recorded before they start: a call refused at once answers inside start().
    this.pending.set(item, { ok: 0, failed: 0 });
    const calls = this.cfg.calls;
    for (let k = 0; k < calls && this.pending.has(item); k++) this.caller.start(item, k);
    return ACCEPTED;
  }

  onCallDone(parent: number, _step: number, ok: boolean, outcome: number, reason: number, retryAfterMs: number, at: number): void {
    const p = this.pending.get(parent);
    if (!p) return;
    const sim = this.sim;
    const t = sim.now - sim.items.entered[parent]!;
    this.callsAnswered++;
    this.callLatency.record(t);
    this.callWindow.record(t);
    if (ok) p.ok++;
    else p.failed++;
    const need = this.need();
    const decided = p.ok >= need || this.cfg.calls - p.failed < need;
    if (!decided) return;
    this.pending.delete(parent);
    if (p.ok + p.failed < this.cfg.calls) this.caller.cancelParent(parent);
    this.requestLatency.record(t);
    this.requestWindow.record(t);
    if (p.ok >= need) {
      this.completed++;
      if (sim.now <= sim.items.deadline[parent]!) this.goodput++;
      sim.finish(parent, COMPLETED, this.index);
    } else {
      this.failed++;
      sim.finish(parent, outcome, at, reason, retryAfterMs);
    }
  }

  override onOutcome(child: number, outcome: number): void {
    this.caller.onOutcome(child, outcome);
  }

  override onReady(receiver: SimNode): void {
    this.caller.onReady(receiver);
  }

  override handle(kind: number, arg: number): void {
    if (kind === CALL_TIMEOUT || kind === CALL_RETRY) this.caller.handle(kind, arg);
  }

  held(): number {
    return this.pending.size;
  }

  override roll(): void {
    this.requestWindow.roll();
    this.callWindow.roll();
    const r = this.requestWindow.previous, c = this.callWindow.previous;
    this.lastWindow = { ...windowLatency(r), callP50: windowQuantile(c, 0.5), callP99: windowQuantile(c, 0.99) };
  }

  writeSnapshot(w: NodeSnapshotWriter): void {
    this.writeCommon(w, NODE_KIND_CODES['fan-out']);
    const c = this.caller;
    w.set(F.level, this.pending.size);
    w.set(F.capacity, this.cfg.calls);
    w.set(F.arrived, this.accepted);
    w.set(F.accepted, this.accepted);
    w.set(F.completed, this.completed);
    w.set(F.goodput, this.goodput);
    w.set(F.failed, this.failed);
    w.set(F.attempts, c.attempts);
    w.set(F.retries, c.retries);
    w.set(F.timeouts, c.timeouts);
    w.set(F.wasted, c.lateAnswers);
    w.set(F.gauge, c.budgetLevel());
    w.set(F.latP50, this.lastWindow.p50);
    w.set(F.latP99, this.lastWindow.p99);
    w.set(F.latMean, this.lastWindow.mean);
    w.set(F.callP50, this.lastWindow.callP50);
    w.set(F.callP99, this.lastWindow.callP99);
  }

  report(): Record<string, number | string | null> {
    const r = this.requestLatency, k = this.callLatency;
    return {
      type: 'fan-out',
      accepted: this.accepted,
      completed: this.completed,
      goodput: this.goodput,
      failed: this.failed,
      outstanding: this.pending.size,
      callsAnswered: this.callsAnswered,
      callsCancelled: this.caller.cancelled,
      meanLatencyMs: r.mean,
      p50LatencyMs: r.quantile(0.5),
      p90LatencyMs: r.quantile(0.9),
      p99LatencyMs: r.quantile(0.99),
      meanCallLatencyMs: k.mean,
      p50CallLatencyMs: k.quantile(0.5),
      p90CallLatencyMs: k.quantile(0.9),
      p99CallLatencyMs: k.quantile(0.99),
      ...c(this.caller.report()),
    };
  }
}

/** The caller's counters, its `requests` renamed: a fan-out's requests are its calls' parents. */
function c(r: Record<string, number>): Record<string, number> {
  const { requests, ...rest } = r;
  return { calls: requests ?? 0, ...rest };
}
