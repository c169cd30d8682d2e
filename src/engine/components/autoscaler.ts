/**
 * Autoscaler: Kubernetes' HorizontalPodAutoscaler over the service at the end of its "scales" edge.
 * Every `syncPeriodMs` it reads the metric, averaged over the replicas it has asked for (ready or
 * still starting, as HPA counts a Deployment's replicas):
 * - `utilization`: busy workers / workers over the last period, percent;
 * - `queue-depth`: items waiting in front of the service (its input queues) per replica;
 * - `lag` (a consumer group): records not processed yet (unread, or in a consumer's batch), per consumer;
 * and recommends desired = ceil(current x metric / targetValue), or no change while
 * |metric / target - 1| <= tolerance. Scale-up is limited as HPA's default policy does (at most
 * double, or +4, per period). Scale-down takes the highest recommendation of the last
 * `scaleDownStabilizationMs`, so a dip does not remove capacity that a burst needs a minute later.
 * The result is clamped to [minReplicas, maxReplicas], and for a consumer group to the topic's
 * partition count (a partition is read by one consumer of a group: more would sit idle).
 *
 * New replicas serve only `provisioningDelayMs` after they were asked for; removed replicas go at
 * once (starting ones first), their workers finishing what they hold. Both show on the timeline
 * (scaled-up when capacity arrives, scaled-down when it goes).
 */
import { IntDeque } from '../kernel/deque';
import { PRIO_NORMAL } from '../kernel/protocol';
import type { Sim } from '../kernel/sim';
import { F, NODE_KIND_CODES, type NodeSnapshotWriter } from '../metrics/layout';
import { TL_SCALED_DOWN, TL_SCALED_UP } from '../metrics/timeline';
import type { NodeConfig } from '../scenario/schema';
import type { AutoscalerConfig } from '../scenario/scaling';
import { SimNode } from './node';
import type { Service } from './service';
import type { ConsumerGroup } from './consumerGroup';
import type { Topic } from './topic';

/** What an autoscaler drives: a service's replicas or a consumer group's consumers. */
type Target = Service | ConsumerGroup;

const DECIDE = 0;
const ARRIVE = 1;

/** HPA's recommendation: ceil(current x metric / target), unchanged within the tolerance. */
export function hpaDesired(current: number, metric: number, target: number, tolerance: number): number {
  const ratio = metric / target;
  if (Math.abs(ratio - 1) <= tolerance) return current;
  return Math.ceil(current * ratio - 1e-9);
}

export class Autoscaler extends SimNode {
  readonly type = 'autoscaler' as const;
  private cfg!: AutoscalerConfig;
  /** The service or consumer group it scales (set from the "scales" edge). */
  target: Target | null = null;

  /** Replicas serving. */
  ready = 0;
  /** Arrival times of replicas asked for and still starting, oldest first. */
  private readonly starting: number[] = [];
  /** Recommendations of the stabilization window: when, and how many. */
  private readonly recTimes: number[] = [];
  private readonly recValues = new IntDeque(16);
  private lastBusy = 0;
  private lastSlots = 0;
  private lastMetric = 0;
  private lastDesired = 0;
  /** The last recommendation before stabilization and the scale-up limit. */
  private lastRec = 0;
  /** When the next decision is due, and when the last one was (a live edit of syncPeriodMs moves the next). */
  private nextDecision = Infinity;
  private lastDecision = 0;

  decisions = 0;
  scaleUps = 0;
  scaleDowns = 0;
  maxReady = 0;

  constructor(sim: Sim, index: number, id: string) {
    super(sim, index, id);
  }

  configure(config: NodeConfig): void {
    const first = this.cfg === undefined;
    this.cfg = config as unknown as AutoscalerConfig;
    if (first) return;
    // Live edit: new bounds apply at once.
    const requested = this.ready + this.starting.length;
    const clamped = Math.min(this.ceiling, Math.max(this.cfg.minReplicas, requested));
    if (clamped !== requested) this.scaleTo(clamped);
    // A shorter period takes effect from the last decision; a longer one after the next.
    const due = Math.max(this.sim.now, this.lastDecision + this.cfg.syncPeriodMs);
    if (due < this.nextDecision) this.scheduleDecision(due);
  }

  private scheduleDecision(at: number): void {
    this.nextDecision = at;
    this.sim.schedule(at, PRIO_NORMAL, this.index, DECIDE, 0);
  }

  override start(): void {
    this.ready = this.cfg.minReplicas;
    this.maxReady = this.ready;
    this.lastDesired = this.ready;
    this.apply();
    this.markArea();
    this.scheduleDecision(this.sim.now + this.cfg.syncPeriodMs);
  }

  /** Runs `ready` replicas of the target: a live edit of its worker count, or of its consumers. */
  private apply(): void {
    const t = this.target;
    if (!t) return;
    if (t.type === 'consumer-group') t.setConsumers(this.ready);
    else t.setReplicas(this.ready);
  }

  private get service(): Service | null {
    return this.target?.type === 'service' ? this.target : null;
  }

