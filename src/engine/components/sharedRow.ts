/**
 * Shared row: one database row updated with optimistic concurrency control, as the AWS
 * Architecture Blog's "Exponential Backoff and Jitter" (Marc Brooker, 2015) and its simulator
 * (aws-samples/aws-arch-backoff-simulator) model it. A call reads the row's version (one hop),
 * writes with that version (a second hop), and hears the result (a third). The write lands only
 * if no other write landed since the read; otherwise it fails with 409 Conflict (HTTP's answer to
 * a lost optimistic-concurrency race, as a DynamoDB conditional write or an ETag If-Match that no
 * longer matches), which callers retry. It serves any number of calls at once: the cost of
 * contention is the conflicts, not a queue.
 *
 * With N callers and no jitter their retries stay in lockstep and collide again, one winner per
 * round; full or decorrelated jitter spreads them out, so fewer calls finish the work sooner.
 */
import { ACCEPTED, COMPLETED, FAILED, PRIO_NORMAL, R_CONFLICT, type OfferResult } from '../kernel/protocol';
import { F, NODE_KIND_CODES, type NodeSnapshotWriter } from '../metrics/layout';
import type { NodeConfig } from '../scenario/schema';
import type { SharedRowConfig } from '../scenario/tails';
import { SimNode } from './node';

const READ = 0;
const WRITE = 1;
const ANSWER_OK = 2;
const ANSWER_CONFLICT = 3;

export class SharedRow extends SimNode {
  readonly type = 'shared-row' as const;
  private hopMs = 5;
  /** Writes that landed: the row's version. */
  version = 0;
  arrived = 0;
  conflicts = 0;
  /** The version each call in flight read (absent until its read lands). */
  private readonly readVersion = new Map<number, number>();

  configure(config: NodeConfig): void {
    this.hopMs = (config as unknown as SharedRowConfig).hopMs;
  }

  override offer(item: number, _from: SimNode): OfferResult {
    this.arrived++;
    this.readVersion.set(item, -1);
    this.sim.schedule(this.sim.now + this.hopMs, PRIO_NORMAL, this.index, READ, item);
    return ACCEPTED;
  }

  override handle(kind: number, item: number): void {
    const sim = this.sim;
    if (kind === READ) {
      this.readVersion.set(item, this.version);
      sim.schedule(sim.now + this.hopMs, PRIO_NORMAL, this.index, WRITE, item);
    } else if (kind === WRITE) {
      const ok = this.readVersion.get(item) === this.version;
      if (ok) this.version++;
      else this.conflicts++;
      sim.schedule(sim.now + this.hopMs, PRIO_NORMAL, this.index, ok ? ANSWER_OK : ANSWER_CONFLICT, item);
    } else {
      this.readVersion.delete(item);
      if (kind === ANSWER_OK) sim.finish(item, COMPLETED, this.index);
      else sim.finish(item, FAILED, this.index, R_CONFLICT);
    }
  }

  held(): number {
    return this.readVersion.size;
  }

  writeSnapshot(w: NodeSnapshotWriter): void {
    this.writeCommon(w, NODE_KIND_CODES['shared-row']);
    w.set(F.level, this.readVersion.size);
    w.set(F.arrived, this.arrived);
    w.set(F.accepted, this.arrived);
    w.set(F.completed, this.version);
    w.set(F.failed, this.conflicts);
    w.set(F.rowVersion, this.version);
  }

  report(): Record<string, number | string | null> {
    return { type: 'shared-row', arrived: this.arrived, writes: this.version, conflicts: this.conflicts, inFlight: this.readVersion.size, version: this.version };
  }
}
