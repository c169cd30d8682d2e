/**
 * A consumer group's consumers at work: each polls up to `maxPollRecords` records from its
 * unpaused partitions (waiting in poll while there are none), processes them one at a time
 * (`processingTime` each), hands each on through the group's outputs (or completes it there), and
 * polls again. At a poll it commits (every batch, or every `autoCommitIntervalMs` with
 * `enableAutoCommit`), and during a rebalance gives up what it must.
 * - A record fails an attempt with `errorRate` (poison pills, `poisonRate`, fail every attempt); it
 *   is retried up to `maxRetries` times, then goes to the dead-letter route (a "dead-letter" edge to
 *   a topic) or fails there.
 * - A redelivered record (no item: delivered before) costs processing time and is counted, unless
 *   the consumer is `idempotent` and skips it.
 * - A member still on the batch it polled `maxPollIntervalMs` ago leaves the group (a rebalance);
 *   its commit at the next poll fails, and it rejoins.
 * - `autoOffsetReset` when retention deleted the record a consumer would read next.
 */
import { IntDeque } from '../kernel/deque';
import { ACCEPTED, BUSY, COMPLETED, FAILED, O_REFUSED, PRIO_NORMAL, R_ERROR, type OfferResult } from '../kernel/protocol';
import type { Rng } from '../kernel/rng';
import { Histogram, WindowedHistogram } from '../metrics/histogram';
import { TimeAverage } from '../metrics/series';
import { TIMELINE_KINDS } from '../metrics/timeline';
import type { ConsumerGroupConfig } from '../scenario/streams';
import { makeSampler, type Sampler } from './distributions';
import { BLOCKED, PROCESSING, WAITING, type Consumer } from './groupMember';
import type { Offsets } from './groupOffsets';
import type { Rebalance } from './groupRebalance';
import type { SimNode } from './node';

const TL_CONSUMER_LEFT = TIMELINE_KINDS.indexOf('consumer-left');

/** Event kinds the group forwards to `done` and `checkPoll`, their argument the consumer's idx. */
export const DONE = 0;
export const POLL_CHECK = 1;

/** The group whose consumers poll. */
export interface Polling extends SimNode {
  readonly consumers: readonly Consumer[];
  readonly offsets: Offsets;
  readonly rebalance: Rebalance;
  /** Offers the item to the outputs in turn (SimNode.sendOut). */
  sendOn(item: number): OfferResult;
  /** The consumer leaves the group on purpose (scaled down). */
  depart(c: Consumer): void;
  /** The consumer is gone (left, and its batch done). */
  gone(c: Consumer): void;
}

export class Poller {
  /** Items fetched and not yet processed or handed on. */
  inFlight = 0;
  /** Consumers holding a processed item for a next stage with no room, oldest first. */
  readonly blocked = new IntDeque(8);
  fetched = 0;
  processed = 0;
  completed = 0;
  failed = 0;
  retries = 0;
  deadLettered = 0;
  redelivered = 0;
  deduplicated = 0;
  leftGroup = 0;
  failedCommits = 0;
  offsetResets = 0;
  polls = 0;
  processingSum = 0;
  processingCount = 0;
  /** Consumers not waiting in poll: consumer-ms busy. */
  readonly busy = new TimeAverage();
  private busyNow = 0;
  /** Append to processed, ms: how far behind the group is, record by record. */
  readonly latency = new Histogram();
  readonly latencyWindow = new WindowedHistogram();
  private cfg!: ConsumerGroupConfig;
  private sampler!: Sampler;

  constructor(
    private readonly group: Polling,
    private readonly times: Rng,
    private readonly errors: Rng,
    private readonly poisons: Rng,
  ) {}

  configure(c: ConsumerGroupConfig): void {
    this.cfg = c;
    this.sampler = makeSampler(c.processingTime, this.times);
  }

  /** A consumer comes back to poll(): its batch is done. */
  private poll(c: Consumer): void {
    const g = this.group;
    this.setState(c, WAITING);
    if (!c.member) {
      // Kicked out while it worked: its commit fails (the partitions are someone else's now).
      this.failedCommits++;
      if (c.leaving) g.gone(c);
      else {
        c.member = true;
        g.rebalance.trigger();
      }
      return;
    }
    if (c.leaving) {
      g.depart(c);
      return;
    }
    if (!this.cfg.enableAutoCommit || g.sim.now - c.lastCommitAt >= this.cfg.autoCommitIntervalMs) g.offsets.commit(c, c.owned, g.sim.now);
    if (g.rebalance.running) {
      g.rebalance.prepareJoin(c);
      g.rebalance.maybeSync();
    }
    this.fetch(c);
  }

