/**
 * Service: a pool of `concurrency` workers. A free worker takes the next item from its input (the
 * input is told BUSY while every worker is taken, and waits), serves it for a time drawn from
 * `serviceTime`, and then:
 * - fails it with probability `errorRate`;
 * - with no outgoing edge: completes it (end-to-end latency is measured here);
 * - else hands it to the next stage. If that stage has no room the worker keeps holding the item,
 *   and its slot, until it can hand over: a slow stage backs up every stage above it.
 */
import { IntDeque } from '../kernel/deque';
import { Rng } from '../kernel/rng';
import { ACCEPTED, BUSY, COMPLETED, EXPIRED, FAILED, O_REFUSED, PRIO_NORMAL, R_DEADLINE, R_ERROR, type OfferResult } from '../kernel/protocol';
import { callerSchema } from '../scenario/resilience';
import { Caller, CALL_RETRY, CALL_TIMEOUT, type CallerOwner } from './caller';
import type { Sim } from '../kernel/sim';
import { Histogram, WindowedHistogram } from '../metrics/histogram';
import { F, NODE_KIND_CODES, type NodeSnapshotWriter } from '../metrics/layout';
import { TimeAverage } from '../metrics/series';
import type { NodeConfig, ServiceConfig } from '../scenario/schema';
import { makeSampler, type Sampler } from './distributions';
import { SimNode } from './node';

const DONE = 0;
const NO_CALL_POLICY = callerSchema.parse({});

export class Service extends SimNode implements CallerOwner {
  readonly type = 'service' as const;
  private cfg!: ServiceConfig;
  private concurrency = 1;
  private sampler!: Sampler;
  private readonly times: Rng;
  private readonly errors: Rng;

  /** Workers serving an item. */
  private working = 0;
  /** Finished items whose next stage has no room yet, oldest first; each holds a worker. */
  private readonly holding = new IntDeque(8);
  /** Workers waiting for the answer to a call. */
  private calling = 0;
  private readonly caller: Caller;

  arrived = 0;
  completed = 0;
  failed = 0;
  /** Items whose call failed (after any retries): they end with the callee's status. */
  callFailures = 0;
  /** Items that arrived after their deadline and were dropped unserved. */
  expired = 0;
  /** Items served although their deadline had passed by the time they were done: work nobody waited for. */
  wasted = 0;
  private serviceSum = 0;
  /** Items a worker started on. */
  private started = 0;
  private readonly busy = new TimeAverage();
  private readonly slots = new TimeAverage();
  private readonly held_ = new TimeAverage();
  private readonly latency = new Histogram();
  private readonly latencyWindow = new WindowedHistogram();
  private lastWindow = { p50: 0, p99: 0, mean: 0, utilization: 0 };

  constructor(sim: Sim, index: number, id: string, seed: number) {
    super(sim, index, id);
    this.times = new Rng(seed, id, 'service-time');
    this.errors = new Rng(seed, id, 'errors');
    this.caller = new Caller(this, sim, new Rng(seed, id, 'caller'));
  }

  configure(config: NodeConfig): void {
    const c = config as ServiceConfig;
    this.cfg = c;
    this.concurrency = c.concurrency;
    this.sampler = makeSampler(c.serviceTime, this.times);
    this.caller.configure(c.call ?? NO_CALL_POLICY);
    this.slots.set(this.sim.now, c.concurrency);
    this.wakeWaiters();
  }

  /** Workers taken: serving, waiting for a call's answer, or holding a finished item. */
  private occupied(): number {
    return this.working + this.calling + this.holding.length;
  }

  held(): number {
    return this.occupied() + this.caller.waiting;
  }

  protected override hasRoom(): boolean {
    return this.occupied() < this.concurrency;
  }

  callTargets(step: number): readonly SimNode[] {
    return this.callOutputs.slice(step, step + 1);
  }

  override offer(item: number, from: SimNode): OfferResult {
    if (this.occupied() >= this.concurrency) {
      this.addWaiter(from);
      return BUSY;
    }
    const sim = this.sim;
    this.arrived++;
    if (this.cfg.honorDeadlines !== false && sim.now >= sim.items.deadline[item]!) {
      // Nobody waits for this answer any more: drop it rather than serve it.
      this.expired++;
      sim.finish(item, EXPIRED, this.index, R_DEADLINE);
      return ACCEPTED;
    }
    this.working++;
    this.started++;
    this.busy.set(sim.now, this.occupied());
    sim.items.entered[item] = sim.now;
    const s = this.sampler();
    this.serviceSum += s;
    sim.schedule(sim.now + s, PRIO_NORMAL, this.index, DONE, item);
    return ACCEPTED;
  }

  override handle(kind: number, item: number): void {
    if (kind === CALL_TIMEOUT || kind === CALL_RETRY) {
      this.caller.handle(kind, item);
      return;
    }
    if (kind !== DONE) return;
    const sim = this.sim;
    this.working--;
    if (sim.now > sim.items.deadline[item]!) this.wasted++;
    if (this.cfg.errorRate > 0 && this.errors.next() < this.cfg.errorRate) {
      this.failed++;
      this.record(sim.now - sim.items.entered[item]!);
      sim.finish(item, FAILED, this.index, R_ERROR);
      this.slotFreed();
    } else if (this.callOutputs.length > 0) {
      this.calling++; // the worker waits for the answer, slot and all
      this.caller.start(item, 0);
    } else {
      this.workDone(item);
    }
  }

