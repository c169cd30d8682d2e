/**
 * Client: the caller in front of a system. It takes each request it is given, calls its outputs
 * for it (timeouts, retries with backoff and jitter, retry budget, Retry-After, adaptive
 * throttling: see caller.ts) and holds the request until an answer comes. The request then ends
 * with that answer: completed, or refused / failed / expired / timed out with the status of the
 * last attempt (a 429 with its Retry-After stays a 429 for whoever sent the request).
 */
import { ACCEPTED, COMPLETED, R_CLIENT_THROTTLED, type OfferResult } from '../kernel/protocol';
import { Rng } from '../kernel/rng';
import type { Sim } from '../kernel/sim';
import { Histogram, NO_LATENCY, WindowedHistogram, windowLatency } from '../metrics/histogram';
import { F, NODE_KIND_CODES, type NodeSnapshotWriter } from '../metrics/layout';
import type { NodeConfig } from '../scenario/schema';
import type { ClientConfig } from '../scenario/resilience';
import { Caller, CALL_RETRY, CALL_TIMEOUT, type CallerOwner } from './caller';
import { SimNode } from './node';


export class Client extends SimNode implements CallerOwner {
  readonly type = 'client' as const;
  private cfg!: ClientConfig;
  private readonly caller: Caller;
  outstanding = 0;
  accepted = 0;
  rejected = 0;
  completed = 0;
  /** Requests answered successfully no later than their deadline. */
  goodput = 0;
  failed = 0;
  private readonly latency = new Histogram();
  private readonly latencyWindow = new WindowedHistogram();
  private lastWindow = { ...NO_LATENCY };

  constructor(sim: Sim, index: number, id: string, seed: number) {
    super(sim, index, id);
    this.caller = new Caller(this, sim, new Rng(seed, id, 'caller'));
  }

  configure(config: NodeConfig): void {
    this.cfg = config as unknown as ClientConfig;
    this.caller.configure(this.cfg);
  }

  callTargets(): readonly SimNode[] {
    return this.outputs;
  }

  override offer(item: number, _from: SimNode): OfferResult {
    const sim = this.sim;
    if (this.cfg.maxOutstanding !== undefined && this.outstanding >= this.cfg.maxOutstanding) {
      this.rejected++;
      return sim.refuse(this.index, R_CLIENT_THROTTLED);
    }
    this.accepted++;
    this.outstanding++;
    sim.items.entered[item] = sim.now;
    if (this.cfg.deadlineMs !== undefined) {
      const d = sim.items.created[item]! + this.cfg.deadlineMs;
      if (d < sim.items.deadline[item]!) sim.items.deadline[item] = d;
    }
    this.caller.start(item, 0);
    return ACCEPTED;
  }

  onCallDone(parent: number, _step: number, ok: boolean, outcome: number, reason: number, retryAfterMs: number, at: number): void {
    const sim = this.sim;
    this.outstanding--;
    const t = sim.now - sim.items.entered[parent]!;
    if (ok) {
      // Latency is the time to an answer, as the end-to-end latency is: a request that failed (timed
      // out, refused, out of retries) has none, and a window without answers has no latency (a gap).
      this.latency.record(t);
      this.latencyWindow.record(t);
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
    return this.outstanding + this.caller.waiting;
  }

  override roll(): void {
    this.latencyWindow.roll();
    const w = this.latencyWindow.previous;
    this.lastWindow = windowLatency(w);
  }

  writeSnapshot(w: NodeSnapshotWriter): void {
    this.writeCommon(w, NODE_KIND_CODES.client);
    const c = this.caller;
    w.set(F.level, this.outstanding);
    w.set(F.arrived, this.accepted + this.rejected);
    w.set(F.accepted, this.accepted);
    w.set(F.rejected, this.rejected);
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
  }

  report(): Record<string, number | string | null> {
    return {
      type: 'client',
      accepted: this.accepted,
      rejected: this.rejected,
      completed: this.completed,
      goodput: this.goodput,
      failed: this.failed,
      outstanding: this.outstanding,
      meanLatencyMs: this.latency.mean,
      p50LatencyMs: this.latency.quantile(0.5),
      p90LatencyMs: this.latency.quantile(0.9),
      p99LatencyMs: this.latency.quantile(0.99),
      ...this.caller.report(),
      retryBudgetLevel: this.caller.budgetLevel(),
    };
  }
}
