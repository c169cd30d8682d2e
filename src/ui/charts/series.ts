/**
 * The points a chart draws: the history rows inside its time window, read through the chart's line
 * readers into reusable typed arrays (no allocation per redraw, so the heap stays flat).
 *
 * When the window holds more rows than the plot has room for, rows are gathered into buckets of
 * `stride` rows and each bucket gives two vertices, its lowest and its highest value in the order
 * they happened: a one-row spike of refusals still shows, as it would not if every n-th row were
 * kept. Buckets are aligned on the rows' absolute numbers, not on the newest row, so they stay the
 * same from one redraw to the next and the line does not shimmer as the window scrolls.
 */
import { G } from '../../engine/snapshot';
import type { RowHistory } from '../frames/history';
import type { LineSpec, Reader } from './metrics';

const NO_IDS: ReadonlyMap<string, number> = new Map();
const gap: Reader = () => NaN;

export class SeriesBuffers {
  /** Simulated seconds of each vertex, shared by every line. */
  readonly t: Float64Array;
  /** One array of values per line; NaN where a line has no value (a gap). */
  readonly v: Float64Array[];
  /** Vertices filled. */
  n = 0;
  /** Largest finite value of any line among the vertices (0 if none). */
  max = 0;
  /** Per line, while a bucket is gathered: its extremes and the rows they came from. */
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly loAt: Int32Array;
  readonly hiAt: Int32Array;
  /** Per line, the reader used this redraw (reused: no allocation per redraw). */
  readonly reads: Reader[] = [];

  constructor(
    readonly capacity: number,
    lines: number,
  ) {
    this.t = new Float64Array(capacity);
    this.v = Array.from({ length: lines }, () => new Float64Array(capacity));
    this.lo = new Float64Array(lines);
    this.hi = new Float64Array(lines);
    this.loAt = new Int32Array(lines);
    this.hiAt = new Int32Array(lines);
  }
}

/** Most vertices a plot `plotWidthPx` wide needs (two per bucket, a bucket about every 2 px). */
export const verticesFor = (plotWidthPx: number): number => 2 * Math.max(20, Math.ceil(plotWidthPx / 2));

/**
 * Fills `out` with the rows of `h` from just before `fromMs` to the newest, for every line, for a
 * window that ends at `toMs`. `node` is the node index handed to the readers (-1 for the whole
 * system).
 */
export function collectSeries(
  h: RowHistory,
  lines: readonly LineSpec[],
  node: number,
  fromMs: number,
  toMs: number,
  out: SeriesBuffers,
  ix: ReadonlyMap<string, number> = NO_IDS,
): void {
  out.n = 0;
  out.max = 0;
  const count = h.count;
  if (count === 0) return;
  // One row before the window, so the line enters from the plot's left edge.
  const i0 = Math.max(0, h.firstAtOrAfter(fromMs) - 1);
  const rowMs = h.get(count - 1, G.windowMs) || 250;
  const buckets = out.capacity >> 1;
  // From the window's length, not the rows in it: the same stride redraw after redraw.
  const stride = Math.max(1, Math.ceil((Math.ceil((toMs - fromMs) / rowMs) + 2) / buckets));
  const L = lines.length;
  // A line that waits to be seen (LineSpec.seen) reads as a gap until it is.
  const newest = count - 1;
  const reads = out.reads;
  for (let k = 0; k < L; k++) {
    const l = lines[k]!;
    reads[k] = l.seen && !(l.seen(h, newest, node, ix) > 0) ? gap : l.read;
  }
  if (stride === 1) {
    for (let i = i0; i < count && out.n < out.capacity; i++) {
      const n = out.n++;
      out.t[n] = h.timeMs(i) / 1000;
      for (let k = 0; k < L; k++) out.v[k]![n] = keep(out, reads[k]!(h, i, node, ix));
    }
    return;
  }
  const { lo, hi, loAt, hiAt } = out;
  let i = i0;
  while (i < count && out.n + 2 <= out.capacity) {
    const bucket = Math.floor(Math.round(h.timeMs(i) / rowMs) / stride);
    const first = i;
    lo.fill(NaN);
    hi.fill(NaN);
    for (; i < count && Math.floor(Math.round(h.timeMs(i) / rowMs) / stride) === bucket; i++) {
      for (let k = 0; k < L; k++) {
        const v = reads[k]!(h, i, node, ix);
        if (!Number.isFinite(v)) continue;
        if (!(v >= lo[k]!)) {
          lo[k] = v;
          loAt[k] = i;
        }
        if (!(v <= hi[k]!)) {
          hi[k] = v;
          hiAt[k] = i;
        }
      }
    }
    const a = out.n, b = out.n + 1;
    out.n += 2;
    out.t[a] = h.timeMs(first) / 1000;
    out.t[b] = h.timeMs(i - 1) / 1000;
    for (let k = 0; k < L; k++) {
      const lowFirst = loAt[k]! <= hiAt[k]!;
      out.v[k]![a] = keep(out, lowFirst ? lo[k]! : hi[k]!);
      out.v[k]![b] = keep(out, lowFirst ? hi[k]! : lo[k]!);
    }
  }
}

function keep(out: SeriesBuffers, v: number): number {
  if (Number.isFinite(v)) {
    if (v > out.max) out.max = v;
    return v;
  }
  return NaN;
}
