/**
 * Rate limiter: a token bucket (Envoy's local rate limit). The bucket holds at most `burst` tokens
 * and starts full; it refills continuously at `rate` tokens per second. An item passes if a whole
 * token is there and takes it; otherwise it is refused with 429 and a Retry-After of the time until
 * the next token: (1 - tokens) / rate.
 */
import { R_RATE_LIMITED } from '../kernel/protocol';
import { F, NODE_KIND_CODES, type NodeSnapshotWriter } from '../metrics/layout';
import type { NodeConfig } from '../scenario/schema';
import type { RateLimiterConfig } from '../scenario/resilience';
import { PassThrough, REFUSE } from './passThrough';

export class RateLimiter extends PassThrough {
  readonly type = 'rate-limiter' as const;
  private rate = 1; // tokens per ms
  private burst = 1;
  private tokens = -1;
  private last = 0;

  configure(config: NodeConfig): void {
    const c = config as unknown as RateLimiterConfig;
    this.refill();
    this.rate = c.rate / 1000;
    this.burst = c.burst;
    this.tokens = this.tokens < 0 ? c.burst : Math.min(this.tokens, c.burst);
    this.wakeWaiters();
  }

  private refill(): void {
    const now = this.sim.now;
    if (this.tokens >= 0) this.tokens = Math.min(this.burst, this.tokens + (now - this.last) * this.rate);
    this.last = now;
  }

  protected override hasRoom(): boolean {
    return false; // senders wait here only for the next hop, which wakes them through onReady
  }

  protected admit(): number {
    this.refill();
    if (this.tokens >= 1) return this.nextOutput();
    this.sim.refuse(this.index, R_RATE_LIMITED, (1 - this.tokens) / this.rate);
    return REFUSE;
  }

  protected override passedTo(): void {
    this.tokens -= 1;
  }

  /** Tokens in the bucket now. */
  level(): number {
    this.refill();
    return this.tokens;
  }

  writeSnapshot(w: NodeSnapshotWriter): void {
    this.writePassThrough(w, NODE_KIND_CODES['rate-limiter']);
    w.set(F.gauge, this.level());
    w.set(F.capacity, this.burst);
  }

  report(): Record<string, number | string | null> {
    return { ...this.reportPassThrough('rate-limiter'), tokens: this.level(), burst: this.burst, ratePerSec: this.rate * 1000 };
  }
}
