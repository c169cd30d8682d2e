/**
 * Retry budgets: what stops retries from multiplying load when a dependency is failing.
 * - `token-bucket` (gRPC retry throttling, proposal A6): tokens start at maxTokens; each failed
 *   attempt takes one, each success gives back tokenRatio; retries are allowed only while
 *   tokens > maxTokens / 2.
 * - `percent` (Finagle RetryBudget): over the last ttl, retries may be at most percentCanRetry of
 *   requests, plus a floor of minRetriesPerSec * ttl.
 * - `deposit` (Marc Brooker, "Fixing retries with token buckets and circuit breakers", and the
 *   Amazon Builders' Library "Timeouts, retries, and backoff with jitter"): the bucket starts full
 *   at maxTokens; every request deposits depositPerRequest (up to maxTokens), every retry takes
 *   costPerRetry; no token, no retry. Retries are then at most depositPerRequest / costPerRetry of
 *   requests in the long run, whatever the failure rate.
 * - `aws-standard` (the AWS SDKs' "standard" retry mode, e.g. botocore retries/standard.py and the
 *   SDK reference guide's retry behaviour page): a quota starting at 500; a retry takes retryCost (5),
 *   or timeoutCost (10) after a timeout; no quota left, no retry; a success gives back what its last
 *   retry took, or successRefund (1) when it needed none, never above the initial quota.
 * - `circuit-breaker`: a breaker on retries only, counting the caller's last windowSize attempts
 *   (as Resilience4j counts a COUNT_BASED window): once at least minimumNumberOfCalls are in and
 *   failureRateThreshold percent or more failed, it stops retrying; first attempts still go out
 *   (unlike the circuit-breaker part, which refuses every call while open).
 * - `none`: every retry the policy asks for is made.
 */
import { WindowedCounter } from '../metrics/windowedCounter';
import type { RetryBudget } from '../scenario/resilience';

/** tryRetry's answer when the budget refuses. */
export const DENIED = -1;

export class Budget {
  private tokens: number;
  private readonly requests: WindowedCounter | null;
  private readonly retries: WindowedCounter | null;
  /** circuit-breaker: the last windowSize outcomes (1 = failed), a ring. */
  private readonly ring: Uint8Array | null;
  private ringAt = 0;
  private ringCount = 0;
  private ringFailed = 0;

  constructor(private readonly cfg: RetryBudget) {
    this.tokens = cfg.kind === 'token-bucket' || cfg.kind === 'deposit' ? cfg.maxTokens : cfg.kind === 'aws-standard' ? cfg.quota : 0;
    this.requests = cfg.kind === 'percent' ? new WindowedCounter(cfg.ttlMs) : null;
    this.retries = cfg.kind === 'percent' ? new WindowedCounter(cfg.ttlMs) : null;
    this.ring = cfg.kind === 'circuit-breaker' ? new Uint8Array(cfg.windowSize) : null;
  }

  onRequest(now: number): void {
    this.requests?.add(now);
    if (this.cfg.kind === 'deposit') this.tokens = Math.min(this.cfg.maxTokens, this.tokens + this.cfg.depositPerRequest);
  }

  /** An attempt succeeded; `retryCost` is what the request's last retry took from the budget (0: no retry). */
  onSuccess(retryCost = 0): void {
    const c = this.cfg;
    if (c.kind === 'token-bucket') this.tokens = Math.min(c.maxTokens, this.tokens + c.tokenRatio);
    else if (c.kind === 'aws-standard') this.tokens = Math.min(c.quota, this.tokens + (retryCost > 0 ? retryCost : c.successRefund));
    else if (this.ring) this.outcome(0);
  }

  onFailure(): void {
    if (this.cfg.kind === 'token-bucket') this.tokens = Math.max(0, this.tokens - 1);
    else if (this.ring) this.outcome(1);
  }

  private outcome(failed: number): void {
    const ring = this.ring!;
    if (this.ringCount === ring.length) this.ringFailed -= ring[this.ringAt]!;
    else this.ringCount++;
    ring[this.ringAt] = failed;
    this.ringFailed += failed;
    this.ringAt = (this.ringAt + 1) % ring.length;
  }

  /** circuit-breaker: whether retries are stopped now. */
  private open(): boolean {
    const c = this.cfg;
    return c.kind === 'circuit-breaker' && this.ringCount >= c.minimumNumberOfCalls && (100 * this.ringFailed) / this.ringCount >= c.failureRateThreshold;
  }

  /**
   * Whether one more retry may be made now (after a timeout if `timedOut`); if so it is counted
   * against the budget and what it took is returned (0 for budgets without a cost), else DENIED.
   */
  tryRetry(now: number, timedOut = false): number {
    const c = this.cfg;
    switch (c.kind) {
      case 'none':
        return 0;
      case 'token-bucket':
        return this.tokens > c.maxTokens / 2 ? 0 : DENIED;
      case 'percent': {
        const allowed = c.percentCanRetry * this.requests!.total(now) + (c.minRetriesPerSec * c.ttlMs) / 1000;
        if (this.retries!.total(now) + 1 > allowed) return DENIED;
        this.retries!.add(now);
        return 0;
      }
      case 'deposit':
      case 'aws-standard': {
        const cost = c.kind === 'deposit' ? c.costPerRetry : timedOut ? c.timeoutCost : c.retryCost;
        if (this.tokens < cost) return DENIED;
        this.tokens -= cost;
        return cost;
      }
      case 'circuit-breaker':
        return this.open() ? DENIED : 0;
    }
  }

  /** Level for display: tokens (gRPC, deposit, AWS quota), Finagle retries left in the window, the breaker's failure rate in percent; -1 for none. */
  level(now: number): number {
    const c = this.cfg;
    switch (c.kind) {
      case 'none':
        return -1;
      case 'percent':
        return Math.max(0, c.percentCanRetry * this.requests!.total(now) + (c.minRetriesPerSec * c.ttlMs) / 1000 - this.retries!.total(now));
      case 'circuit-breaker':
        return this.ringCount > 0 ? (100 * this.ringFailed) / this.ringCount : 0;
      default:
        return this.tokens;
    }
  }
}
