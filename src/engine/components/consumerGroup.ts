/**
 * Consumer group: the consumers that read one topic (topic.ts) together, as Kafka's consumer and
 * group coordinator behave (shared/reference/SEMANTICS.md "Kafka consumer"):
 *
 * - Each partition is read by at most one consumer of the group; consumers beyond the partition
 *   count own nothing and sit idle. Assignment: the range assignor under `rebalance: "eager"`,
 *   sticky (keep what you own, move as little as possible) under `"cooperative"`.
 * - A consumer polls: it fetches up to `maxPollRecords` records from its partitions (waiting in
 *   poll while there are none), processes them one at a time (`processingTime` each), hands each on
 *   through the group's outputs (or completes it there), and polls again.
 * - If it does not poll again within `maxPollIntervalMs` (its batch took too long) it leaves the
 *   group: a rebalance. It still finishes its batch, but its commit then fails and it rejoins (one
 *   more rebalance). Eager: every member finishes its batch, gives up all its partitions and waits
 *   until the rebalance ends, `rebalanceMs` after the last member came back to poll (stop the world).
 *   Cooperative: only the partitions that move pause; the others are read throughout.
 * - Commits: `enableAutoCommit` commits the positions at a poll once `autoCommitIntervalMs` has
 *   passed (and before giving up partitions in a rebalance); without it, after every batch. A new
 *   owner starts at the committed offset, so records processed and not committed are processed
 *   again: redelivered (at-least-once duplicates). `idempotent` consumers recognise and skip them.
 * - `autoOffsetReset` when retention deleted the record a consumer would read next.
 * - A record fails an attempt with `errorRate` (poison pills, `poisonRate`, fail every attempt); it
 *   is retried up to `maxRetries` times, then goes to the dead-letter route (a "dead-letter" edge to
 *   a topic) or fails there.
 *
 * Items: a fetched record's item belongs to the group until processed. A redelivered record has no
 * item (it was delivered before): it costs processing time and is counted, and is not handed on
 * again, so every produced item still ends exactly once.
 *
 * Scaling: `setConsumers(n)` changes the number of consumers at the current instant (configure uses
 * it; an autoscaler may call it). Added consumers join (a rebalance); removed ones finish their
 * batch, commit and leave (a rebalance).
 *
 * Its parts: groupMember.ts is one consumer, groupOffsets.ts the books on each partition (owner,
 * position, committed offset), groupRebalance.ts the rebalance protocol and the assignors it uses,
 * groupPolling.ts the consumers polling and processing.
 */
import { Rng } from '../kernel/rng';
import type { OfferResult } from '../kernel/protocol';
import type { Sim } from '../kernel/sim';
import { NO_LATENCY, windowLatency } from '../metrics/histogram';
import { F, NODE_KIND_CODES, type NodeSnapshotWriter } from '../metrics/layout';
import { TimeAverage } from '../metrics/series';
import type { NodeConfig } from '../scenario/schema';
import type { ConsumerGroupConfig } from '../scenario/streams';
import { Consumer, WAITING } from './groupMember';
import { Offsets } from './groupOffsets';
import { DONE, POLL_CHECK, Poller, type Polling } from './groupPolling';
import { Rebalance, REBALANCE_END, type Rebalanced } from './groupRebalance';
import { SimNode } from './node';
import type { Topic, TopicReader } from './topic';

export class ConsumerGroup extends SimNode implements TopicReader, Polling, Rebalanced {
  readonly type = 'consumer-group' as const;
  readonly consumers: Consumer[] = [];
  readonly offsets = new Offsets();
  readonly rebalance: Rebalance;
  private readonly poller: Poller;
  private wanted = 0;
  private started = false;
  /** Consumers present: consumer-ms available. */
  private readonly present = new TimeAverage();
  private lastWindow = { ...NO_LATENCY, utilization: 0 };

