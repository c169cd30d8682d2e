/**
 * Time series sampled on simulated time: a ring buffer of snapshot rows (metrics/layout.ts).
 * Fixed memory: once full, the oldest row is overwritten.
 */
export class SeriesRing {
  readonly rows: number;
  readonly rowLength: number;
  readonly data: Float64Array;
  private next = 0;
  count = 0;
  /** Rows committed since the start, including those overwritten since. */
  total = 0;

  constructor(rows: number, rowLength: number) {
    this.rows = Math.max(1, rows);
    this.rowLength = rowLength;
    this.data = new Float64Array(this.rows * rowLength);
  }

  /** The row to fill next; call `commit()` after writing it. */
  nextRow(): Float64Array {
    return this.data.subarray(this.next * this.rowLength, (this.next + 1) * this.rowLength);
  }

  get writeOffset(): number {
    return this.next * this.rowLength;
  }

  commit(): void {
    this.next = (this.next + 1) % this.rows;
    if (this.count < this.rows) this.count++;
    this.total++;
  }

  /**
   * Rows committed after row number `cursor` (a previous `total`), oldest first, as one new
   * array; rows already overwritten are skipped. For streaming the series to a UI.
   */
  since(cursor: number): Float64Array {
    const n = Math.max(0, Math.min(this.total - cursor, this.count));
    const out = new Float64Array(n * this.rowLength);
    const first = (this.next - n + this.rows) % this.rows;
    for (let i = 0; i < n; i++) {
      const r = (first + i) % this.rows;
      out.set(this.data.subarray(r * this.rowLength, (r + 1) * this.rowLength), i * this.rowLength);
    }
    return out;
  }

  /** Rows oldest first, as one new array (count * rowLength). */
  toArray(): Float64Array {
    const out = new Float64Array(this.count * this.rowLength);
    const first = (this.next - this.count + this.rows) % this.rows;
    for (let i = 0; i < this.count; i++) {
      const r = (first + i) % this.rows;
      out.set(this.data.subarray(r * this.rowLength, (r + 1) * this.rowLength), i * this.rowLength);
    }
    return out;
  }

  /** One field of every row, oldest first. */
  column(field: number): Float64Array {
    const out = new Float64Array(this.count);
    const first = (this.next - this.count + this.rows) % this.rows;
    for (let i = 0; i < this.count; i++) out[i] = this.data[((first + i) % this.rows) * this.rowLength + field]!;
    return out;
  }
}

/**
 * Time-weighted average of a level that changes at discrete instants (depth, busy slots).
 * The area is added to only when the level changes, never when someone looks: reading a mean, a
 * window or a snapshot at any moment leaves the sums (and so the report) exactly as they were.
 * That is what makes a run give the same bits whatever its sampling interval.
 */
export class TimeAverage {
  value = 0;
  private areaSoFar = 0;
  private last = 0;
  private windowStart = 0;
  private windowStartArea = 0;

  set(now: number, v: number): void {
    if (v === this.value) return;
    this.areaSoFar += this.value * (now - this.last);
    this.last = now;
    this.value = v;
  }

  /** Integral of the level from 0 to now. */
  area(now: number): number {
    return this.areaSoFar + this.value * (now - this.last);
  }

  mean(now: number): number {
    return now > 0 ? this.area(now) / now : this.value;
  }

  /** Average since the previous call (the sample window), then starts a new window. */
  takeWindow(now: number): number {
    const a = this.area(now);
    const len = now - this.windowStart;
    const avg = len > 0 ? (a - this.windowStartArea) / len : this.value;
    this.windowStart = now;
    this.windowStartArea = a;
    return avg;
  }
}
