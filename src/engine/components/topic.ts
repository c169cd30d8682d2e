/**
 * Topic: a Kafka-like partitioned log. A broker, not an infinite buffer.
 *
 * - An append goes to one partition: hash(key) mod partitions (`partitioning: "key"`, keys drawn
 *   from a seeded key space of `keys`, `hotKeyShare` of them one hot key), or each partition in
 *   turn (`"round-robin"`). Appends are always accepted: the log does not push back on producers.
 * - `retentionMs`: a record older than that is deleted whether it was read or not. A record its
 *   group had not read yet is lost: it ends EXPIRED with reason "retention", counted and shown.
 *   (Kafka deletes whole segments, checked every 5 minutes, so real deletion comes later and in
 *   steps; here each record goes at exactly retentionMs.)
 * - One consumer group reads it (consumerGroup.ts) and keeps the offsets: per partition the
 *   position (next record to fetch) and the committed offset.
 *
 * Hand-over: an appended record holds its item in the partition's slot until the group fetches it;
 * from then on the slot is empty (-1) and only the timestamp is left, which is what lag in seconds
 * and a redelivery after a rebalance need. Records below the committed offset are never read again,
 * so they are dropped from memory: what the engine keeps is bounded by the records not yet read
 * (each an item, under the run's item limit) plus those read and not yet committed.
 */
import { fmix32, Rng } from '../kernel/rng';
import { ACCEPTED, EXPIRED, PRIO_NORMAL, REASONS, type OfferResult } from '../kernel/protocol';
import type { Sim } from '../kernel/sim';
import { F, NODE_KIND_CODES, type NodeSnapshotWriter } from '../metrics/layout';
import type { NodeConfig } from '../scenario/schema';
import type { TopicConfig } from '../scenario/streams';
import { SimNode } from './node';

/** Found by code: other parts append reasons at the same time. */
export const R_RETENTION = REASONS.findIndex((r) => r.code === 'retention');
export const R_OFFSET_RESET = REASONS.findIndex((r) => r.code === 'offset-reset');

const RETENTION = 0;

/** What a topic tells the group that reads it. */
export interface TopicReader {
  /** A record was appended to partition p. */
  onAppend(p: number): void;
  /** The topic has more partitions now. */
  onPartitionsChanged(): void;
  /** Where the group reads partition p from next (its position, or the committed offset while unowned). */
  readFrom(p: number): number;
}

/** One partition: offsets [base, end) kept in a growable ring indexed by offset mod capacity. */
export class PartitionLog {
  /** First offset kept in memory. */
  base = 0;
  /** Log end offset: the next record's offset (the high watermark; there are no replicas here). */
  end = 0;
  /** First offset retention has not deleted. */
  logStart = 0;
  private at = new Float64Array(16);
  private item = new Int32Array(16);

  appendedAt(offset: number): number {
    return this.at[offset % this.at.length]!;
  }

  itemAt(offset: number): number {
    return this.item[offset % this.item.length]!;
  }

  setItem(offset: number, item: number): void {
    this.item[offset % this.item.length] = item;
  }

  append(now: number, item: number): void {
    if (this.end - this.base === this.at.length) this.grow();
    const i = this.end % this.at.length;
    this.at[i] = now;
    this.item[i] = item;
    this.end++;
  }

  private grow(): void {
    const n = this.at.length * 2;
    const at = new Float64Array(n), item = new Int32Array(n);
    for (let o = this.base; o < this.end; o++) {
      at[o % n] = this.at[o % this.at.length]!;
      item[o % n] = this.item[o % this.item.length]!;
    }
    this.at = at;
    this.item = item;
  }
}

export class Topic extends SimNode {
  readonly type = 'topic' as const;
  private cfg!: TopicConfig;
  readonly logs: PartitionLog[] = [];
  private readonly keys: Rng;
  private nextPartition = 0;
  private retentionAt = Infinity;
  /** The consumer group reading this topic, if any (set when the group starts). */
  reader: TopicReader | null = null;

  appended = 0;
  /** Records not fetched by a consumer yet (each holds its item). */
  private unread = 0;
  /** Records fetched for the first time. */
  delivered = 0;
  lostToRetention = 0;
  skippedByReset = 0;

  constructor(sim: Sim, index: number, id: string, seed: number) {
    super(sim, index, id);
    this.keys = new Rng(seed, id, 'keys');
  }

  configure(config: NodeConfig): void {
    const c = config as TopicConfig;
    this.cfg = c;
    // Kafka can add partitions to a topic but never remove them: a lower count waits for a reset.
    const grew = c.partitions > this.logs.length && this.logs.length > 0;
    while (this.logs.length < c.partitions) this.logs.push(new PartitionLog());
    if (grew) this.reader?.onPartitionsChanged();
    this.scheduleRetention();
  }

  get partitions(): number {
    return this.logs.length;
  }

  held(): number {
    return this.unread;
  }

  override offer(item: number, _from: SimNode): OfferResult {
    const sim = this.sim;
    const p = this.partitionFor();
    sim.items.entered[item] = sim.now;
    this.logs[p]!.append(sim.now, item);
    this.appended++;
    this.unread++;
    if (this.retentionAt === Infinity) this.scheduleRetention();
    this.reader?.onAppend(p);
    return ACCEPTED;
  }

