/**
 * Service: a pool of `concurrency` workers. A free worker takes the next item from its input (the
 * input is told BUSY while every worker is taken, and waits), serves it for a time drawn from
 * `serviceTime`, and then:
 * - fails it with probability `errorRate`;
 * - with no outgoing edge: completes it (end-to-end latency is measured here);
 * - else hands it to the next stage. If that stage has no room the worker keeps holding the item,
 *   and its slot, until it can hand over: a slow stage backs up every stage above it.
 *
 * Scaling and health (scenario/scaling.ts): an autoscaler runs `replicas` copies of it, each with
 * `concurrency` workers; `readiness` marks it not ready while its backlog is too long to drain (a
 * load balancer routes around it); `liveness` restarts it after failed probes, losing the items
 * its workers were serving or holding (items waiting on a call are left to finish).
 */
import { IntDeque } from '../kernel/deque';
import { Rng } from '../kernel/rng';
import { ACCEPTED, BUSY, COMPLETED, DROPPED, EXPIRED, FAILED, O_REFUSED, PRIO_NORMAL, R_DEADLINE, R_ERROR, type OfferResult } from '../kernel/protocol';
import { callerSchema } from '../scenario/resilience';
import { Caller, CALL_RETRY, CALL_TIMEOUT, type CallerOwner } from './caller';
import type { Sim } from '../kernel/sim';
import { Histogram, NO_LATENCY, WindowedHistogram, windowLatency } from '../metrics/histogram';
import { F, NODE_KIND_CODES, type NodeSnapshotWriter } from '../metrics/layout';
import { TimeAverage } from '../metrics/series';
import type { NodeConfig, ServiceConfig } from '../scenario/schema';
import { makeSampler, moments, type Sampler } from './distributions';
import { R_RESTARTED } from '../kernel/protocol';
import { ItemSet, Memory, R_OOM_KILLED, R_RESTARTING, TL_OOM_KILLED } from './memory';
import { TL_NOT_READY, TL_READY, TL_RESTARTED } from '../metrics/timeline';
import { SimNode } from './node';