  /** The most replicas worth having: maxReplicas, and for a consumer group the partition count. */
  private get ceiling(): number {
    const t = this.target;
    if (t?.type !== 'consumer-group') return this.cfg.maxReplicas;
    const topic = t.inputs.find((n) => n.type === 'topic') as Topic | undefined;
    return Math.max(this.cfg.minReplicas, Math.min(this.cfg.maxReplicas, topic ? topic.partitions : this.cfg.maxReplicas));
  }

  private markArea(): void {
    const t = this.service;
    if (!t) return;
    this.lastBusy = t.busyArea();
    this.lastSlots = t.slotArea();
  }

  /** The metric now, averaged over the replicas asked for (ready and starting). */
  private readMetric(requested: number): number {
    if (this.cfg.metric === 'lag') {
      // Records not yet processed, batches in hand included (records-lag alone looks small once a
      // backlog has been polled into batches).
      return (this.target as ConsumerGroup).behind() / requested;
    }
    const t = this.service!;
    if (this.cfg.metric === 'queue-depth') return t.backlog() / requested;
    const busy = t.busyArea() - this.lastBusy;
    const slots = t.slotArea() - this.lastSlots;
    this.markArea();
    // Starting replicas count with no load, as HPA counts pods that are not ready yet for a scale-up.
    const readySlots = slots > 0 ? busy / slots : 0;
    return (100 * readySlots * this.ready) / requested;
  }

  private decide(): void {
    const c = this.cfg;
    const now = this.sim.now;
    this.lastDecision = now;
    this.scheduleDecision(now + c.syncPeriodMs);
    if (!this.target) return;
    this.decisions++;
    const requested = this.ready + this.starting.length;
    const metric = this.readMetric(requested);
    this.lastMetric = metric;
    let rec = hpaDesired(requested, metric, c.targetValue, c.tolerance);
    rec = Math.min(this.ceiling, Math.max(c.minReplicas, rec));
    this.lastRec = rec;
    // Stabilization: remember this recommendation; scale down only to the highest of the window
    // (those made after now - window, as HPA keeps them).
    while (this.recTimes.length > 0 && this.recTimes[0]! <= now - c.scaleDownStabilizationMs) {
      this.recTimes.shift();
      this.recValues.popFront();
    }
    this.recTimes.push(now);
    this.recValues.pushBack(rec);
    let desired = rec;
    if (desired < requested) {
      let highest = desired;
      for (let i = 0; i < this.recValues.length; i++) highest = Math.max(highest, this.recValues.at(i));
      desired = Math.min(requested, highest);
    } else if (desired > requested) {
      // HPA's default scale-up policy: at most double, or 4 more, per period.
      desired = Math.min(desired, Math.max(2 * requested, requested + 4));
    }
    this.lastDesired = desired;
    if (desired !== requested) this.scaleTo(desired);
  }

  private scaleTo(desired: number): void {
    const sim = this.sim;
    let requested = this.ready + this.starting.length;
    while (requested < desired) {
      this.scaleUps++;
      this.starting.push(sim.now + this.cfg.provisioningDelayMs);
      sim.schedule(sim.now + this.cfg.provisioningDelayMs, PRIO_NORMAL, this.index, ARRIVE, 0);
      requested++;
    }
    if (requested > desired) {
      this.scaleDowns++;
      // Replicas still starting are cancelled first (newest first), then serving ones go.
      while (requested > desired && this.starting.length > 0) {
        this.starting.pop();
        requested--;
      }
      if (requested > desired) {
        this.ready = desired;
        this.apply();
        sim.timeline.add(sim.now, this.index, TL_SCALED_DOWN);
      }
    }
  }

  override handle(kind: number): void {
    if (kind === DECIDE) {
      if (this.sim.now === this.nextDecision) this.decide(); // else superseded by a live edit
      return;
    }
    if (kind !== ARRIVE) return;
    const now = this.sim.now;
    // A cancelled replica leaves its arrival event behind: only the due ones arrive.
    let arrived = 0;
    while (this.starting.length > 0 && this.starting[0]! <= now) {
      this.starting.shift();
      arrived++;
    }
    if (arrived === 0) return;
    this.ready += arrived;
    this.maxReady = Math.max(this.maxReady, this.ready);
    this.apply();
    this.sim.timeline.add(now, this.index, TL_SCALED_UP);
  }

  held(): number {
    return 0;
  }

  writeSnapshot(w: NodeSnapshotWriter): void {
    this.writeCommon(w, NODE_KIND_CODES.autoscaler);
    w.set(F.level, this.ready);
    w.set(F.capacity, this.cfg.maxReplicas);
    w.set(F.gauge, this.lastMetric);
    w.set(F.pendingReplicas, this.starting.length);
    w.set(F.desiredReplicas, this.lastDesired);
  }

  report(): Record<string, number | string | null> {
    return {
      type: 'autoscaler',
      target: this.target?.id ?? null,
      metric: this.cfg.metric,
      replicas: this.ready,
      starting: this.starting.length,
      desiredReplicas: this.lastDesired,
      recommendation: this.lastRec,
      lastMetric: this.lastMetric,
      maxReplicasReached: this.maxReady,
      decisions: this.decisions,
      scaleUps: this.scaleUps,
      scaleDowns: this.scaleDowns,
    };
  }
}
