/**
 * Adaptive concurrency limit (Netflix concurrency-limits): at most `limit` items in flight through
 * it; more are refused at once with 503. The limit follows the round-trip time of the items it let
 * through (from passing to their end):
 * - `aimd` (AIMDLimit): on a drop (the item did not complete) or an RTT over `timeoutMs`, the
 *   limit is multiplied by backoffRatio (0.9); otherwise, if at least half the limit is in use,
 *   it grows by one.
 * - `gradient2` (Gradient2Limit): compares a long-term average RTT with the latest RTT:
 *   gradient = clamp(rttTolerance * longRtt / shortRtt, 0.5, 1);
 *   new = limit * (1 - smoothing) + smoothing * (limit * gradient + queueSize);
 *   skipped while fewer than half the limit are in flight (the app, not the server, is the limit).
 * - `fixed`: stays at initialLimit.
 * Always clamped to [minLimit, maxLimit].
 */
import { COMPLETED, R_CONCURRENCY_LIMIT } from '../kernel/protocol';
import { F, NODE_KIND_CODES, type NodeSnapshotWriter } from '../metrics/layout';
import type { NodeConfig } from '../scenario/schema';
import type { ConcurrencyLimiterConfig } from '../scenario/resilience';
import { PassThrough, REFUSE } from './passThrough';

export class ConcurrencyLimiter extends PassThrough {
  readonly type = 'concurrency-limiter' as const;
  private cfg!: ConcurrencyLimiterConfig;
  limit = 20;
  private longRtt = 0;
  private samples = 0;

  configure(config: NodeConfig): void {
    const first = this.cfg === undefined;
    this.cfg = config as unknown as ConcurrencyLimiterConfig;
    this.tracksInFlight = true;
    if (first || this.cfg.algorithm === 'fixed') this.limit = this.cfg.initialLimit;
    this.limit = this.clamp(this.limit);
  }

  private clamp(v: number): number {
    return Math.min(this.cfg.maxLimit, Math.max(this.cfg.minLimit, v));
  }

  protected admit(): number {
    if (this.inFlight < Math.floor(this.limit)) return this.nextOutput();
    this.sim.refuse(this.index, R_CONCURRENCY_LIMIT);
    return REFUSE;
  }

  protected override ended(_item: number, outcome: number, since: number): void {
    const rtt = this.sim.now - since;
    const c = this.cfg;
    // inFlight was already decremented; the library sees the count including this call.
    const inflight = this.inFlight + 1;
    if (c.algorithm === 'aimd') {
      if (outcome !== COMPLETED || rtt > c.timeoutMs) this.limit = Math.floor(this.limit * c.backoffRatio);
      else if (inflight * 2 >= this.limit) this.limit = this.limit + 1;
      this.limit = this.clamp(this.limit);
    } else if (c.algorithm === 'gradient2' && outcome === COMPLETED) {
      this.gradient2(rtt, inflight);
    }
  }

  private gradient2(shortRtt: number, inflight: number): void {
    const c = this.cfg;
    // Long-term RTT: a plain average over the first 10 samples, then an exponential average.
    this.samples++;
    if (this.samples <= 10) this.longRtt += (shortRtt - this.longRtt) / this.samples;
    else this.longRtt += (2 / (c.longWindow + 1)) * (shortRtt - this.longRtt);
    if (this.longRtt / shortRtt > 2) this.longRtt *= 0.95; // recover quickly after a slow spell
    if (inflight < this.limit / 2) return;
    const gradient = Math.max(0.5, Math.min(1, (c.rttTolerance * this.longRtt) / Math.max(shortRtt, 1e-9)));
    const next = this.limit * gradient + c.queueSize;
    this.limit = this.clamp(this.limit * (1 - c.smoothing) + next * c.smoothing);
  }

  writeSnapshot(w: NodeSnapshotWriter): void {
    this.writePassThrough(w, NODE_KIND_CODES['concurrency-limiter']);
    w.set(F.gauge, this.limit);
    w.set(F.capacity, this.cfg.maxLimit);
  }

  report(): Record<string, number | string | null> {
    return { ...this.reportPassThrough('concurrency-limiter'), algorithm: this.cfg.algorithm, limit: this.limit };
  }
}