const DONE = 0;
const READINESS_PROBE = 200;
const LIVENESS_PROBE = 201;
const RESTARTED = 202;
/** handOn: the node was killed while offering the item, and it is lost with it. */
const LOST = -1;
/** Back up after an OOM kill (memory.ts). */
const OOM_RESTARTED = 203;
/** A tracked item's DONE carries the restart epoch it started in: DONE_TRACKED + epoch (stale after a restart). */
const DONE_TRACKED = 1000;
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
  /** Finished items being offered to the next stage right now (handOn): each still holds its worker. */
  private sending = 0;
  /** Workers waiting for the answer to a call. */
  private calling = 0;
  private readonly caller: Caller;

  /** Replicas running (an autoscaler sets this); each has cfg.concurrency workers. */
  private replicas = 1;
  /** Readiness: false while the probe says the backlog is too long. */
  ready = true;
  private probeFails = 0;
  private probePasses = 0;
  private livenessFails = 0;
  private readinessTimer = false;
  private livenessTimer = false;
  /** Killed by a liveness restart, not serving again yet. */
  private restarting = false;
  restarts = 0;
  /** Items lost to restarts: being served, or finished and held for the next stage. */
  lostOnRestart = 0;
  /** Items accepted and not yet started (intake "pull" or "push"), oldest first. */
  private readonly inbox = new IntDeque(8);
  /** Room in the intake buffer: 0 without an intake, concurrency x (batch - 1) under pull, unbounded under push. */
  private inboxRoom = 0;
  /** Bytes of the items it holds (intake, in service, calling, holding) against its memory limit. */
  readonly mem = new Memory();
  /** Items in service when restarts can happen (liveness configured), so a restart can end them. */
  private tracked: ItemSet | null = null;
  private epoch = 0;
  private meanServiceMs = 0;

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
  private lastWindow = { ...NO_LATENCY, utilization: 0 };

  constructor(sim: Sim, index: number, id: string, seed: number) {
    super(sim, index, id);
    this.times = new Rng(seed, id, 'service-time');
    this.errors = new Rng(seed, id, 'errors');
    this.caller = new Caller(this, sim, new Rng(seed, id, 'caller'));
  }

  configure(config: NodeConfig): void {
    const c = config as ServiceConfig;
    this.cfg = c;
    this.concurrency = this.restarting ? 0 : c.concurrency * this.replicas;
    this.sampler = makeSampler(c.serviceTime, this.times);
    this.meanServiceMs = moments(c.serviceTime).mean;
    this.caller.configure(c.call ?? NO_CALL_POLICY);
    this.slots.set(this.sim.now, this.concurrency);
    this.mem.configure(c);
    this.inboxRoom = c.intake?.mode === 'push' ? Infinity : c.intake?.mode === 'pull' ? c.concurrency * this.replicas * (c.intake.batch - 1) : 0;
    // An OOM kill, like a restart, must find the items in service.
    if ((c.liveness || this.mem.limit !== Infinity) && !this.tracked) this.tracked = new ItemSet();
    if (this.mem.over && !this.mem.down) this.oomKill();
    this.startFromInbox();
    if (!c.readiness) this.ready = true;
    if (this.started_) this.scheduleProbes();
    this.wakeWaiters();
  }

  private started_ = false;

  override start(): void {
    this.started_ = true;
    this.scheduleProbes();
  }

  private scheduleProbes(): void {
    const now = this.sim.now;
    if (this.cfg.readiness && !this.readinessTimer) {
      this.readinessTimer = true;
      this.sim.schedule(now + this.cfg.readiness.periodMs, PRIO_NORMAL, this.index, READINESS_PROBE, 0);
    }
    if (this.cfg.liveness && !this.livenessTimer) {
      this.livenessTimer = true;
      this.sim.schedule(now + this.cfg.liveness.periodMs, PRIO_NORMAL, this.index, LIVENESS_PROBE, 0);
    }
  }

  // ---- scaling and health ----

  /** Runs `n` replicas of `concurrency` workers (the autoscaler's lever): a live edit of concurrency. */
  setReplicas(n: number): void {
    if (n === this.replicas) return;
    this.replicas = n;
    this.configure(this.cfg);
  }

  get replicaCount(): number {
    return this.replicas;
  }

  /** Workers per replica. */
  get workersPerReplica(): number {
    return this.cfg.concurrency;
  }

  /** Worker-ms busy and worker-ms available since the start (utilization over any span from two readings). */
  busyArea(): number {
    return this.busy.area(this.sim.now);
  }

  slotArea(): number {
    return this.slots.area(this.sim.now);
  }

  /** Items queued in front of it: waiting in the queues that feed it, and senders waiting with one. */
  backlog(): number {
    let waiting = this.waiters.length;
    for (const n of this.inputs) if (n.type === 'queue') waiting += n.held();
    return waiting;
  }

  /** Whether a load balancer may route to it: ready, and not down for a restart. */
  isReady(): boolean {
    return this.ready && !this.restarting;
  }

  /** How long the backlog would take to drain at the current worker count, ms. */
  private drainMs(extra: number): number {
    const workers = this.concurrency;
    const items = this.backlog() + extra;
    if (items === 0) return 0;
    return workers > 0 ? (items * this.meanServiceMs) / workers : Infinity;
  }

  private readinessProbe(): void {
    const r = this.cfg.readiness;
    if (!r) {
      this.readinessTimer = false;
      return;
    }
    const pass = !this.restarting && this.drainMs(0) <= r.maxBacklogMs;
    if (pass) {
      this.probePasses++;
      this.probeFails = 0;
      if (!this.ready && this.probePasses >= r.successThreshold) {
        this.ready = true;
        this.sim.timeline.add(this.sim.now, this.index, TL_READY);
      }
    } else {
      this.probeFails++;
      this.probePasses = 0;
      if (this.ready && this.probeFails >= r.failureThreshold) {
        this.ready = false;
        this.sim.timeline.add(this.sim.now, this.index, TL_NOT_READY);
      }
    }
    this.sim.schedule(this.sim.now + r.periodMs, PRIO_NORMAL, this.index, READINESS_PROBE, 0);
  }

  private livenessProbe(): void {
    const l = this.cfg.liveness;
    if (!l) {
      this.livenessTimer = false;
      return;
    }
    if (!this.restarting) {
      // A cheap probe answers at once. One that depends on load waits for a worker behind the queued work.
      const wait = l.dependsOnLoad && this.occupied() >= this.concurrency ? this.drainMs(1) : 0;
      if (wait > l.timeoutMs) this.livenessFails++;
      else this.livenessFails = 0;
      if (this.livenessFails >= l.failureThreshold) this.restart(l.restartDelayMs);
    }
    this.sim.schedule(this.sim.now + l.periodMs, PRIO_NORMAL, this.index, LIVENESS_PROBE, 0);
  }

  /** Kills the replica: the items its workers serve or hold are lost; it serves again after `delayMs`. */
  private restart(delayMs: number): void {
    const sim = this.sim;
    this.restarts++;
    this.livenessFails = 0;
    sim.timeline.add(sim.now, this.index, TL_RESTARTED);
    this.epoch++;
    this.restarting = true;
    const lost = this.tracked ? [...this.tracked] : [];
    this.tracked?.clear();
    this.working -= lost.length;
    while (this.holding.length > 0) lost.push(this.holding.popFront());
    this.held_.set(sim.now, 0);
    for (const item of lost) {
      this.lostOnRestart++;
      this.mem.remove(sim.items.size[item]!);
      sim.finish(item, FAILED, this.index, R_RESTARTED);
    }
    this.configure(this.cfg);
    this.busy.set(sim.now, this.occupied());
    sim.schedule(sim.now + delayMs, PRIO_NORMAL, this.index, RESTARTED, 0);
  }

  /** Workers taken: serving, waiting for a call's answer, or holding a finished item. */
  private occupied(): number {
    return this.working + this.calling + this.holding.length + this.sending;
  }

  held(): number {
    return this.occupied() + this.caller.waiting + this.inbox.length;
  }

  protected override hasRoom(): boolean {
    return !this.mem.down && this.occupied() + this.inbox.length < this.concurrency + this.inboxRoom;
  }

  callTargets(step: number): readonly SimNode[] {
    return this.callOutputs.slice(step, step + 1);
  }

  override offer(item: number, from: SimNode): OfferResult {
    const sim = this.sim;
    if (this.mem.down) {
      this.mem.refusedWhileDown++;
      return sim.refuse(this.index, R_RESTARTING, this.mem.upAt - sim.now);
    }
    if (this.occupied() >= this.concurrency) {
      if (this.inbox.length >= this.inboxRoom) {
        this.addWaiter(from);
        return BUSY;
      }
      // Fetched into the intake buffer: a worker takes it when one is free.
      this.arrived++;
      sim.items.entered[item] = sim.now;
      this.inbox.pushBack(item);
      this.mem.add(sim.items.size[item]!);
      if (this.mem.over) this.oomKill();
      return ACCEPTED;
    }
    this.arrived++;
    if (this.expiredOnArrival(item)) return ACCEPTED;
    this.mem.add(sim.items.size[item]!);
    this.begin(item);
    if (this.mem.over) this.oomKill();
    return ACCEPTED;
  }

  /** Nobody waits for this answer any more: drop it rather than serve it. */
  private expiredOnArrival(item: number): boolean {
    const sim = this.sim;
    if (this.cfg.honorDeadlines === false || sim.now < sim.items.deadline[item]!) return false;
    this.expired++;
    sim.finish(item, EXPIRED, this.index, R_DEADLINE);
    return true;
  }

  /** Free workers take fetched items from the intake buffer. */
  private startFromInbox(): void {
    const sim = this.sim;
    while (this.inbox.length > 0 && this.occupied() < this.concurrency && !this.mem.down) {
      const item = this.inbox.popFront();
      const size = sim.items.size[item]!;
      if (this.expiredOnArrival(item)) {
        this.mem.remove(size);
        continue;
      }
      this.begin(item);
    }
  }

  /**
   * Over the memory limit: the OOM killer ends this node (memory.ts). It loses exactly what it
   * held: the intake buffer, the items in service and those held for the next stage (dropped,
   * reason oom-killed); it refuses arrivals while down and restarts empty. A service waiting on
   * calls is not killed (its calls would need cancelling; docs/parts.md says so): its memory is counted.
   */
  private oomKill(): void {
    if (this.callOutputs.length > 0 || this.calling > 0) return;
    const sim = this.sim;
    const delay = this.mem.killed(sim.now, this.held() - this.sending); // an item being handed on is not lost (handOn)
    sim.timeline.add(sim.now, this.index, TL_OOM_KILLED);
    this.epoch++;
    const lost = this.tracked ? [...this.tracked] : [];
    this.tracked?.clear();
    this.working -= lost.length;
    while (this.holding.length > 0) lost.push(this.holding.popFront());
    while (this.inbox.length > 0) lost.push(this.inbox.popFront());
    this.held_.set(sim.now, 0);
    this.busy.set(sim.now, this.occupied());
    for (const item of lost) sim.finish(item, DROPPED, this.index, R_OOM_KILLED);
    sim.schedule(sim.now + delay, PRIO_NORMAL, this.index, OOM_RESTARTED, 0);
  }

  /** A worker starts on the item (its bytes are already counted). */
  private begin(item: number): void {
    const sim = this.sim;
    this.working++;
    this.started++;
    this.busy.set(sim.now, this.occupied());
    sim.items.entered[item] = sim.now;
    const s = this.sampler();
    this.serviceSum += s;
    if (this.tracked) {
      this.tracked.add(item);
      sim.schedule(sim.now + s, PRIO_NORMAL, this.index, DONE_TRACKED + this.epoch, item);
    } else sim.schedule(sim.now + s, PRIO_NORMAL, this.index, DONE, item);
  }

  override handle(kind: number, item: number): void {
    if (kind === CALL_TIMEOUT || kind === CALL_RETRY) {
      this.caller.handle(kind, item);
      return;
    }
    if (kind >= DONE_TRACKED) {
      if (kind - DONE_TRACKED !== this.epoch) return; // served by a replica that was restarted since: already lost
      this.tracked!.delete(item);
    } else if (kind === READINESS_PROBE) return this.readinessProbe();
    else if (kind === LIVENESS_PROBE) return this.livenessProbe();
    else if (kind === RESTARTED) {
      this.restarting = false;
      this.configure(this.cfg);
      return;
    } else if (kind === OOM_RESTARTED) {
      this.mem.restarted(this.sim.now);
      this.sim.timeline.add(this.sim.now, this.index, TL_RESTARTED);
      this.wakeWaiters();
      return;
    } else if (kind !== DONE) return;
    const sim = this.sim;
    this.working--;
    if (sim.now > sim.items.deadline[item]!) this.wasted++;
    if (this.cfg.errorRate > 0 && this.errors.next() < this.cfg.errorRate) {
      this.failed++;
      this.record(sim.now - sim.items.entered[item]!, sim.items.size[item]!);
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
    this.record(this.sim.now - this.sim.items.entered[item]!, this.sim.items.size[item]!);
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
    const size = sim.items.size[item]!;
    if (this.outputs.length === 0) {
      this.completed++;
      this.record(spent, size);
      sim.finish(item, COMPLETED, this.index);
    } else {
      this.completed++;
      const r = this.handOn(item, null);
      if (r === BUSY) return; // held: the worker keeps its slot until the next stage takes the item
      if (r !== LOST) this.handedOver(item, spent, r);
    }
    this.slotFreed();
  }

  /**
   * Offers a finished item to the next stage (`to`, or the outputs in turn), its worker's slot kept
   * while it does. The offer can run this node again before it returns (a flow-controlled edge
   * that accepts the item wakes its senders, and this node takes new work); so while the offer
   * runs the item is off the memory books and out of the holding list, and an OOM kill in that
   * time cannot lose it, nor can the item be taken from holding twice. Fix (found by
   * memory.test.ts's property): the item was still counted and the kill zeroed the books, so
   * taking it off them afterwards drove memory negative.
   * Refused (BUSY): the item goes back to the front (`to` given) or the end of the holding list,
   * or, if the node was killed meanwhile, it is lost with it (LOST).
   */
  private handOn(item: number, to: SimNode | null): OfferResult | typeof LOST {
    const sim = this.sim;
    const size = sim.items.size[item]!;
    const epoch = this.epoch;
    this.sending++;
    this.mem.remove(size);
    const r = to === null ? this.sendOut(item) : to.offer(item, this);
    this.sending--;
    if (r !== BUSY) return r;
    if (this.epoch !== epoch) {
      this.mem.lostItems++;
      this.mem.lostBytes += size;
      sim.finish(item, DROPPED, this.index, R_OOM_KILLED);
      return LOST;
    }
    if (to === null) this.holding.pushBack(item);
    else this.holding.pushFront(item);
    this.held_.set(sim.now, this.holding.length);
    this.mem.add(size);
    if (this.mem.over) this.oomKill();
    return r;
  }

  override onReady(receiver: SimNode): void {
    if (this.callOutputs.includes(receiver)) {
      this.caller.onReady(receiver);
      return;
    }
    if (this.holding.length === 0) return;
    const sim = this.sim;
    const item = this.holding.popFront();
    this.held_.set(sim.now, this.holding.length);
    const spent = sim.now - sim.items.entered[item]!;
    const r = this.handOn(item, receiver);
    if (r === BUSY) return;
    if (r !== LOST) this.handedOver(item, spent, r);
    if (this.holding.length > 0) receiver.addWaiter(this);
    this.slotFreed();
  }

  override onWaitRefused(receiver: SimNode): void {
    if (this.holding.length === 0) return;
    const item = this.holding.popFront();
    this.held_.set(this.sim.now, this.holding.length);
    this.mem.remove(this.sim.items.size[item]!);
    this.handedOver(item, this.sim.now - this.sim.items.entered[item]!, O_REFUSED);
    // Fix (found by properties.test.ts, liveness): the receiver took this service off its
    // waiting list; with more finished items held, wait for it again (a fresh timeout for the
    // next item), as onReady does. Before, those items and their workers were stuck for good.
    if (this.holding.length > 0) receiver.addWaiter(this);
    this.slotFreed();
  }

  /** The next stage took the item, or refused it (then it ends here); its bytes are already off the books. */
  private handedOver(item: number, spent: number, r: OfferResult): void {
    this.latency.record(spent);
    this.latencyWindow.record(spent);
    if (r !== ACCEPTED) this.sim.finishRefused(item);
  }

  /** An item leaves: its time in the node, and its bytes off the memory books. */
  private record(spent: number, size: number): void {
    this.latency.record(spent);
    this.latencyWindow.record(spent);
    this.mem.remove(size);
  }

  private slotFreed(): void {
    this.busy.set(this.sim.now, this.occupied());
    this.startFromInbox();
    this.wakeWaiters();
  }

  // ---- measurement ----



  override roll(): void {
    this.latencyWindow.roll();
    const w = this.latencyWindow.previous;
    const now = this.sim.now;
    const slots = this.slots.takeWindow(now);
    this.lastWindow = {
      ...windowLatency(w),
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
    w.set(F.notReady, this.isReady() ? 0 : 1);
    w.set(F.restarts, this.restarts);
    this.mem.writeSnapshot(w);
    w.set(F.rejected, this.mem.refusedWhileDown);
    w.set(F.intake, this.inbox.length);
    w.set(F.inFlightLimit, this.inboxRoom === Infinity ? -1 : this.concurrency + this.inboxRoom);
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
      p50TimeInNodeMs: this.latency.quantile(0.5),
      p90TimeInNodeMs: this.latency.quantile(0.9),
      p99TimeInNodeMs: this.latency.quantile(0.99),
      heldWorkerMs: this.held_.area(this.sim.now),
      expired: this.expired,
      wasted: this.wasted,
      ...(this.replicas !== 1 ? { replicas: this.replicas } : {}),
      ...(this.cfg.readiness ? { ready: this.isReady() ? 1 : 0 } : {}),
      ...(this.cfg.liveness ? { restarts: this.restarts, lostOnRestart: this.lostOnRestart } : {}),
      ...this.mem.report(),
      ...(this.cfg.intake ? { intake: this.inbox.length, inFlightLimit: this.inboxRoom === Infinity ? null : this.concurrency + this.inboxRoom } : {}),
      ...(this.callOutputs.length > 0 ? { calling: this.calling, callFailures: this.callFailures, ...this.caller.report() } : {}),
    };
  }
}
