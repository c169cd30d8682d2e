/**
 * Memory: the bytes a node's buffers hold, against a budget (a container's memory limit).
 *
 * Items count with their `sizeBytes` while they wait in a queue, sit in a service's intake buffer
 * or are in service. A node whose usage goes over its limit is OOM-killed, the way the kernel's
 * OOM killer ends a container that exceeds its cgroup memory limit (Kubernetes reports
 * `OOMKilled`, exit code 137):
 * - it loses exactly what it held: every item ends DROPPED with reason `oom-killed` (503);
 * - it is down for the restart delay, refusing arrivals with 503 (`restarting`), so upstream sees
 *   it; the delay doubles with each kill in a row, as kubelet's CrashLoopBackOff does
 *   (10 s, 20 s, 40 s, ... capped at 5 minutes; reset once it ran 10 minutes without a kill);
 * - it restarts empty; the timeline says `oom-killed` and `restarted`.
 *
 * Every queue and service has a limit: 512 MiB unless `memoryLimitBytes` says otherwise (`null`:
 * no limit). So an unbounded queue under sustained overload ends like a pod at 2:47am (killed,
 * restarted, filled again: a sawtooth) instead of growing until the engine stops the run; the
 * runaway halt stays as the last resort for a node with no limit.
 */
import { REASONS } from '../kernel/protocol';
import { TIMELINE_KINDS } from '../metrics/timeline';
import { F, type NodeSnapshotWriter } from '../metrics/layout';

/** A common container memory limit (resources.limits.memory: 512Mi). */
export const DEFAULT_MEMORY_LIMIT_BYTES = 512 * 1024 * 1024;
/** kubelet's first CrashLoopBackOff delay. */
export const DEFAULT_RESTART_DELAY_MS = 10_000;
/** kubelet caps the back-off at five minutes... */
export const MAX_RESTART_DELAY_MS = 300_000;
/** ...and resets it once a container has run for ten minutes. */
export const BACKOFF_RESET_MS = 600_000;

// Found by code: other parts append to these lists at the same time.
export const R_OOM_KILLED = REASONS.findIndex((r) => r.code === 'oom-killed');
export const R_RESTARTING = REASONS.findIndex((r) => r.code === 'restarting');
export const TL_OOM_KILLED = TIMELINE_KINDS.indexOf('oom-killed');
export const TL_RESTARTED = TIMELINE_KINDS.indexOf('restarted');

export interface MemoryConfig {
  /** Bytes the node may hold; undefined = the default limit, null = no limit. */
  memoryLimitBytes?: number | null;
  /** Down time after the first OOM kill (doubles for each further kill in a row). */
  restartDelayMs?: number;
}

/** The memory books of one node; the node itself empties its buffers when `over` says so. */
export class Memory {
  used = 0;
  limit = DEFAULT_MEMORY_LIMIT_BYTES;
  private baseDelay = DEFAULT_RESTART_DELAY_MS;
  /** Highest usage seen. */
  peak = 0;
  kills = 0;
  /** Items lost to OOM kills. */
  lostItems = 0;
  lostBytes = 0;
  /** Refused while restarting. */
  refusedWhileDown = 0;
  down = false;
  /** When the node comes back (valid while down). */
  upAt = 0;
  /** Kills in a row (CrashLoopBackOff's count) and when the node last came up. */
  private streak = 0;
  private lastUp = 0;

  configure(c: MemoryConfig): void {
    this.limit = c.memoryLimitBytes === undefined ? DEFAULT_MEMORY_LIMIT_BYTES : c.memoryLimitBytes === null ? Infinity : c.memoryLimitBytes;
    this.baseDelay = c.restartDelayMs ?? DEFAULT_RESTART_DELAY_MS;
  }

  add(bytes: number): void {
    this.used += bytes;
    if (this.used > this.peak) this.peak = this.used;
  }

  remove(bytes: number): void {
    this.used -= bytes;
  }

  /** Over the limit: the owner must kill itself now. */
  get over(): boolean {
    return this.used > this.limit;
  }

  /**
   * Records a kill of `items` items holding the current usage and returns the restart delay.
   * The owner finishes the items and schedules its restart.
   */
  killed(now: number, items: number): number {
    this.kills++;
    this.lostItems += items;
    this.lostBytes += this.used;
    this.used = 0;
    this.down = true;
    this.streak = now - this.lastUp >= BACKOFF_RESET_MS ? 1 : this.streak + 1;
    let delay = this.baseDelay;
    for (let k = 1; k < this.streak && delay < MAX_RESTART_DELAY_MS; k++) delay *= 2;
    delay = Math.min(delay, Math.max(MAX_RESTART_DELAY_MS, this.baseDelay));
    this.upAt = now + delay;
    return delay;
  }

  restarted(now: number): void {
    this.down = false;
    this.lastUp = now;
  }

  writeSnapshot(w: NodeSnapshotWriter): void {
    w.set(F.memoryBytes, this.used);
    w.set(F.memoryLimit, this.limit === Infinity ? -1 : this.limit);
    w.set(F.oomKills, this.kills);
    w.set(F.down, this.down ? 1 : 0);
    w.set(F.oomLost, this.lostItems);
    w.set(F.restartAt, this.down ? this.upAt : 0);
  }

  report(): Record<string, number | null> {
    return {
      memoryBytes: this.used,
      peakMemoryBytes: this.peak,
      memoryLimitBytes: this.limit === Infinity ? null : this.limit,
      oomKills: this.kills,
      lostToOom: this.lostItems,
      refusedWhileRestarting: this.refusedWhileDown,
    };
  }
}

/**
 * The items a node has in service, so an OOM kill (or a restart) can end them: a set of item ids
 * in two typed arrays (dense list + position by id), O(1) add and delete and no allocation per
 * item. A JavaScript Set cost a quarter of an M/M/8 run's throughput (measured).
 */
export class ItemSet implements Iterable<number> {
  private list = new Int32Array(16);
  private pos = new Int32Array(1024).fill(-1);
  size = 0;

  add(item: number): void {
    if (item >= this.pos.length) {
      let n = this.pos.length;
      while (n <= item) n *= 2;
      const p = new Int32Array(n).fill(-1);
      p.set(this.pos);
      this.pos = p;
    }
    if (this.pos[item]! >= 0) return;
    if (this.size === this.list.length) {
      const l = new Int32Array(this.list.length * 2);
      l.set(this.list);
      this.list = l;
    }
    this.list[this.size] = item;
    this.pos[item] = this.size++;
  }

  delete(item: number): boolean {
    const at = item < this.pos.length ? this.pos[item]! : -1;
    if (at < 0) return false;
    const last = this.list[--this.size]!;
    this.list[at] = last;
    this.pos[last] = at;
    this.pos[item] = -1;
    return true;
  }

  has(item: number): boolean {
    return item < this.pos.length && this.pos[item]! >= 0;
  }

  clear(): void {
    for (let k = 0; k < this.size; k++) this.pos[this.list[k]!] = -1;
    this.size = 0;
  }

  *[Symbol.iterator](): Iterator<number> {
    for (let k = 0; k < this.size; k++) yield this.list[k]!;
  }
}
