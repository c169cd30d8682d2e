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
 */
import { IntDeque } from '../kernel/deque';
import { Rng } from '../kernel/rng';
import { ACCEPTED, BUSY, COMPLETED, FAILED, O_REFUSED, PRIO_NORMAL, R_ERROR, type OfferResult } from '../kernel/protocol';
import type { Sim } from '../kernel/sim';
import { Histogram, NO_LATENCY, WindowedHistogram, windowLatency } from '../metrics/histogram';
import { F, NODE_KIND_CODES, type NodeSnapshotWriter } from '../metrics/layout';
import { TimeAverage } from '../metrics/series';
import { TIMELINE_KINDS } from '../metrics/timeline';
import type { NodeConfig } from '../scenario/schema';
import type { ConsumerGroupConfig } from '../scenario/streams';
import { makeSampler, type Sampler } from './distributions';
import { SimNode } from './node';
import { Topic, type TopicReader } from './topic';
import { rangeAssignment, stickyAssignment } from './assignors';

const TL_REBALANCE_START = TIMELINE_KINDS.indexOf('rebalance-start');
const TL_REBALANCE_END = TIMELINE_KINDS.indexOf('rebalance-end');
const TL_CONSUMER_LEFT = TIMELINE_KINDS.indexOf('consumer-left');

// Events.
const DONE = 0;
const POLL_CHECK = 1;
const REBALANCE_END = 2;

// Consumer states.
/** Inside poll(): waiting for records, or for a rebalance to end. Never "too slow" here. */
const WAITING = 0;
/** Working through the records its last poll returned. */
const PROCESSING = 1;
/** Processed a record whose next stage has no room: holds it until there is. */
const BLOCKED = 2;

class Consumer {
  /** In the group now (false: not yet joined, left, or kicked out for a slow poll). */
  member = false;
  /** Exists: wanted, or still finishing its batch before it leaves. */
  present = false;
  /** Asked to leave (scaled down): leaves at its next poll. */
  leaving = false;
  state = WAITING;
  /** Partitions assigned to it, ascending. */
  owned: number[] = [];
  batch = new Int32Array(0);
  batchLen = 0;
  batchPos = 0;
  lastPollAt = 0;
  checkPending = false;
  lastCommitAt = 0;
  /** Rotates the partition a fetch starts with, so no partition starves. */
  rr = 0;
  /** Attempts made on the current record, and whether it is a poison pill. */
  attempt = 0;
  poison = false;
  /** The processed item the next stage has no room for (BLOCKED). */
  heldItem = -1;

  constructor(readonly idx: number) {}
}

export class ConsumerGroup extends SimNode implements TopicReader {
  readonly type = 'consumer-group' as const;
  private cfg!: ConsumerGroupConfig;
  private sampler!: Sampler;
  private readonly times: Rng;
  private readonly errors: Rng;
  private readonly poisons: Rng;
  private topic: Topic | null = null;
  private readonly cs: Consumer[] = [];
  private wanted = 0;
  private started = false;

  // Per partition: who owns it (-1 nobody), the next offset to fetch, the committed offset, paused.
  private owner = new Int32Array(0);
  private position = new Float64Array(0);
  private committed = new Float64Array(0);
  private paused = new Uint8Array(0);

  private rebalancing = false;
  private rebalanceStart = 0;
  /** Bumped by every change of membership: a rebalance end scheduled before it is void. */
  private gen = 0;
  private endScheduledFor = -1;
  /** Consumers holding a processed item for a next stage with no room, oldest first. */
  private readonly blocked = new IntDeque(8);

