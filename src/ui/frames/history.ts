/**
 * The UI's own copy of the sampled series: a fixed-size ring of snapshot rows, oldest first,
 * so charts can scroll back further than one frame without growing memory.
 */
import { G } from '../../engine/snapshot';

/** Doubles kept in total, whatever the node count. */
const BUDGET = 2_000_000;

export class RowHistory {
  readonly capacity: number;
  readonly data: Float64Array;
  private start = 0;
  count = 0;

  constructor(readonly rowLength: number) {
    this.capacity = Math.max(240, Math.min(4800, Math.floor(BUDGET / rowLength)));
    this.data = new Float64Array(this.capacity * rowLength);
  }

  /** Appends packed rows (a multiple of rowLength); the oldest fall off when full. */
  append(rows: Float64Array): void {
    const len = this.rowLength;
    const n = Math.floor(rows.length / len);
    const skip = Math.max(0, n - this.capacity);
    for (let k = skip; k < n; k++) {
      const slot = (this.start + this.count) % this.capacity;
      this.data.set(rows.subarray(k * len, (k + 1) * len), slot * len);
      if (this.count < this.capacity) this.count++;
      else this.start = (this.start + 1) % this.capacity;
    }
  }

  /** Every row held, oldest first, packed as `append` takes them (a copy). */
  pack(): Float64Array {
    const len = this.rowLength;
    const out = new Float64Array(this.count * len);
    for (let i = 0; i < this.count; i++) out.set(this.data.subarray(this.offset(i), this.offset(i) + len), i * len);
    return out;
  }

  /** Offset of row i (0 = oldest) in `data`. */
  offset(i: number): number {
    return ((this.start + i) % this.capacity) * this.rowLength;
  }

  get(i: number, field: number): number {
    return this.data[this.offset(i) + field]!;
  }

  timeMs(i: number): number {
    return this.get(i, G.now);
  }

  /** Index of the first row at or after `ms` (count if none). */
  firstAtOrAfter(ms: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.timeMs(mid) < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
