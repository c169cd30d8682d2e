/**
 * A consumer group's books on each partition of its topic: who owns it, the next offset to fetch
 * (position), the committed offset, and whether reading it is paused by a rebalance. A new owner
 * starts at the committed offset, so records processed and not committed are processed again.
 * From these, how far behind the group is.
 */
import { BLOCKED, WAITING, type Consumer } from './groupMember';
import type { Topic } from './topic';

export class Offsets {
  topic: Topic | null = null;
  /** Per partition: the owning consumer's idx, -1 nobody. */
  owner = new Int32Array(0);
  position = new Float64Array(0);
  committed = new Float64Array(0);
  paused = new Uint8Array(0);
  commits = 0;

  /** Grows the books to the topic's partition count. */
  resize(): void {
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

  /** Where the group reads partition p from next (its position, or the committed offset while unowned). */
  readFrom(p: number): number {
    return this.owner[p]! >= 0 ? this.position[p]! : this.committed[p]!;
  }

  /** Commits the consumer's positions on `parts`: the topic may delete what is committed. */
  commit(c: Consumer, parts: readonly number[], now: number): void {
    if (parts.length === 0) return;
    for (const p of parts) {
      this.committed[p] = this.position[p]!;
      this.topic?.trim(p, this.committed[p]!);
    }
    c.lastCommitAt = now;
    this.commits++;
  }

  /** The consumer gives up `parts`. */
  release(c: Consumer, parts: readonly number[]): void {
    for (const p of parts) if (this.owner[p] === c.idx) this.owner[p] = -1;
    c.owned = c.owned.filter((p) => !parts.includes(p));
  }

  /** Gives every unowned partition to its target owner, who reads it from the committed offset. */
  assign(target: Int32Array, consumers: readonly Consumer[]): void {
    for (let p = 0; p < target.length; p++) {
      const t = target[p]!;
      if (this.owner[p]! >= 0 || t < 0) continue;
      this.owner[p] = t;
      this.position[p] = this.committed[p]!;
      const c = consumers[t]!;
      c.owned.push(p);
      c.owned.sort((a, b) => a - b);
    }
  }

  /** Partitions with an owner. */
  assigned(): number {
    let n = 0;
    for (let p = 0; p < this.owner.length; p++) if (this.owner[p]! >= 0) n++;
    return n;
  }

  /** Records after the committed offsets and not deleted: the lag kafka-consumer-groups.sh reports. */
  lagCommitted(): number {
    const topic = this.topic;
    if (!topic) return 0;
    let sum = 0;
    topic.logs.forEach((log, p) => (sum += log.end - Math.max(this.committed[p] ?? 0, log.logStart)));
    return sum;
  }

  /**
   * Records behind: appended and not yet processed (nor lost), `unprocessed` of them fetched.
   * Kafka's records-lag (log end - position) leaves out the batch a consumer holds, up to
   * maxPollRecords each: with a backlog a poll takes it all and records-lag looks small while the
   * work is still to do. (The lag an autoscaler on lag should read: topic.lag() is records-lag.)
   */
  behind(unprocessed: number): number {
    return (this.topic ? this.topic.lag() : 0) + unprocessed;
  }

  /** Age of the oldest record not processed yet, ms: unread, or in a consumer's batch. */
  behindMs(consumers: readonly Consumer[], now: number, entered: Float64Array): number {
    let worst = this.topic ? this.topic.lagMs() : 0;
    for (const c of consumers) {
      if (c.state === WAITING) continue;
      for (let k = c.batchPos + (c.state === BLOCKED ? 1 : 0); k < c.batchLen; k++) {
        const item = c.batch[k]!;
        if (item >= 0) worst = Math.max(worst, now - entered[item]!);
      }
    }
    return worst;
  }
}