  /** Items fetched and not yet processed or handed on. */
  private inFlight = 0;
  fetched = 0;
  processed = 0;
  completed = 0;
  failed = 0;
  retries = 0;
  deadLettered = 0;
  redelivered = 0;
  deduplicated = 0;
  rebalances = 0;
  pausedMs = 0;
  leftGroup = 0;
  commits = 0;
  failedCommits = 0;
  offsetResets = 0;
  polls = 0;
  private processingSum = 0;
  private processingCount = 0;
  private readonly busy = new TimeAverage();
  private readonly present = new TimeAverage();
  private busyNow = 0;
  /** Append to processed, ms: how far behind the group is, record by record. */
  private readonly latency = new Histogram();
  private readonly latencyWindow = new WindowedHistogram();
  private lastWindow = { ...NO_LATENCY, utilization: 0 };

  constructor(sim: Sim, index: number, id: string, seed: number) {
    super(sim, index, id);
    this.times = new Rng(seed, id, 'processing-time');
    this.errors = new Rng(seed, id, 'errors');
    this.poisons = new Rng(seed, id, 'poison');
  }

  configure(config: NodeConfig): void {
    const c = config as ConsumerGroupConfig;
    this.cfg = c;
    this.sampler = makeSampler(c.processingTime, this.times);
    this.setConsumers(c.consumers);
  }

  override start(): void {
    this.topic = (this.inputs.find((n) => n.type === 'topic') as Topic | undefined) ?? null;
    if (this.topic) this.topic.reader = this;
    this.resizePartitions();
    this.started = true;
    // The group forms at t = 0: the first assignment is immediate.
    for (const c of this.cs) if (c.present) c.member = true;
    this.assign(this.target());
    this.paused.fill(0);
  }

  /**
   * The number of consumers, changed now (an autoscaler calls this; configure does too). New
   * consumers join the group and removed ones leave once their batch is done: each a rebalance.
   */
  setConsumers(n: number): void {
    this.wanted = n;
    let joined = false;
    for (let i = 0; i < n; i++) {
      let c = this.cs[i];
      if (!c) this.cs.push((c = new Consumer(i)));
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
    for (let i = n; i < this.cs.length; i++) {
      const c = this.cs[i]!;
      if (!c.present || c.leaving) continue;
      c.leaving = true;
      if (c.state === WAITING) this.depart(c);
    }
    this.present.set(this.sim.now, this.countPresent());
    if (joined) this.triggerRebalance();
  }

  private countPresent(): number {
    let n = 0;
    for (const c of this.cs) if (c.present) n++;
    return n;
  }

  held(): number {
    return this.inFlight;
  }

  // ---- the topic tells ----

  onAppend(p: number): void {
    const o = this.owner[p]!;
    if (o < 0 || this.paused[p]) return;
    const c = this.cs[o]!;
    if (c.state === WAITING && c.member) this.fetch(c);
  }

  onPartitionsChanged(): void {
    this.resizePartitions();
    if (this.started) this.triggerRebalance();
  }

  readFrom(p: number): number {
    return this.owner[p]! >= 0 ? this.position[p]! : this.committed[p]!;
  }

  private resizePartitions(): void {
    const n = this.topic ? this.topic.partitions : 0;
    if (n <= this.owner.length) return;
    const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, b: T, fill: number): T => {
      b.fill(fill);
      b.set(a);
      return b;
    };
    this.owner = grow(this.owner, new Int32Array(n), -1);
    this.position = grow(this.position, new Float64Array(n), 0);
    this.committed = grow(this.committed, new Float64Array(n), 0);
    this.paused = grow(this.paused, new Uint8Array(n), 0);
  }

  // ---- the consumer loop ----

  /** A consumer comes back to poll(): its batch is done. */
  private poll(c: Consumer): void {
    this.setState(c, WAITING);
    if (!c.member) {
      // Kicked out while it worked: its commit fails (the partitions are someone else's now).
      this.failedCommits++;
      if (c.leaving) this.gone(c);
      else {
        c.member = true;
        this.triggerRebalance();
      }
      return;
    }
    if (c.leaving) {
      this.depart(c);
      return;
    }
    if (!this.cfg.enableAutoCommit || this.sim.now - c.lastCommitAt >= this.cfg.autoCommitIntervalMs) this.commit(c, c.owned);
    if (this.rebalancing) {
      this.prepareJoin(c);
      this.maybeSync();
    }
    this.fetch(c);
  }

