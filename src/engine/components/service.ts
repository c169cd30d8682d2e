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
 *
 * Its parts: serviceIntake.ts takes arrivals in, serviceWorkers.ts counts the workers and draws
 * service times, serviceHandOn.ts hands finished items on, serviceHealth.ts runs the probes and
 * restarts, serviceMetrics.ts measures and reports. Calls go through a Caller (caller.ts).
 */
import { Rng } from '../kernel/rng';
import { ACCEPTED, BUSY, COMPLETED, DROPPED, FAILED, PRIO_NORMAL, R_ERROR, type OfferResult } from '../kernel/protocol';
import { callerSchema } from '../scenario/resilience';
import { Caller, CALL_RETRY, CALL_TIMEOUT, type CallerOwner } from './caller';
import type { Sim } from '../kernel/sim';
import { NODE_KIND_CODES, type NodeSnapshotWriter } from '../metrics/layout';
import type { NodeConfig, ServiceConfig } from '../scenario/schema';
import { Memory, R_OOM_KILLED, TL_OOM_KILLED } from './memory';
import { TL_RESTARTED } from '../metrics/timeline';
import { SimNode } from './node';
import { DONE, DONE_TRACKED, Workers } from './serviceWorkers';
import { Health, LIVENESS_PROBE, READINESS_PROBE, RESTARTED, type Probed } from './serviceHealth';
import { Intake, type Admitting } from './serviceIntake';
import { handOn, handOnHeld, LOST, refuseHeld, type HandingOn } from './serviceHandOn';
import { ServiceMetrics, type Metered } from './serviceMetrics';

/** Back up after an OOM kill (memory.ts). */
const OOM_RESTARTED = 203;
const NO_CALL_POLICY = callerSchema.parse({});

export class Service extends SimNode implements CallerOwner, Probed, Admitting, HandingOn, Metered {
  readonly type = 'service' as const;
  private cfg!: ServiceConfig;
  private concurrency = 1;
  private readonly errors: Rng;
  /** Replicas running (an autoscaler sets this); each has cfg.concurrency workers. */
  private replicas = 1;
  /** The run has started (start() ran): probes that a live edit adds start at once. */
  private running = false;
  readonly intake: Intake;
  readonly workers: Workers;
  readonly caller: Caller;
  readonly health: Health;
  /** Bytes of the items it holds (intake, in service, calling, holding) against its memory limit. */
  readonly mem = new Memory();
  private readonly metrics = new ServiceMetrics(this);

  constructor(sim: Sim, index: number, id: string, seed: number) {
    super(sim, index, id);
    this.workers = new Workers(sim, index, new Rng(seed, id, 'service-time'));
    this.errors = new Rng(seed, id, 'errors');
    this.caller = new Caller(this, sim, new Rng(seed, id, 'caller'));
    this.health = new Health(this);
    this.intake = new Intake(this);
  }

  configure(config: NodeConfig): void {
    const c = config as ServiceConfig;
    this.cfg = c;
    this.concurrency = this.health.restarting ? 0 : c.concurrency * this.replicas;
    this.caller.configure(c.call ?? NO_CALL_POLICY);
    this.mem.configure(c);
    // An OOM kill, like a restart, must find the items in service.
    this.workers.configure(c, this.concurrency, !!c.liveness || this.mem.limit !== Infinity);
    this.intake.configure(c, this.replicas);
    if (this.mem.over && !this.mem.down) this.oomKill();
    this.intake.startBuffered();
    this.health.configure(c, this.running);
    this.wakeWaiters();
  }

  override start(): void {
    this.running = true;
    this.health.schedule();
  }