  constructor(sim: Sim, index: number, id: string, seed: number) {
    super(sim, index, id);
    this.rebalance = new Rebalance(this);
    this.poller = new Poller(this, new Rng(seed, id, 'processing-time'), new Rng(seed, id, 'errors'), new Rng(seed, id, 'poison'));
  }

  configure(config: NodeConfig): void {
    const c = config as ConsumerGroupConfig;
    this.poller.configure(c);
    this.rebalance.configure(c);
    this.setConsumers(c.consumers);
  }

  override start(): void {
    const offsets = this.offsets;
    offsets.topic = (this.inputs.find((n) => n.type === 'topic') as Topic | undefined) ?? null;
    if (offsets.topic) offsets.topic.reader = this;
    offsets.resize();
    this.started = true;
    // The group forms at t = 0: the first assignment is immediate.
    for (const c of this.consumers) if (c.present) c.member = true;
    this.rebalance.assign();
    offsets.paused.fill(0);
  }

  /**
   * The number of consumers, changed now (an autoscaler calls this; configure does too). New
   * consumers join the group and removed ones leave once their batch is done: each a rebalance.
   */
  setConsumers(n: number): void {
    const cs = this.consumers;
    this.wanted = n;
    let joined = false;
    for (let i = 0; i < n; i++) {
      let c = cs[i];
      if (!c) cs.push((c = new Consumer(i)));
      c.leaving = false;
      if (!c.present) {
        c.present = true;
        c.state = WAITING;
        c.lastCommitAt = this.sim.now;
        if (this.started) {
          c.member = true;
          joined = true;
        }
      }
    }
    for (let i = n; i < cs.length; i++) {
      const c = cs[i]!;
      if (!c.present || c.leaving) continue;
      c.leaving = true;
      if (c.state === WAITING) this.depart(c);
    }
    this.present.set(this.sim.now, this.countPresent());
    if (joined) this.rebalance.trigger();
  }

  /** Leaves the group on purpose (scaled down): commits first, so nothing is redelivered. */
  depart(c: Consumer): void {
    this.offsets.commit(c, c.owned, this.sim.now);
    this.offsets.release(c, c.owned.slice());
    this.gone(c);
    this.rebalance.trigger();
  }

  /** The consumer is gone: out of the group, its batch done. */
  gone(c: Consumer): void {
    c.member = false;
    c.present = false;
    c.leaving = false;
    this.present.set(this.sim.now, this.countPresent());
  }

  private countPresent(): number {
    let n = 0;
    for (const c of this.consumers) if (c.present) n++;
    return n;
  }

  held(): number {
    return this.poller.inFlight;
  }

  // ---- the topic tells ----

  onAppend(p: number): void {
    const o = this.offsets.owner[p]!;
    if (o < 0 || this.offsets.paused[p]) return;
    const c = this.consumers[o]!;
    if (c.state === WAITING && c.member) this.poller.fetch(c);
  }

  onPartitionsChanged(): void {
    this.offsets.resize();
    if (this.started) this.rebalance.trigger();
  }

  readFrom(p: number): number {
    return this.offsets.readFrom(p);
  }

  // ---- the consumers at work ----

  /** A member waiting in poll fetches (groupRebalance.ts, after a rebalance). */
  fetch(c: Consumer): void {
    this.poller.fetch(c);
  }

  /** Offers the item to the outputs in turn (groupPolling.ts cannot reach the protected sendOut). */
  sendOn(item: number): OfferResult {
    return this.sendOut(item);
  }

  override handle(kind: number, arg: number): void {
    if (kind === DONE) this.poller.done(this.consumers[arg]!);
    else if (kind === POLL_CHECK) this.poller.checkPoll(this.consumers[arg]!);
    else if (kind === REBALANCE_END) this.rebalance.end(arg);
  }

  override onReady(receiver: SimNode): void {
    this.poller.onReady(receiver);
  }

  override onWaitRefused(receiver: SimNode): void {
    this.poller.onWaitRefused(receiver);
  }