  /** Inside poll: fetch what its unpaused partitions have, up to maxPollRecords, and start on it. */
  private fetch(c: Consumer): void {
    const topic = this.topic;
    if (!topic || c.state !== WAITING || c.owned.length === 0) return;
    const max = this.cfg.maxPollRecords;
    if (c.batch.length < max) c.batch = new Int32Array(max);
    let n = 0;
    const k = c.owned.length;
    for (let j = 0; j < k && n < max; j++) {
      const p = c.owned[(c.rr + j) % k]!;
      if (this.paused[p]) continue;
      const log = topic.logs[p]!;
      let pos = this.position[p]!;
      if (pos < log.logStart) {
        // The record it would read next was deleted by retention: auto.offset.reset.
        this.offsetResets++;
        if (this.cfg.autoOffsetReset === 'earliest') pos = log.logStart;
        else {
          topic.skipToEnd(p, log.logStart);
          pos = log.end;
        }
      }
      while (pos < log.end && n < max) {
        const item = topic.take(p, pos);
        if (item >= 0) {
          this.inFlight++;
          this.fetched++;
        }
        c.batch[n++] = item;
        pos++;
      }
      this.position[p] = pos;
    }
    c.rr = (c.rr + 1) % k;
    if (n === 0) return; // waits in poll: the topic wakes it on the next append
    this.polls++;
    c.batchLen = n;
    c.batchPos = 0;
    c.lastPollAt = this.sim.now;
    if (!c.checkPending) {
      c.checkPending = true;
      this.sim.schedule(this.sim.now + this.cfg.maxPollIntervalMs, PRIO_NORMAL, this.index, POLL_CHECK, c.idx);
    }
    this.setState(c, PROCESSING);
    this.next(c);
  }

  /** Starts on the next record of the batch, or polls when the batch is done. */
  private next(c: Consumer): void {
    while (c.batchPos < c.batchLen) {
      const item = c.batch[c.batchPos]!;
      if (item < 0 && this.cfg.idempotent) {
        // Seen before (a redelivery after a rebalance): an idempotent consumer skips it.
        this.deduplicated++;
        c.batchPos++;
        continue;
      }
      c.attempt = 0;
      c.poison = item >= 0 && this.cfg.poisonRate > 0 && this.poisons.next() < this.cfg.poisonRate;
      this.startAttempt(c);
      return;
    }
    this.poll(c);
  }

  private startAttempt(c: Consumer): void {
    const t = this.sampler();
    this.processingSum += t;
    this.processingCount++;
    this.sim.schedule(this.sim.now + t, PRIO_NORMAL, this.index, DONE, c.idx);
  }

  override handle(kind: number, arg: number): void {
    if (kind === DONE) this.done(this.cs[arg]!);
    else if (kind === POLL_CHECK) this.checkPoll(this.cs[arg]!);
    else if (kind === REBALANCE_END && arg === this.gen) this.endRebalance();
  }

  private done(c: Consumer): void {
    const sim = this.sim;
    const item = c.batch[c.batchPos]!;
    if (item < 0) {
      this.redelivered++; // processed a second time: at-least-once
      c.batchPos++;
      this.next(c);
      return;
    }
    if (c.poison || (this.cfg.errorRate > 0 && this.errors.next() < this.cfg.errorRate)) {
      if (c.attempt < this.cfg.maxRetries) {
        c.attempt++;
        this.retries++;
        this.startAttempt(c);
        return;
      }
      this.inFlight--;
      if (this.fallbackOutputs.length > 0) {
        // The dead-letter topic (wiring allows topics only, which always take a record).
        this.deadLettered++;
        const r = this.fallbackOutputs[0]!.offer(item, this);
        if (r !== ACCEPTED) sim.finishRefused(item);
      } else {
        this.failed++;
        sim.finish(item, FAILED, this.index, R_ERROR);
      }
      c.batchPos++;
      this.next(c);
      return;
    }
    this.processed++;
    const lat = sim.now - sim.items.entered[item]!;
    this.latency.record(lat);
    this.latencyWindow.record(lat);
    if (this.outputs.length === 0) {
      this.inFlight--;
      this.completed++;
      sim.finish(item, COMPLETED, this.index);
    } else {
      const r = this.sendOut(item);
      if (r === BUSY) {
        c.heldItem = item;
        this.setState(c, BLOCKED);
        this.blocked.pushBack(c.idx);
        return; // its loop stalls until the next stage has room (and the poll interval runs on)
      }
      this.inFlight--;
      if (r !== ACCEPTED) sim.finishRefused(item);
    }
    c.batchPos++;
    this.next(c);
  }