  /** Applies its configuration again (after a restart's state changed). */
  reconfigure(): void {
    this.configure(this.cfg);
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

  get config(): ServiceConfig {
    return this.cfg;
  }

  /** Workers in all: cfg.concurrency per replica, none while restarting. */
  get workerCount(): number {
    return this.concurrency;
  }

  /** Worker-ms busy and worker-ms available since the start (utilization over any span from two readings). */
  busyArea(): number {
    return this.workers.busy.area(this.sim.now);
  }

  slotArea(): number {
    return this.workers.slots.area(this.sim.now);
  }

  /** Items queued in front of it: waiting in the queues that feed it, and senders waiting with one. */
  backlog(): number {
    let waiting = this.waiters.length;
    for (const n of this.inputs) if (n.type === 'queue') waiting += n.held();
    return waiting;
  }

  /** Whether a load balancer may route to it: ready, and not down for a restart. */
  isReady(): boolean {
    return this.health.isReady();
  }

  /** How long the backlog, and `extra` items more, would take to drain at the current worker count, ms. */
  drainMs(extra: number): number {
    const workers = this.concurrency;
    const items = this.backlog() + extra;
    if (items === 0) return 0;
    return workers > 0 ? (items * this.workers.meanServiceMs) / workers : Infinity;
  }

  /** Every worker is taken. */
  saturated(): boolean {
    return this.workers.taken() >= this.concurrency;
  }

  held(): number {
    return this.workers.taken() + this.caller.waiting + this.intake.buffer.length;
  }

  protected override hasRoom(): boolean {
    return this.intake.hasRoom();
  }

  callTargets(step: number): readonly SimNode[] {
    return this.callOutputs.slice(step, step + 1);
  }

  // ---- intake ----

  override offer(item: number, from: SimNode): OfferResult {
    return this.intake.offer(item, from);
  }

  /**
   * Over the memory limit: the OOM killer ends this node (memory.ts). It loses exactly what it
   * held: the intake buffer, the items in service and those held for the next stage (dropped,
   * reason oom-killed); it refuses arrivals while down and restarts empty. A service waiting on
   * calls is not killed (its calls would need cancelling; docs/parts.md says so): its memory is counted.
   */
  oomKill(): void {
    if (this.callOutputs.length > 0 || this.workers.calling > 0) return;
    const sim = this.sim;
    const delay = this.mem.killed(sim.now, this.held() - this.workers.sending); // an item being handed on is not lost (handOn)
    sim.timeline.add(sim.now, this.index, TL_OOM_KILLED);
    const lost = this.workers.evict();
    while (this.intake.buffer.length > 0) lost.push(this.intake.buffer.popFront());
    this.workers.busy.set(sim.now, this.workers.taken());
    for (const item of lost) sim.finish(item, DROPPED, this.index, R_OOM_KILLED);
    sim.schedule(sim.now + delay, PRIO_NORMAL, this.index, OOM_RESTARTED, 0);
  }

  // ---- an item's way through a worker ----

  override handle(kind: number, item: number): void {
    if (kind === DONE || kind >= DONE_TRACKED) {
      if (this.workers.done(kind, item)) this.served(item);
    } else if (kind === CALL_TIMEOUT || kind === CALL_RETRY) this.caller.handle(kind, item);
    else if (kind === READINESS_PROBE || kind === LIVENESS_PROBE || kind === RESTARTED) this.health.handle(kind);
    else if (kind === OOM_RESTARTED) {
      this.mem.restarted(this.sim.now);
      this.sim.timeline.add(this.sim.now, this.index, TL_RESTARTED);
      this.wakeWaiters();
    }
  }

  /** Its service time is up: it fails, waits for its calls, or is done. */
  private served(item: number): void {
    const sim = this.sim;
    if (sim.now > sim.items.deadline[item]!) this.metrics.wasted++;
    if (this.cfg.errorRate > 0 && this.errors.next() < this.cfg.errorRate) {
      this.metrics.failed++;
      this.record(sim.now - sim.items.entered[item]!, sim.items.size[item]!);
      sim.finish(item, FAILED, this.index, R_ERROR);
      this.slotFreed();
    } else if (this.callOutputs.length > 0) {
      this.workers.calling++; // the worker waits for the answer, slot and all
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
    this.workers.calling--;
    if (ok) {
      this.workDone(item);
      return;
    }
    // The call failed: this item fails with the callee's status (a 429 and its Retry-After go up the chain).
    this.metrics.callFailures++;
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
      this.metrics.completed++;
      this.record(spent, size);
      sim.finish(item, COMPLETED, this.index);
    } else {
      this.metrics.completed++;
      const r = handOn(this, item, null);
      if (r === BUSY) return; // held: the worker keeps its slot until the next stage takes the item
      if (r !== LOST) this.handedOver(item, spent, r);
    }
    this.slotFreed();
  }

  /** Offers the item to the outputs in turn (serviceHandOn.ts cannot reach the protected sendOut). */
  sendOn(item: number): OfferResult {
    return this.sendOut(item);
  }

  override onReady(receiver: SimNode): void {
    if (this.callOutputs.includes(receiver)) this.caller.onReady(receiver);
    else handOnHeld(this, receiver);
  }

  override onWaitRefused(receiver: SimNode): void {
    refuseHeld(this, receiver);
  }

  /** The next stage took the item, or refused it (then it ends here); its bytes are already off the books. */
  handedOver(item: number, spent: number, r: OfferResult): void {
    this.metrics.record(spent);
    if (r !== ACCEPTED) this.sim.finishRefused(item);
  }

  /** An item leaves: its time in the node, and its bytes off the memory books. */
  private record(spent: number, size: number): void {
    this.metrics.record(spent);
    this.mem.remove(size);
  }

  /** A worker came free: it takes the next item, from the intake buffer or a waiting sender. */
  slotFreed(): void {
    this.workers.busy.set(this.sim.now, this.workers.taken());
    this.intake.startBuffered();
    this.wakeWaiters();
  }

  // ---- measurement ----

  override roll(): void {
    this.metrics.roll();
  }

  writeSnapshot(w: NodeSnapshotWriter): void {
    this.writeCommon(w, NODE_KIND_CODES.service);
    this.metrics.write(w);
  }

  report(): Record<string, number | string | null> {
    return this.metrics.report();
  }
}
