/**
 * The knee of a sweep: where p99 latency takes off, and where goodput stops rising.
 */

export interface Knees {
  /** The lowest value whose mean p99 is more than twice the p99 at the first value; null if none. */
  p99: number | null;
  /** The first value after which mean goodput no longer rises (its slope under a tenth of the steepest); null if it rises to the end (or never). */
  goodput: number | null;
}

export interface KneeInput {
  /** Parameter values, ascending or as swept. */
  values: readonly number[];
  p99: readonly number[];
  goodput: readonly number[];
}

export function findKnees(s: KneeInput): Knees {
  let p99: number | null = null;
  const first = s.p99[0];
  if (first !== undefined && Number.isFinite(first) && first > 0) {
    for (let i = 1; i < s.values.length; i++) {
      if (s.p99[i]! > 2 * first) {
        p99 = s.values[i]!;
        break;
      }
    }
  }
  // Goodput stops rising where its slope against the parameter falls below a tenth of the
  // steepest slope seen on the sweep (noise between seeds is far smaller on common random numbers).
  const slopes: number[] = [];
  for (let i = 0; i + 1 < s.values.length; i++) {
    const dv = s.values[i + 1]! - s.values[i]!;
    const dg = s.goodput[i + 1]! - s.goodput[i]!;
    slopes.push(dv !== 0 && Number.isFinite(dg) ? dg / dv : NaN);
  }
  const steepest = Math.max(0, ...slopes.filter(Number.isFinite));
  let goodput: number | null = null;
  if (steepest > 0) {
    for (let i = 0; i < slopes.length; i++) {
      if (slopes[i]! < 0.1 * steepest) {
        goodput = s.values[i]!;
        break;
      }
    }
  }
  return { p99, goodput };
}