  override onReady(receiver: SimNode): void {
    if (this.blocked.length === 0) return;
    const c = this.cs[this.blocked.peekFront()]!;
    const r = receiver.offer(c.heldItem, this);
    if (r === BUSY) return;
    this.blocked.popFront();
    this.unblock(c, r);
    if (this.blocked.length > 0) receiver.addWaiter(this);
  }

  override onWaitRefused(receiver: SimNode): void {
    if (this.blocked.length === 0) return;
    const c = this.cs[this.blocked.popFront()]!;
    this.unblock(c, O_REFUSED);
    if (this.blocked.length > 0) receiver.addWaiter(this);
  }

  private unblock(c: Consumer, r: OfferResult | typeof O_REFUSED): void {
    const item = c.heldItem;
    c.heldItem = -1;
    this.inFlight--;
    if (r !== ACCEPTED) this.sim.finishRefused(item);
    this.setState(c, PROCESSING);
    c.batchPos++;
    this.next(c);
  }

  /** max.poll.interval.ms: a member still on the batch it polled that long ago leaves the group. */
  private checkPoll(c: Consumer): void {
    c.checkPending = false;
    if (!c.member || c.state === WAITING) return;
    const due = c.lastPollAt + this.cfg.maxPollIntervalMs;
    if (this.sim.now < due) {
      c.checkPending = true;
      this.sim.schedule(due, PRIO_NORMAL, this.index, POLL_CHECK, c.idx);
      return;
    }
    this.leftGroup++;
    this.sim.timeline.add(this.sim.now, this.index, TL_CONSUMER_LEFT);
    c.member = false;
    this.release(c, c.owned.slice());
    this.triggerRebalance();
  }

  // ---- commits and membership ----

  private commit(c: Consumer, parts: readonly number[]): void {
    if (parts.length === 0) return;
    for (const p of parts) {
      this.committed[p] = this.position[p]!;
      this.topic?.trim(p, this.committed[p]!);
    }
    c.lastCommitAt = this.sim.now;
    this.commits++;
  }

  private release(c: Consumer, parts: readonly number[]): void {
    for (const p of parts) if (this.owner[p] === c.idx) this.owner[p] = -1;
    c.owned = c.owned.filter((p) => !parts.includes(p));
  }

  /** Leaves the group on purpose (scaled down): commits first, so nothing is redelivered. */
  private depart(c: Consumer): void {
    this.commit(c, c.owned);
    this.release(c, c.owned.slice());
    this.gone(c);
    this.triggerRebalance();
  }

  private gone(c: Consumer): void {
    c.member = false;
    c.present = false;
    c.leaving = false;
    this.present.set(this.sim.now, this.countPresent());
  }

  // ---- rebalancing ----

  private triggerRebalance(): void {
    const sim = this.sim;
    if (!this.rebalancing) {
      this.rebalancing = true;
      this.rebalanceStart = sim.now;
      this.rebalances++;
      sim.timeline.add(sim.now, this.index, TL_REBALANCE_START);
    }
    this.gen++;
    this.endScheduledFor = -1;
    if (this.cfg.rebalance === 'eager') this.paused.fill(1);
    else {
      const target = this.target();
      for (let p = 0; p < this.owner.length; p++) if (this.owner[p] !== target[p]) this.paused[p] = 1;
    }
    for (const c of this.cs) if (c.member && c.state === WAITING) this.prepareJoin(c);
    this.maybeSync();
  }

