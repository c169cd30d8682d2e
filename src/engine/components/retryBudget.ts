/**
 * Retry budgets: what stops retries from multiplying load when a dependency is failing.
 * - `token-bucket` (gRPC retry throttling, proposal A6): tokens start at maxTokens; each failed
 *   attempt takes one, each success gives back tokenRatio; retries are allowed only while
 *   tokens > maxTokens / 2.
 * - `percent` (Finagle RetryBudget): over the last ttl, retries may be at most percentCanRetry of
 *   requests, plus a floor of minRetriesPerSec * ttl.
 * - `none`: every retry the policy asks for is made.
 */
import { WindowedCounter } from '../metrics/windowedCounter';
import type { RetryBudget } from '../scenario/resilience';

export class Budget {
  private tokens: number;
  private readonly requests: WindowedCounter | null;
  private readonly retries: WindowedCounter | null;

  constructor(private readonly cfg: RetryBudget) {
    this.tokens = cfg.kind === 'token-bucket' ? cfg.maxTokens : 0;
    this.requests = cfg.kind === 'percent' ? new WindowedCounter(cfg.ttlMs) : null;
    this.retries = cfg.kind === 'percent' ? new WindowedCounter(cfg.ttlMs) : null;
  }

  onRequest(now: number): void {
    this.requests?.add(now);
  }

  onSuccess(): void {
    if (this.cfg.kind === 'token-bucket') this.tokens = Math.min(this.cfg.maxTokens, this.tokens + this.cfg.tokenRatio);
  }

  onFailure(): void {
    if (this.cfg.kind === 'token-bucket') this.tokens = Math.max(0, this.tokens - 1);
  }

  /** Whether one more retry may be made now; if so it is counted against the budget. */
  tryRetry(now: number): boolean {
    const c = this.cfg;
    if (c.kind === 'none') return true;
    if (c.kind === 'token-bucket') return this.tokens > c.maxTokens / 2;
    const allowed = c.percentCanRetry * this.requests!.total(now) + (c.minRetriesPerSec * c.ttlMs) / 1000;
    if (this.retries!.total(now) + 1 > allowed) return false;
    this.retries!.add(now);
    return true;
  }

  /** Level for display: gRPC tokens, or Finagle retries left in the window; -1 for none. */
  level(now: number): number {
    const c = this.cfg;
    if (c.kind === 'none') return -1;
    if (c.kind === 'token-bucket') return this.tokens;
    return Math.max(0, c.percentCanRetry * this.requests!.total(now) + (c.minRetriesPerSec * c.ttlMs) / 1000 - this.retries!.total(now));
  }
}