  private partitionFor(): number {
    const n = this.logs.length;
    if (this.cfg.partitioning === 'round-robin') {
      const p = this.nextPartition % n;
      this.nextPartition = (p + 1) % n;
      return p;
    }
    const c = this.cfg;
    const key = c.hotKeyShare > 0 && this.keys.next() < c.hotKeyShare ? 0 : Math.floor(this.keys.next() * c.keys);
    // A key's partition: murmur3's finaliser (Kafka uses murmur2 of the key's bytes; any good mix spreads alike).
    return fmix32(key | 0) % n;
  }

  /** The group fetches the record at `offset`: its item (or -1 if it was delivered before). */
  take(p: number, offset: number): number {
    const log = this.logs[p]!;
    const item = log.itemAt(offset);
    if (item >= 0) {
      log.setItem(offset, -1);
      this.unread--;
      this.delivered++;
    }
    return item;
  }

  /** The group committed `offset` on partition p: records below it are never read again. */
  trim(p: number, offset: number): void {
    const log = this.logs[p]!;
    // Only records already delivered lie below a committed offset (committed <= position).
    log.base = Math.max(log.base, Math.min(offset, log.end));
  }

  /** auto.offset.reset "latest": the group jumps to the log end; the unread records between are lost. */
  skipToEnd(p: number, from: number): void {
    const log = this.logs[p]!;
    for (let o = Math.max(from, log.base); o < log.end; o++) {
      const item = log.itemAt(o);
      if (item < 0) continue;
      log.setItem(o, -1);
      this.unread--;
      this.skippedByReset++;
      this.sim.finish(item, EXPIRED, this.index, R_OFFSET_RESET);
    }
  }

  // ---- retention ----

  private scheduleRetention(): void {
    let oldest = Infinity;
    for (const log of this.logs) if (log.base < log.end) oldest = Math.min(oldest, log.appendedAt(log.base));
    if (oldest === Infinity) {
      this.retentionAt = Infinity;
      return;
    }
    const at = oldest + this.cfg.retentionMs;
    if (at === this.retentionAt) return;
    this.retentionAt = at;
    this.sim.schedule(at, PRIO_NORMAL, this.index, RETENTION, 0);
  }

  override handle(kind: number, _arg: number): void {
    if (kind !== RETENTION || this.sim.now < this.retentionAt) return; // superseded
    const sim = this.sim;
    const keep = this.cfg.retentionMs;
    for (const log of this.logs) {
      // The same sum the event was scheduled at (now - retention could round the other way: a loop).
      while (log.base < log.end && log.appendedAt(log.base) + keep <= sim.now) {
        const item = log.itemAt(log.base);
        if (item >= 0) {
          log.setItem(log.base, -1);
          this.unread--;
          this.lostToRetention++;
          sim.finish(item, EXPIRED, this.index, R_RETENTION);
        }
        log.base++;
      }
      log.logStart = Math.max(log.logStart, log.base);
    }
    this.retentionAt = Infinity;
    this.scheduleRetention();
  }

  // ---- lag (of the group that reads it; with none, everything retained is unread) ----

  /** Where partition p is read from next, never before the oldest record left. */
  private readOffset(p: number): number {
    const log = this.logs[p]!;
    return Math.max(this.reader ? this.reader.readFrom(p) : log.logStart, log.logStart, log.base);
  }

  lagOf(p: number): number {
    return this.logs[p]!.end - this.readOffset(p);
  }

  lag(): number {
    let sum = 0;
    for (let p = 0; p < this.logs.length; p++) sum += this.lagOf(p);
    return sum;
  }

  /** Age of the oldest unread record over all partitions, ms (0 when caught up). */
  lagMs(): number {
    let worst = 0;
    const now = this.sim.now;
    for (let p = 0; p < this.logs.length; p++) {
      const log = this.logs[p]!;
      const o = this.readOffset(p);
      if (o < log.end) worst = Math.max(worst, now - log.appendedAt(o));
    }
    return worst;
  }

  writeSnapshot(w: NodeSnapshotWriter): void {
    this.writeCommon(w, NODE_KIND_CODES.topic);
    w.set(F.level, this.unread);
    w.set(F.capacity, -1);
    w.set(F.arrived, this.appended);
    w.set(F.accepted, this.appended);
    w.set(F.expired, this.lostToRetention + this.skippedByReset);
    w.set(F.completed, this.delivered);
    w.set(F.lag, this.lag());
    w.set(F.lagMs, this.lagMs());
    w.set(F.partitions, this.logs.length);
    w.set(F.lostToRetention, this.lostToRetention + this.skippedByReset);
  }

  report(): Record<string, number | string | null> {
    return {
      type: 'topic',
      partitions: this.logs.length,
      appended: this.appended,
      delivered: this.delivered,
      unread: this.unread,
      lag: this.lag(),
      lagMs: this.lagMs(),
      lagByPartition: this.logs.map((_, p) => this.lagOf(p)).join(','),
      lostToRetention: this.lostToRetention,
      skippedByOffsetReset: this.skippedByReset,
      retentionMs: this.cfg.retentionMs,
    };
  }
}