  /** A member at poll during a rebalance: commits and gives up what it must (eager: everything). */
  private prepareJoin(c: Consumer): void {
    const give = this.cfg.rebalance === 'eager' ? c.owned.slice() : c.owned.filter((p) => this.paused[p]);
    if (give.length === 0) return;
    this.commit(c, give);
    this.release(c, give);
  }

  /** Once every member that must has come back (and given up its partitions), the sync round runs. */
  private maybeSync(): void {
    if (!this.rebalancing || this.endScheduledFor === this.gen) return;
    if (this.cfg.rebalance === 'eager') {
      for (const c of this.cs) if (c.member && c.state !== WAITING) return;
    } else {
      for (let p = 0; p < this.owner.length; p++) if (this.paused[p] && this.owner[p]! >= 0) return;
    }
    this.endScheduledFor = this.gen;
    this.sim.schedule(this.sim.now + this.cfg.rebalanceMs, PRIO_NORMAL, this.index, REBALANCE_END, this.gen);
  }

  private endRebalance(): void {
    const sim = this.sim;
    this.assign(this.target());
    this.paused.fill(0);
    this.rebalancing = false;
    this.pausedMs += sim.now - this.rebalanceStart;
    sim.timeline.add(sim.now, this.index, TL_REBALANCE_END);
    for (const c of this.cs) if (c.member && c.state === WAITING) this.fetch(c);
  }

  /** Gives every unowned partition to its target owner, who reads it from the committed offset. */
  private assign(target: Int32Array): void {
    for (let p = 0; p < target.length; p++) {
      const t = target[p]!;
      if (this.owner[p]! >= 0 || t < 0) continue;
      this.owner[p] = t;
      this.position[p] = this.committed[p]!;
      const c = this.cs[t]!;
      c.owned.push(p);
      c.owned.sort((a, b) => a - b);
    }
  }

  /** Who should own each partition now (assignors.ts): Kafka's range assignor under eager rebalancing, sticky under cooperative. */
  private target(): Int32Array {
    const P = this.owner.length;
    const members = this.cs.filter((c) => c.member);
    if (this.cfg.rebalance === 'eager') return rangeAssignment(P, members.map((c) => c.idx));
    return stickyAssignment(
      P,
      members.map((c) => ({ idx: c.idx, owns: c.owned.filter((p) => this.owner[p] === c.idx) })),
    );
  }

  // ---- measurement ----

  private setState(c: Consumer, state: number): void {
    const wasBusy = c.state !== WAITING;
    c.state = state;
    const isBusy = state !== WAITING;
    if (wasBusy !== isBusy) {
      this.busyNow += isBusy ? 1 : -1;
      this.busy.set(this.sim.now, this.busyNow);
    }
  }

  private members(): number {
    let n = 0;
    for (const c of this.cs) if (c.member) n++;
    return n;
  }

  private active(): number {
    let n = 0;
    for (const c of this.cs) if (c.member && c.owned.length > 0) n++;
    return n;
  }

  private assigned(): number {
    let n = 0;
    for (let p = 0; p < this.owner.length; p++) if (this.owner[p]! >= 0) n++;
    return n;
  }

  /**
   * Records behind: appended and not yet processed (nor lost). Kafka's records-lag (log end -
   * position) leaves out the batch a consumer holds, up to maxPollRecords each: with a backlog a
   * poll takes it all and records-lag looks small while the work is still to do. (The lag an
   * autoscaler on lag should read: topic.lag() is records-lag.)
   */
  behind(): number {
    return (this.topic ? this.topic.lag() : 0) + this.inFlight - this.blocked.length;
  }