  /** Inside poll: fetch what its unpaused partitions have, up to maxPollRecords, and start on it. */
  fetch(c: Consumer): void {
    const offsets = this.group.offsets;
    const topic = offsets.topic;
    if (!topic || c.state !== WAITING || c.owned.length === 0) return;
    const max = this.cfg.maxPollRecords;
    if (c.batch.length < max) c.batch = new Int32Array(max);
    let n = 0;
    const k = c.owned.length;
    for (let j = 0; j < k && n < max; j++) {
      const p = c.owned[(c.rr + j) % k]!;
      if (offsets.paused[p]) continue;
      const log = topic.logs[p]!;
      let pos = offsets.position[p]!;
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
      offsets.position[p] = pos;
    }
    c.rr = (c.rr + 1) % k;
    if (n === 0) return; // waits in poll: the topic wakes it on the next append
    const sim = this.group.sim;
    this.polls++;
    c.batchLen = n;
    c.batchPos = 0;
    c.lastPollAt = sim.now;
    if (!c.checkPending) {
      c.checkPending = true;
      sim.schedule(sim.now + this.cfg.maxPollIntervalMs, PRIO_NORMAL, this.group.index, POLL_CHECK, c.idx);
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
    const sim = this.group.sim;
    const t = this.sampler();
    this.processingSum += t;
    this.processingCount++;
    sim.schedule(sim.now + t, PRIO_NORMAL, this.group.index, DONE, c.idx);
  }

  /** The consumer's attempt at its current record is over. */
  done(c: Consumer): void {
    const g = this.group;
    const sim = g.sim;
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
      if (g.fallbackOutputs.length > 0) {
        // The dead-letter topic (wiring allows topics only, which always take a record).
        this.deadLettered++;
        const r = g.fallbackOutputs[0]!.offer(item, g);
        if (r !== ACCEPTED) sim.finishRefused(item);
      } else {
        this.failed++;
        sim.finish(item, FAILED, g.index, R_ERROR);
      }
      c.batchPos++;
      this.next(c);
      return;
    }
    this.processed++;
    const lat = sim.now - sim.items.entered[item]!;
    this.latency.record(lat);
    this.latencyWindow.record(lat);
    if (g.outputs.length === 0) {
      this.inFlight--;
      this.completed++;
      sim.finish(item, COMPLETED, g.index);
    } else {
      const r = g.sendOn(item);
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

  /** The next stage has room: the consumer blocked longest offers its record again. */
  onReady(receiver: SimNode): void {
    if (this.blocked.length === 0) return;
    const c = this.group.consumers[this.blocked.peekFront()]!;
    const r = receiver.offer(c.heldItem, this.group);
    if (r === BUSY) return;
    this.blocked.popFront();
    this.unblock(c, r);
    if (this.blocked.length > 0) receiver.addWaiter(this.group);
  }

  /** The next stage gave up on the group: the record of the consumer blocked longest is refused. */
  onWaitRefused(receiver: SimNode): void {
    if (this.blocked.length === 0) return;
    const c = this.group.consumers[this.blocked.popFront()]!;
    this.unblock(c, O_REFUSED);
    if (this.blocked.length > 0) receiver.addWaiter(this.group);
  }

  private unblock(c: Consumer, r: OfferResult | typeof O_REFUSED): void {
    const item = c.heldItem;
    c.heldItem = -1;
    this.inFlight--;
    if (r !== ACCEPTED) this.group.sim.finishRefused(item);
    this.setState(c, PROCESSING);
    c.batchPos++;
    this.next(c);
  }

  /** max.poll.interval.ms: a member still on the batch it polled that long ago leaves the group. */
  checkPoll(c: Consumer): void {
    const g = this.group;
    const sim = g.sim;
    c.checkPending = false;
    if (!c.member || c.state === WAITING) return;
    const due = c.lastPollAt + this.cfg.maxPollIntervalMs;
    if (sim.now < due) {
      c.checkPending = true;
      sim.schedule(due, PRIO_NORMAL, g.index, POLL_CHECK, c.idx);
      return;
    }
    this.leftGroup++;
    sim.timeline.add(sim.now, g.index, TL_CONSUMER_LEFT);
    c.member = false;
    g.offsets.release(c, c.owned.slice());
    g.rebalance.trigger();
  }

  private setState(c: Consumer, state: number): void {
    const wasBusy = c.state !== WAITING;
    c.state = state;
    const isBusy = state !== WAITING;
    if (wasBusy !== isBusy) {
      this.busyNow += isBusy ? 1 : -1;
      this.busy.set(this.group.sim.now, this.busyNow);
    }
  }
}