  onCallDone(item: number, step: number, ok: boolean, outcome: number, reason: number, retryAfterMs: number, at: number): void {
    if (ok && step + 1 < this.callOutputs.length) {
      this.caller.start(item, step + 1);
      return;
    }
    this.calling--;
    if (ok) {
      this.workDone(item);
      return;
    }
    // The call failed: this item fails with the callee's status (a 429 and its Retry-After go up the chain).
    this.callFailures++;
    this.record(this.sim.now - this.sim.items.entered[item]!);
    this.sim.finish(item, outcome, at, reason, retryAfterMs);
    this.slotFreed();
  }

  override onOutcome(child: number, outcome: number): void {
    this.caller.onOutcome(child, outcome);
  }

  /** Local work and calls are done: complete the item here, or hand it to the next stage. */
  private workDone(item: number): void {
    const sim = this.sim;
    const spent = sim.now - sim.items.entered[item]!;
    if (this.outputs.length === 0) {
      this.completed++;
      this.record(spent);
      sim.finish(item, COMPLETED, this.index);
    } else {
      this.completed++;
      const r = this.sendOut(item);
      if (r === BUSY) {
        this.holding.pushBack(item);
        this.held_.set(sim.now, this.holding.length);
        return; // the worker keeps its slot until the next stage takes the item
      }
      this.handedOver(item, spent, r);
    }
    this.slotFreed();
  }

  override onReady(receiver: SimNode): void {
    if (this.callOutputs.includes(receiver)) {
      this.caller.onReady(receiver);
      return;
    }
    if (this.holding.length === 0) return;
    const item = this.holding.peekFront();
    const sim = this.sim;
    const spent = sim.now - sim.items.entered[item]!;
    const r = receiver.offer(item, this);
    if (r === BUSY) return;
    this.holding.popFront();
    this.held_.set(sim.now, this.holding.length);
    this.handedOver(item, spent, r);
    if (this.holding.length > 0) receiver.addWaiter(this);
    this.slotFreed();
  }

  override onWaitRefused(receiver: SimNode): void {
    if (this.holding.length === 0) return;
    const item = this.holding.popFront();
    this.held_.set(this.sim.now, this.holding.length);
    this.handedOver(item, this.sim.now - this.sim.items.entered[item]!, O_REFUSED);
    // Fix (found by properties.test.ts, liveness): the receiver took this service off its
    // waiting list; with more finished items held, wait for it again (a fresh timeout for the
    // next item), as onReady does. Before, those items and their workers were stuck for good.
    if (this.holding.length > 0) receiver.addWaiter(this);
    this.slotFreed();
  }

  private handedOver(item: number, spent: number, r: OfferResult): void {
    this.record(spent);
    if (r !== ACCEPTED) this.sim.finishRefused(item);
  }

  private record(spent: number): void {
    this.latency.record(spent);
    this.latencyWindow.record(spent);
  }

  private slotFreed(): void {
    this.busy.set(this.sim.now, this.occupied());
    this.wakeWaiters();
  }

  // ---- measurement ----



  override roll(): void {
    this.latencyWindow.roll();
    const w = this.latencyWindow.previous;
    const now = this.sim.now;
    const slots = this.slots.takeWindow(now);
    this.lastWindow = {
      p50: w.quantile(0.5),
      p99: w.quantile(0.99),
      mean: w.mean,
      utilization: slots > 0 ? this.busy.takeWindow(now) / slots : 0,
    };
  }

  private utilization(): number {
    const now = this.sim.now;
    const slots = this.slots.area(now);
    return slots > 0 ? this.busy.area(now) / slots : 0;
  }

  writeSnapshot(w: NodeSnapshotWriter): void {
    this.writeCommon(w, NODE_KIND_CODES.service);
    w.set(F.level, this.working);
    w.set(F.capacity, this.concurrency);
    w.set(F.held, this.holding.length);
    w.set(F.arrived, this.arrived);
    w.set(F.accepted, this.arrived);
    w.set(F.completed, this.completed);
    w.set(F.failed, this.failed);
    w.set(F.latP50, this.lastWindow.p50);
    w.set(F.latP99, this.lastWindow.p99);
    w.set(F.latMean, this.lastWindow.mean);
    w.set(F.utilization, this.lastWindow.utilization);
    w.set(F.blockedMs, this.held_.area(this.sim.now));
    w.set(F.expired, this.expired);
    w.set(F.wasted, this.wasted);
    if (this.callOutputs.length > 0) {
      w.set(F.calling, this.calling);
      w.set(F.attempts, this.caller.attempts);
      w.set(F.retries, this.caller.retries);
      w.set(F.timeouts, this.caller.timeouts);
    }
  }

  report(): Record<string, number | string | null> {
    const served = this.completed + this.failed;
    return {
      type: 'service',
      concurrency: this.concurrency,
      arrived: this.arrived,
      completed: this.completed,
      failed: this.failed,
      inService: this.working,
      holding: this.holding.length,
      meanServiceMs: this.started > 0 ? this.serviceSum / this.started : 0,
      utilization: this.utilization(),
      meanTimeInNodeMs: served > 0 ? this.latency.mean : 0,
      p99TimeInNodeMs: this.latency.quantile(0.99),
      heldWorkerMs: this.held_.area(this.sim.now),
      expired: this.expired,
      wasted: this.wasted,
      ...(this.callOutputs.length > 0 ? { calling: this.calling, callFailures: this.callFailures, ...this.caller.report() } : {}),
    };
  }
}
