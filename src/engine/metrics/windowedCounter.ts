/**
 * A count over a sliding window of simulated time, in one-second buckets (fixed memory): "requests
 * in the last 2 minutes", "retries in the last 10 seconds".
 */
export class WindowedCounter {
  private readonly counts: Float64Array;
  private readonly stamps: Float64Array;
  private readonly buckets: number;

  constructor(
    windowMs: number,
    private readonly bucketMs = 1000,
  ) {
    this.buckets = Math.max(1, Math.ceil(windowMs / bucketMs));
    this.counts = new Float64Array(this.buckets);
    this.stamps = new Float64Array(this.buckets).fill(-1);
  }

  add(nowMs: number, n = 1): void {
    const b = Math.floor(nowMs / this.bucketMs);
    const i = b % this.buckets;
    if (this.stamps[i] !== b) {
      this.stamps[i] = b;
      this.counts[i] = 0;
    }
    this.counts[i]! += n;
  }

  /** Sum over the buckets inside the window ending now. */
  total(nowMs: number): number {
    const b = Math.floor(nowMs / this.bucketMs);
    let sum = 0;
    for (let i = 0; i < this.buckets; i++) if (this.stamps[i]! > b - this.buckets) sum += this.counts[i]!;
    return sum;
  }
}
