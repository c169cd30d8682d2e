/**
 * Latency histogram with log-linear buckets and fixed memory (the HdrHistogram idea).
 *
 * A value's bucket is read straight from its IEEE-754 bits: the exponent picks the octave and the
 * top SUB_BITS bits of the mantissa split each octave into 2^SUB_BITS equal buckets. With
 * SUB_BITS = 6 a bucket is at most 1/64 of its lower edge wide, so a quantile reported at the
 * bucket's midpoint is within 1/128 = 0.78% of the exact order statistic (HdrHistogram would call
 * this 2 significant digits). Recording is a few integer operations, cheap enough to stay on for
 * every item. The lowest and highest buckets used are kept, so a reset and a quantile touch only
 * the span of values seen, not all 2,561 buckets.
 *
 * Range: 2^-10 ms (about 1 µs) to 2^30 ms (12 days); values outside are clamped to the end buckets.
 */
const SUB_BITS = 6;
const SUBS = 1 << SUB_BITS;
const MIN_EXP = -10;
const MAX_EXP = 30;
const OCTAVES = MAX_EXP - MIN_EXP;
export const HISTOGRAM_BUCKETS = OCTAVES * SUBS + 1; // + bucket 0 for values below the range

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Which half of the double holds the sign/exponent depends on endianness; check once.
const HI = (() => {
  f64[0] = 1;
  return u32[1] === 0x3ff00000 ? 1 : 0;
})();
const BIAS_OFFSET = (1023 + MIN_EXP) * SUBS; // (biased exponent, sub) index of the range's low edge
/** 2^e for whole e, built by exact doublings (no Math.pow, whose bits may differ between engines). */
function pow2(e: number): number {
  let v = 1;
  for (let i = 0; i < Math.abs(e); i++) v = e > 0 ? v * 2 : v / 2;
  return v;
}
const MIN_VALUE = pow2(MIN_EXP);
const MAX_VALUE = pow2(MAX_EXP);
const OCTAVE_LOW = Array.from({ length: OCTAVES }, (_, i) => pow2(MIN_EXP + i));

export function bucketOf(v: number): number {
  if (!(v >= MIN_VALUE)) return 0; // also catches NaN
  if (v >= MAX_VALUE) return HISTOGRAM_BUCKETS - 1;
  f64[0] = v;
  return (u32[HI]! >>> (20 - SUB_BITS)) - BIAS_OFFSET + 1;
}

/** Lower edge of a bucket. */
export function bucketLow(b: number): number {
  if (b <= 0) return 0;
  const i = b - 1;
  const exp = MIN_EXP + Math.floor(i / SUBS);
  return OCTAVE_LOW[exp - MIN_EXP]! * (1 + (i % SUBS) / SUBS);
}

/** Upper edge of a bucket. */
export function bucketHigh(b: number): number {
  if (b <= 0) return MIN_VALUE;
  if (b >= HISTOGRAM_BUCKETS - 1) return MAX_VALUE;
  return bucketLow(b + 1);
}

export class Histogram {
  readonly counts = new Float64Array(HISTOGRAM_BUCKETS);
  count = 0;
  sum = 0;
  max = 0;
  /** The lowest and highest bucket holding a value (lo > hi when empty). */
  private lo = HISTOGRAM_BUCKETS;
  private hi = -1;

  record(v: number): void {
    const b = bucketOf(v);
    this.counts[b]!++;
    if (b < this.lo) this.lo = b;
    if (b > this.hi) this.hi = b;
    this.count++;
    this.sum += v;
    if (v > this.max) this.max = v;
  }

  get mean(): number {
    return this.count > 0 ? this.sum / this.count : 0;
  }

  /**
   * The q-quantile (0 < q <= 1): the midpoint of the bucket holding the ceil(q * count)-th value,
   * never above the largest value recorded. 0 when empty.
   */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    if (q >= 1) return this.max;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    const c = this.counts;
    for (let b = this.lo; b <= this.hi; b++) {
      seen += c[b]!;
      if (seen >= rank) return Math.min(this.max, (bucketLow(b) + bucketHigh(b)) / 2);
    }
    return this.max;
  }

  /** Recomputes the span of used buckets after `counts` was written directly (differences of two histograms). */
  rescan(): void {
    this.lo = HISTOGRAM_BUCKETS;
    this.hi = -1;
    this.counts.forEach((n, b) => {
      if (n > 0) {
        if (b < this.lo) this.lo = b;
        this.hi = b;
      }
    });
  }

  reset(): void {
    if (this.count === 0) return;
    this.counts.fill(0, this.lo, this.hi + 1);
    this.lo = HISTOGRAM_BUCKETS;
    this.hi = -1;
    this.count = 0;
    this.sum = 0;
    this.max = 0;
  }
}

/** A window's latency as the live series carries it: p50, p99 and mean. */
export interface WindowLatency {
  p50: number;
  p99: number;
  mean: number;
}

/** No completions in a window means no latency for it: NaN (a gap in a chart, "–" in a legend), never 0. */
export const NO_LATENCY: Readonly<WindowLatency> = Object.freeze({ p50: NaN, p99: NaN, mean: NaN });

/** The latency of a finished window, or NO_LATENCY when nothing was recorded in it. */
export function windowLatency(h: Histogram): WindowLatency {
  return h.count > 0 ? { p50: h.quantile(0.5), p99: h.quantile(0.99), mean: h.mean } : { ...NO_LATENCY };
}

/** One quantile of a finished window; NaN when nothing was recorded in it. */
export const windowQuantile = (h: Histogram, q: number): number => (h.count > 0 ? h.quantile(q) : NaN);

/**
 * A histogram of the recent past: values go into `current`; every `roll()` (the engine calls it
 * once per sample interval) the current window becomes `previous`. Quantiles read the window just
 * finished, so a live p99 is over a whole interval, never over a handful of items.
 */
export class WindowedHistogram {
  current = new Histogram();
  previous = new Histogram();

  record(v: number): void {
    this.current.record(v);
  }

  roll(): void {
    const p = this.previous;
    this.previous = this.current;
    p.reset();
    this.current = p;
  }
}
