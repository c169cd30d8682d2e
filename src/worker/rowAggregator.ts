/**
 * Series rows merged before they cross to the page, so that what the page receives per wall second
 * is bounded whatever the speed: at Max a small design samples thousands of 250 ms rows a second,
 * far more than a chart has pixels or the page has time for.
 *
 * Rows are merged into buckets of SAMPLE_MS x 2^level simulated ms, aligned on multiples of the
 * bucket (a bigger bucket is a whole number of smaller ones, so changing level keeps rows aligned).
 * A merged row is the bucket's last row (cumulative counters, levels and states at its end) with
 * the windowed fields (metrics/layout.ts) taken over the whole bucket:
 * - `windowMs`: the bucket's length;
 * - `utilization` (busy fraction, a queue's mean depth): weighted by each row's window length;
 * - latencies (`e2eP50/P99/Mean`, a node's `latP50/P99/Mean`): weighted by the completions each
 *   row's window saw (G.completed, the node's F.completed). A window without a value (NaN: no
 *   completions) adds nothing; a bucket where no window had a value stays NaN. A bucket whose
 *   windows had values but no completions counted (a part whose latency is about something else)
 *   takes their plain mean. Percentiles of merged windows are approximated by that weighted mean.
 * A bucket of one row is that row, bit for bit: at ordinary speeds nothing changes.
 */
import { F, F_STRIDE, G, G_STRIDE } from '../engine/snapshot';

const LAT_G = [G.e2eP50, G.e2eP99, G.e2eMean] as const;
const LAT_F = [F.latP50, F.latP99, F.latMean] as const;

export class RowAggregator {
  /** Bucket length, ms: `sampleMs` x 2^level. */
  private level = 0;
  private readonly blocks: number;
  /** The newest row of the bucket being gathered. */
  private readonly last: Float64Array;
  /** Rows in the bucket being gathered. */
  private rows = 0;
  /** Completions counted up to the previous row (G.completed, then each block's F.completed). */
  private readonly prevDone: Float64Array;
  /** Per latency field (3 for the system, then 3 per block): weighted sum, weight, plain sum, plain count. */
  private readonly latSum: Float64Array;
  private readonly latW: Float64Array;
  private readonly latPlain: Float64Array;
  private readonly latN: Float64Array;
  /** Per block: window-weighted utilization sum. */
  private readonly utilSum: Float64Array;
  private windowSum = 0;
  private out: Float64Array[] = [];

  constructor(
    readonly rowLength: number,
    readonly sampleMs: number,
  ) {
    this.blocks = Math.max(0, Math.floor((rowLength - G_STRIDE) / F_STRIDE));
    this.last = new Float64Array(rowLength);
    this.prevDone = new Float64Array(this.blocks + 1);
    const lat = 3 * (this.blocks + 1);
    this.latSum = new Float64Array(lat);
    this.latW = new Float64Array(lat);
    this.latPlain = new Float64Array(lat);
    this.latN = new Float64Array(lat);
    this.utilSum = new Float64Array(this.blocks);
  }

  get bucketMs(): number {
    return this.sampleMs * 2 ** this.level;
  }

  /** Coarser or finer buckets from the next row on (0: every row as sampled). */
  setLevel(level: number): void {
    this.level = Math.max(0, Math.min(30, Math.floor(level)));
  }

  get currentLevel(): number {
    return this.level;
  }

  /** Takes packed rows (a multiple of rowLength), oldest first. */
  push(rows: Float64Array): void {
    const len = this.rowLength;
    for (let o = 0; o + len <= rows.length; o += len) this.add(rows.subarray(o, o + len));
  }

  /** The rows of the buckets closed so far, packed, oldest first (then forgotten here). */
  take(): Float64Array {
    const out = this.out;
    this.out = [];
    if (out.length === 1) return out[0]!;
    const packed = new Float64Array(out.length * this.rowLength);
    out.forEach((r, k) => packed.set(r, k * this.rowLength));
    return packed;
  }

  /** Closes the bucket being gathered now, however short (a pause, a step, an edit, the end). */
  flush(): void {
    if (this.rows > 0) this.close();
  }

  /** Whether rows are waiting in an unfinished bucket. */
  get pending(): boolean {
    return this.rows > 0;
  }

  private add(row: Float64Array): void {
    const B = this.blocks;
    if (this.rows === 0) this.clearSums();
    this.last.set(row);
    this.rows++;
    const win = row[G.windowMs]!;
    this.windowSum += win;
    // The system's completions, then each block's.
    this.gather(0, row, G.completed, LAT_G, 0);
    for (let b = 0; b < B; b++) {
      const base = G_STRIDE + b * F_STRIDE;
      this.gather(b + 1, row, base + F.completed, LAT_F, base);
      this.utilSum[b] = this.utilSum[b]! + win * row[base + F.utilization]!;
    }
    const step = 2 ** this.level;
    if (Math.round(row[G.now]! / this.sampleMs) % step === 0) this.close();
  }

  private gather(k: number, row: Float64Array, doneField: number, fields: readonly number[], base: number): void {
    const done = row[doneField]!;
    const w = done - this.prevDone[k]!;
    this.prevDone[k] = done;
    for (let f = 0; f < 3; f++) {
      const v = row[base + fields[f]!]!;
      if (!Number.isFinite(v)) continue;
      const j = 3 * k + f;
      if (w > 0) {
        this.latSum[j] = this.latSum[j]! + w * v;
        this.latW[j] = this.latW[j]! + w;
      }
      this.latPlain[j] = this.latPlain[j]! + v;
      this.latN[j] = this.latN[j]! + 1;
    }
  }

  private clearSums(): void {
    this.latSum.fill(0);
    this.latW.fill(0);
    this.latPlain.fill(0);
    this.latN.fill(0);
    this.utilSum.fill(0);
    this.windowSum = 0;
  }

  private close(): void {
    const row = this.last.slice();
    if (this.rows > 1) {
      row[G.windowMs] = this.windowSum;
      this.merged(row, 0, LAT_G, 0);
      for (let b = 0; b < this.blocks; b++) {
        const base = G_STRIDE + b * F_STRIDE;
        this.merged(row, b + 1, LAT_F, base);
        if (this.windowSum > 0) row[base + F.utilization] = this.utilSum[b]! / this.windowSum;
      }
    }
    this.out.push(row);
    this.rows = 0;
  }

  private merged(row: Float64Array, k: number, fields: readonly number[], base: number): void {
    for (let f = 0; f < 3; f++) {
      const j = 3 * k + f;
      row[base + fields[f]!] = this.latW[j]! > 0 ? this.latSum[j]! / this.latW[j]! : this.latN[j]! > 0 ? this.latPlain[j]! / this.latN[j]! : NaN;
    }
  }
}

/**
 * The bucket level that keeps rows crossing to the page under `maxRowsPerS` and doubles under
 * `maxDoublesPerS` per wall second at `speed` simulated ms per wall ms.
 */
export function levelFor(speed: number, sampleMs: number, rowLength: number, maxRowsPerS: number, maxDoublesPerS: number): number {
  if (!(speed > 0)) return 0;
  const rowsPerS = (speed * 1000) / sampleMs;
  const allowed = Math.max(1, Math.min(maxRowsPerS, maxDoublesPerS / rowLength));
  const need = rowsPerS / allowed;
  return need <= 1 ? 0 : Math.ceil(Math.log2(need));
}