  // ---- measurement ----

  private members(): number {
    let n = 0;
    for (const c of this.consumers) if (c.member) n++;
    return n;
  }

  private active(): number {
    let n = 0;
    for (const c of this.consumers) if (c.member && c.owned.length > 0) n++;
    return n;
  }

  /** Records behind: appended and not yet processed (nor lost), batches in hand included (groupOffsets.ts). */
  behind(): number {
    const p = this.poller;
    return this.offsets.behind(p.inFlight - p.blocked.length);
  }

  private behindMs(): number {
    return this.offsets.behindMs(this.consumers, this.sim.now, this.sim.items.entered);
  }

  override roll(): void {
    const p = this.poller;
    p.latencyWindow.roll();
    const w = p.latencyWindow.previous;
    const now = this.sim.now;
    const slots = this.present.takeWindow(now);
    this.lastWindow = { ...windowLatency(w), utilization: slots > 0 ? p.busy.takeWindow(now) / slots : 0 };
  }

  writeSnapshot(w: NodeSnapshotWriter): void {
    const p = this.poller;
    this.writeCommon(w, NODE_KIND_CODES['consumer-group']);
    w.set(F.level, p.inFlight);
    w.set(F.capacity, this.wanted);
    w.set(F.held, p.blocked.length);
    w.set(F.arrived, p.fetched);
    w.set(F.accepted, p.fetched);
    w.set(F.completed, p.processed);
    w.set(F.failed, p.failed);
    w.set(F.retries, p.retries);
    w.set(F.latP50, this.lastWindow.p50);
    w.set(F.latP99, this.lastWindow.p99);
    w.set(F.latMean, this.lastWindow.mean);
    w.set(F.utilization, this.lastWindow.utilization);
    w.set(F.lag, this.behind());
    w.set(F.lagMs, this.behindMs());
    w.set(F.partitions, this.offsets.assigned());
    w.set(F.activeConsumers, this.active());
    w.set(F.rebalancing, this.rebalance.running ? 1 : 0);
    w.set(F.redelivered, p.redelivered + p.deduplicated);
    w.set(F.deadLettered, p.deadLettered);
  }

  report(): Record<string, number | string | null> {
    const p = this.poller;
    const rb = this.rebalance;
    const now = this.sim.now;
    const slots = this.present.area(now);
    const members = this.members();
    return {
      type: 'consumer-group',
      consumers: this.wanted,
      members,
      activeConsumers: this.active(),
      idleConsumers: members - this.active(),
      partitionsAssigned: this.offsets.assigned(),
      fetched: p.fetched,
      processed: p.processed,
      completed: p.completed,
      failed: p.failed,
      retries: p.retries,
      deadLettered: p.deadLettered,
      redelivered: p.redelivered,
      deduplicated: p.deduplicated,
      inFlight: p.inFlight,
      holding: p.blocked.length,
      lag: this.behind(),
      lagMs: this.behindMs(),
      recordsLag: this.offsets.topic ? this.offsets.topic.lag() : 0,
      lagCommitted: this.offsets.lagCommitted(),
      polls: p.polls,
      commits: this.offsets.commits,
      failedCommits: p.failedCommits,
      rebalances: rb.count,
      rebalancing: rb.running ? 1 : 0,
      rebalancePausedMs: rb.pausedMs + (rb.running ? now - rb.startedAt : 0),
      leftGroup: p.leftGroup,
      offsetResets: p.offsetResets,
      meanProcessingMs: p.processingCount > 0 ? p.processingSum / p.processingCount : 0,
      utilization: slots > 0 ? p.busy.area(now) / slots : 0,
      meanRecordLatencyMs: p.latency.mean,
      p50RecordLatencyMs: p.latency.quantile(0.5),
      p90RecordLatencyMs: p.latency.quantile(0.9),
      p99RecordLatencyMs: p.latency.quantile(0.99),
    };
  }
}