  /** Age of the oldest record not processed yet: unread, or in a consumer's batch. */
  private behindMs(): number {
    let worst = this.topic ? this.topic.lagMs() : 0;
    const now = this.sim.now, entered = this.sim.items.entered;
    for (const c of this.cs) {
      if (c.state === WAITING) continue;
      for (let k = c.batchPos + (c.state === BLOCKED ? 1 : 0); k < c.batchLen; k++) {
        const item = c.batch[k]!;
        if (item >= 0) worst = Math.max(worst, now - entered[item]!);
      }
    }
    return worst;
  }

  private lagCommitted(): number {
    const topic = this.topic;
    if (!topic) return 0;
    let sum = 0;
    topic.logs.forEach((log, p) => (sum += log.end - Math.max(this.committed[p] ?? 0, log.logStart)));
    return sum;
  }

  override roll(): void {
    this.latencyWindow.roll();
    const w = this.latencyWindow.previous;
    const now = this.sim.now;
    const slots = this.present.takeWindow(now);
    this.lastWindow = { ...windowLatency(w), utilization: slots > 0 ? this.busy.takeWindow(now) / slots : 0 };
  }

  writeSnapshot(w: NodeSnapshotWriter): void {
    this.writeCommon(w, NODE_KIND_CODES['consumer-group']);
    w.set(F.level, this.inFlight);
    w.set(F.capacity, this.wanted);
    w.set(F.held, this.blocked.length);
    w.set(F.arrived, this.fetched);
    w.set(F.accepted, this.fetched);
    w.set(F.completed, this.processed);
    w.set(F.failed, this.failed);
    w.set(F.retries, this.retries);
    w.set(F.latP50, this.lastWindow.p50);
    w.set(F.latP99, this.lastWindow.p99);
    w.set(F.latMean, this.lastWindow.mean);
    w.set(F.utilization, this.lastWindow.utilization);
    w.set(F.lag, this.behind());
    w.set(F.lagMs, this.behindMs());
    w.set(F.partitions, this.assigned());
    w.set(F.activeConsumers, this.active());
    w.set(F.rebalancing, this.rebalancing ? 1 : 0);
    w.set(F.redelivered, this.redelivered + this.deduplicated);
    w.set(F.deadLettered, this.deadLettered);
  }

  report(): Record<string, number | string | null> {
    const now = this.sim.now;
    const slots = this.present.area(now);
    const members = this.members();
    return {
      type: 'consumer-group',
      consumers: this.wanted,
      members,
      activeConsumers: this.active(),
      idleConsumers: members - this.active(),
      partitionsAssigned: this.assigned(),
      fetched: this.fetched,
      processed: this.processed,
      completed: this.completed,
      failed: this.failed,
      retries: this.retries,
      deadLettered: this.deadLettered,
      redelivered: this.redelivered,
      deduplicated: this.deduplicated,
      inFlight: this.inFlight,
      holding: this.blocked.length,
      lag: this.behind(),
      lagMs: this.behindMs(),
      recordsLag: this.topic ? this.topic.lag() : 0,
      lagCommitted: this.lagCommitted(),
      polls: this.polls,
      commits: this.commits,
      failedCommits: this.failedCommits,
      rebalances: this.rebalances,
      rebalancing: this.rebalancing ? 1 : 0,
      rebalancePausedMs: this.pausedMs + (this.rebalancing ? now - this.rebalanceStart : 0),
      leftGroup: this.leftGroup,
      offsetResets: this.offsetResets,
      meanProcessingMs: this.processingCount > 0 ? this.processingSum / this.processingCount : 0,
      utilization: slots > 0 ? this.busy.area(now) / slots : 0,
      meanRecordLatencyMs: this.latency.mean,
      p50RecordLatencyMs: this.latency.quantile(0.5),
      p90RecordLatencyMs: this.latency.quantile(0.9),
      p99RecordLatencyMs: this.latency.quantile(0.99),
    };
  }
}
