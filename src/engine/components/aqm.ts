/**
 * Active queue management: dropping work at the head of a queue before its wait gets absurd.
 *
 * - `codel` (RFC 8289, Linux codel_impl.h): once the sojourn time of the items leaving has stayed
 *   at or above `target` (5 ms) for a whole `interval` (100 ms), drop; then drop again every
 *   interval / sqrt(count) while the sojourn stays above target; stop once it falls below.
 * - `adaptive-lifo` (Facebook, "Fail at Scale"): a controlled-delay queue served FIFO normally and
 *   LIFO once a queue has formed. If the queue has not been empty during the last `interval`
 *   (N = 100 ms), items that waited longer than `target` (M = 5 ms) are dropped and the newest is
 *   served first; otherwise the timeout is N and service is FIFO.
 * Drops end the item as DROPPED with reason "codel".
 */
export interface AqmQueue {
  readonly now: number;
  /** Wait so far of the item at the front (oldest) of the queue; -1 if empty. */
  oldestWait(): number;
  dropOldest(): void;
  /** When the queue last went from empty to non-empty. */
  readonly nonEmptySince: number;
}

export class CoDel {
  private firstAboveTime = 0;
  private dropNext = 0;
  private count = 0;
  private lastCount = 0;
  private dropping = false;

  constructor(
    private readonly target: number,
    private readonly interval: number,
  ) {}

  private controlLaw(t: number): number {
    return t + this.interval / Math.sqrt(this.count);
  }

  /** RFC 8289 dodequeue: whether the head may be dropped. */
  private okToDrop(q: AqmQueue): boolean {
    const sojourn = q.oldestWait();
    if (sojourn < 0) {
      this.firstAboveTime = 0;
      return false;
    }
    if (sojourn < this.target) {
      this.firstAboveTime = 0;
      return false;
    }
    if (this.firstAboveTime === 0) {
      this.firstAboveTime = q.now + this.interval;
      return false;
    }
    return q.now >= this.firstAboveTime;
  }

  /** Called just before the head is dequeued: drops from the head as CoDel says. */
  beforeDequeue(q: AqmQueue): void {
    const now = q.now;
    let ok = this.okToDrop(q);
    if (this.dropping) {
      if (!ok) {
        this.dropping = false;
        return;
      }
      while (now >= this.dropNext && this.dropping) {
        q.dropOldest();
        this.count++;
        ok = this.okToDrop(q);
        if (!ok) this.dropping = false;
        else this.dropNext = this.controlLaw(this.dropNext);
      }
    } else if (ok) {
      q.dropOldest();
      this.dropping = true;
      const delta = this.count - this.lastCount;
      this.count = delta > 1 && now - this.dropNext < 16 * this.interval ? delta : 1;
      this.dropNext = this.controlLaw(now);
      this.lastCount = this.count;
    }
  }
}

export class AdaptiveLifo {
  constructor(
    private readonly target: number,
    private readonly interval: number,
  ) {}

  private congested(q: AqmQueue): boolean {
    return q.oldestWait() >= 0 && q.now - q.nonEmptySince >= this.interval;
  }

  /** Drops what waited past the timeout; returns whether to serve the newest item first. */
  beforeDequeue(q: AqmQueue): boolean {
    const congested = this.congested(q);
    const timeout = congested ? this.target : this.interval;
    while (q.oldestWait() > timeout) q.dropOldest();
    return congested;
  }
}
