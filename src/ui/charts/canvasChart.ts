/**
 * One live time series drawn in its rectangle of the charts' shared canvas: grid, axes with units,
 * tick labels and lines, redrawn whole (at most ten times a second, and only when new rows arrived
 * or the size changed). It runs in the paint worker (ui/paint/chartsRenderer.ts), on a
 * canvas the page handed over, and needs nothing of the DOM: what the tests read of a drawing
 * (its lines' end points, the marks drawn) it writes to `out.dataset`, which the page copies onto
 * the plot's element.
 */
import type { FrameState } from '../frames/frameStore';
import type { RowHistory } from '../frames/history';
import type { ChartStyle, Ctx2D, PlotRect } from '../paint/protocol';
import type { ChartSpec } from './metrics';
import { MARKER } from './markers';
import type { MarkRing } from '../frames/marks';
import { formatAxis, formatSeconds, nextTop, scrollingTicks, ticks } from './scale';
import { collectSeries, SeriesBuffers, verticesFor } from './series';

const FONT_PX = 13;
const PAD = { top: 9, right: 12, bottom: 22 };
/** Room between a y label and the plot, and the plot's smallest left margin. */
const LABEL_GAP = 7;
const MIN_LEFT = 30;
const TICK_LEN = 5;

/** A chart's y axis drawn once for a range and size: grid lines, labels, baseline. */
interface YAxis {
  key: string;
  /** The plot's left edge, right of the widest label (CSS px). */
  left: number;
  bitmap: OffscreenCanvas;
}


/** The canvas the charts share: its context, and device px per CSS px on each axis. */
export interface ChartCanvas {
  readonly ctx: Ctx2D | null;
  readonly sx: number;
  readonly sy: number;
}

/** Where a chart says what it drew, for the tests: data-path, data-kept-path, data-marks. */
export interface PlotOut {
  dataset: Record<string, string | undefined>;
}

/**
 * Where to put a line `devWidth` device pixels wide near `v` (CSS px), on a canvas with `scale`
 * device pixels per CSS pixel, so that it covers whole pixels: sharp, not smeared over two.
 */
function crisp(v: number, scale: number, devWidth = 1): number {
  const off = (devWidth % 2) / 2;
  return (Math.round(v * scale - off) + off) / scale;
}

export class CanvasChart {
  private readonly font: string;
  /** Below the plot: room for the time labels, which grow with the font. */
  private readonly padBottom: number;
  /** The event marks' labels: a little smaller than the axes', never under 16 px once those are bigger. */
  private readonly markPx: number;
  private readonly colors: Omit<ChartStyle, 'font'>;
  /** Where it draws on the surface (CSS px), null until placed. */
  private rect: PlotRect | null = null;
  private buf: SeriesBuffers;
  private keptBuf: SeriesBuffers | null = null;
  private top = 0;
  private drawnKey = '';
  private axis: YAxis | null = null;
  private readonly xTicks: number[] = [];
  private readonly widths = new Map<string, number>();

  constructor(
    private readonly surface: ChartCanvas,
    readonly plot: PlotOut,
    private readonly spec: ChartSpec,
    private readonly nodeId: string | null,
    private readonly windowS: number,
    style: ChartStyle,
  ) {
    const px = style.px ?? FONT_PX;
    this.font = `${px}px ${style.font}`;
    this.padBottom = PAD.bottom + Math.ceil((px - FONT_PX) * 1.2);
    this.markPx = px > FONT_PX ? Math.max(16, px - 2) : 11;
    this.colors = { text: style.text, grid: style.grid, axis: style.axis };
    this.buf = new SeriesBuffers(verticesFor(0), spec.lines.length);
  }

  place(rect: PlotRect, s: FrameState): void {
    this.rect = rect;
    const cap = verticesFor(rect.w);
    if (cap !== this.buf.capacity) this.buf = new SeriesBuffers(cap, this.spec.lines.length);
    this.drawnKey = '';
    this.draw(s);
  }

  /** Blanks its rectangle (the chart is going). */
  clear(): void {
    const ctx = this.surface.ctx;
    const r = this.rect;
    if (!ctx || !r) return;
    ctx.setTransform(this.surface.sx, 0, 0, this.surface.sy, 0, 0);
    ctx.clearRect(r.x, r.y, r.w, r.h);
  }

  /** Redraws from the frame store's history if anything it shows changed. */
  draw(s: FrameState): void {
    const ctx = this.surface.ctx;
    const r = this.rect;
    if (!ctx || !r || r.w <= 0 || r.h <= 0) return;
    const { w, h } = r;
    const hist = s.history;
    const node = this.nodeId === null ? -1 : (s.indexOf.get(this.nodeId) ?? null);
    const count = hist && node !== null ? hist.count : 0;
    const lastMs = hist && count > 0 ? hist.timeMs(count - 1) : 0;
    const kept = s.baseline?.history;
    const key = `${s.epoch}:${node}:${count}:${lastMs}:${s.marks.total}:${kept ? kept.count : -1}`;
    if (key === this.drawnKey) return;
    this.drawnKey = key;
    const { sx, sy } = this.surface;
    ctx.save();
    // The rectangle's corner is on a whole device pixel (chartSurface.ts): local coordinates
    // snap to the device grid just as the canvas's own do.
    ctx.setTransform(sx, 0, 0, sy, r.x * sx, r.y * sy);
    ctx.beginPath();
    ctx.rect(0, 0, w, h);
    ctx.clip();
    ctx.clearRect(0, 0, w, h);
    this.paint(ctx, s, count > 0 ? hist : null, node, lastMs, w, h);
    ctx.restore();
  }

  private paint(ctx: Ctx2D, s: FrameState, hist: RowHistory | null, node: number | null, lastMs: number, w: number, h: number): void {
    const { sx, sy } = this.surface;
    const ix = s.indexOf;
    const marks = s.marks;
    const tEnd = Math.max(this.windowS, lastMs / 1000);
    const tStart = tEnd - this.windowS;
    const buf = this.buf;
    if (hist && node !== null) collectSeries(hist, this.spec.lines, node, tStart * 1000, tEnd * 1000, buf, ix);
    else buf.n = 0;
    // Compare mode: the kept copy (A) on the same axes, where it has the node this chart shows.
    const kept = this.keptSeries(s, tStart, tEnd);
    this.top = nextTop(this.top, Math.max(buf.max, kept ? kept.max : 0), this.spec.yMax);
    const top = this.top;
    // The y axis (grid, labels, baseline) changes only with the range or the size: drawn once
    // into a bitmap of its own and copied in, so a redraw renders no y text.
    const states = this.spec.lines.every((l) => l.states);
    const axis = states ? this.bandAxis(ctx, w, h) : this.yAxis(top, w, h, sx, sy);
    if (axis.bitmap) ctx.drawImage(axis.bitmap, 0, 0, w, h);

    const y0 = PAD.top;
    const y1 = h - this.padBottom;
    const x0 = axis.left;
    const x1 = w - PAD.right;
    const px = (t: number) => x0 + ((t - tStart) / this.windowS) * (x1 - x0);
    const py = (v: number) => y1 - (v / top) * (y1 - y0);

    // x: ticks and labels in simulated seconds, scrolling with the window.
    const axisPx = Math.max(1, Math.round(sy));
    const base = crisp(y1, sy, axisPx);
    // As many labels as fit side by side: "40 s" leaves room for more than "214,900 s".
    ctx.font = this.font;
    const room = this.textWidth(ctx, formatSeconds(Math.ceil(tEnd))) + 14;
    let count = Math.max(1, Math.floor((x1 - x0) / room));
    let xTicks = scrollingTicks(tStart, tEnd, count, this.xTicks);
    while (count > 1 && xTicks.length > 1 && px(xTicks[1]!) - px(xTicks[0]!) < room) xTicks = scrollingTicks(tStart, tEnd, --count, this.xTicks);
    ctx.strokeStyle = this.colors.axis;
    ctx.lineWidth = axisPx / sy;
    ctx.beginPath();
    for (const t of xTicks) {
      const x = crisp(px(t), sx, axisPx);
      ctx.moveTo(x, base);
      ctx.lineTo(x, base + TICK_LEN);
    }
    ctx.stroke();
    ctx.save();
    ctx.beginPath();
    // Labels may reach a little past the plot's ends before they scroll out of view.
    ctx.rect(x0 - 24, y1, w - x0 + 24, this.padBottom);
    ctx.clip();
    ctx.fillStyle = this.colors.text;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const t of xTicks) ctx.fillText(formatSeconds(t), Math.round(px(t)), y1 + TICK_LEN + 2);
    ctx.restore();

    // The lines, clipped to the plot; a dot marks each solid line's newest value.
    ctx.save();
    ctx.beginPath();
    ctx.rect(x0, 0, x1 - x0 + 4, y1 + 1);
    ctx.clip();
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    let summary = '';
    this.paintKept(ctx, kept, px, py);
    this.spec.lines.forEach((line, k) => {
      const vs = buf.v[k]!;
      if (line.states) {
        const band = this.paintBand(ctx, line.states, vs, buf, px, k, y0, y1, x1);
        if (band) summary += `${summary ? ' ' : ''}${band}`;
        return;
      }
      ctx.strokeStyle = line.color;
      ctx.lineWidth = line.dashed ? 1.5 : 2.25;
      ctx.setLineDash(line.dashed ? [5, 4] : []);
      ctx.beginPath();
      let pen = false;
      let first = -1;
      let last = -1;
      for (let i = 0; i < buf.n; i++) {
        const v = vs[i]!;
        if (Number.isNaN(v)) {
          pen = false;
          continue;
        }
        const x = px(buf.t[i]!), y = py(v);
        if (pen) ctx.lineTo(x, y);
        else ctx.moveTo(x, y);
        pen = true;
        if (first < 0) first = i;
        last = i;
      }
      ctx.stroke();
      if (last >= 0 && !line.dashed) {
        ctx.fillStyle = line.color;
        ctx.beginPath();
        ctx.arc(px(buf.t[last]!), py(vs[last]!), 3.25, 0, 2 * Math.PI);
        ctx.fill();
      }
      if (first >= 0) {
        const f = (i: number) => `${px(buf.t[i]!).toFixed(1)},${py(vs[i]!).toFixed(1)}`;
        summary += `${summary ? ' ' : ''}M${f(first)}L${f(last)}`;
      }
    });
    ctx.setLineDash([]);
    ctx.restore();
    // A band chart shows the states themselves: marks would repeat them.
    if (!states) this.paintMarks(ctx, marks, node, tStart, tEnd, px, x0, x1, y0, y1);
    // What the tests can see of the drawing: each line's first and last vertex, as a path.
    if (this.plot.dataset.path !== summary) this.plot.dataset.path = summary;
  }

  private textWidth(ctx: Ctx2D, text: string): number {
    let w = this.widths.get(text);
    if (w === undefined) {
      if (this.widths.size > 256) this.widths.clear();
      w = ctx.measureText(text).width;
      this.widths.set(text, w);
    }
    return w;
  }

  /** The kept copy's series for this chart's window, or null (not comparing, or A lacks the node). */
  private keptSeries(s: FrameState, tStart: number, tEnd: number): SeriesBuffers | null {
    const b = s.baseline;
    const node = b ? (this.nodeId === null ? -1 : b.indexOf.get(this.nodeId)) : undefined;
    if (!b || node === undefined || b.history.count === 0 || this.spec.lines.every((l) => l.states)) {
      if (this.plot.dataset.keptPath) delete this.plot.dataset.keptPath;
      return null;
    }
    if (this.keptBuf?.capacity !== this.buf.capacity) this.keptBuf = new SeriesBuffers(this.buf.capacity, this.spec.lines.length);
    collectSeries(b.history, this.spec.lines, node, tStart * 1000, tEnd * 1000, this.keptBuf, b.indexOf);
    return this.keptBuf;
  }

  /** A's lines: each in its line's colour, faded and finely dashed, under B's. */
  private paintKept(ctx: Ctx2D, kept: SeriesBuffers | null, px: (t: number) => number, py: (v: number) => number): void {
    if (!kept) return;
    ctx.save();
    ctx.globalAlpha = 0.45;
    ctx.lineWidth = 2;
    ctx.setLineDash([2, 3]);
    let summary = '';
    this.spec.lines.forEach((line, k) => {
      if (line.states) return;
      const vs = kept.v[k]!;
      ctx.strokeStyle = line.color;
      ctx.beginPath();
      let pen = false;
      let first = -1, last = -1;
      for (let i = 0; i < kept.n; i++) {
        const v = vs[i]!;
        if (Number.isNaN(v)) {
          pen = false;
          continue;
        }
        if (pen) ctx.lineTo(px(kept.t[i]!), py(v));
        else ctx.moveTo(px(kept.t[i]!), py(v));
        pen = true;
        if (first < 0) first = i;
        last = i;
      }
      ctx.stroke();
      if (first >= 0) summary += `${summary ? ' ' : ''}M${px(kept.t[first]!).toFixed(1)},${py(vs[first]!).toFixed(1)}L${px(kept.t[last]!).toFixed(1)},${py(vs[last]!).toFixed(1)}`;
    });
    ctx.restore();
    // What the tests can see of A's drawing, as dataset.path says B's.
    if (this.plot.dataset.keptPath !== summary) this.plot.dataset.keptPath = summary;
  }

  /**
   * A state line as a band: one run of colour per stretch in the same state, its name where the
   * run is wide enough. Bands stack, one per line, from the top. Returns the line's test path.
   */
  private paintBand(
    ctx: Ctx2D,
    states: NonNullable<ChartSpec['lines'][number]['states']>,
    vs: Float64Array,
    buf: SeriesBuffers,
    px: (t: number) => number,
    k: number,
    y0: number,
    y1: number,
    x1: number,
  ): string {
    const lines = this.spec.lines.length;
    const bandH = Math.min(30, (y1 - y0) / lines - 6);
    const top = y0 + k * (bandH + 6);
    ctx.font = this.font;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    let path = '';
    let i = 0;
    while (i < buf.n) {
      const v = vs[i]!;
      let j = i + 1;
      while (j < buf.n && vs[j] === v) j++;
      if (!Number.isNaN(v)) {
        const a = px(buf.t[i]!);
        const b = j < buf.n ? px(buf.t[j]!) : Math.min(x1, px(buf.t[j - 1]!) + 2);
        const st = states[Math.round(v)];
        ctx.fillStyle = st?.color ?? '#a0aec0';
        ctx.fillRect(a, top, Math.max(1, b - a), bandH);
        const label = st?.label ?? String(v);
        if (b - a > this.textWidth(ctx, label) + 8) {
          ctx.fillStyle = '#fff';
          ctx.fillText(label, a + 4, top + bandH / 2);
        }
        path += `${path ? ' ' : ''}M${a.toFixed(1)},${top.toFixed(1)}L${b.toFixed(1)},${top.toFixed(1)}`;
      }
      i = j;
    }
    return path;
  }

  /** The run's timeline entries in the window (this node's only, on a node's charts) as marked lines. */
  private paintMarks(
    ctx: Ctx2D,
    marks: MarkRing,
    node: number | null,
    tStart: number,
    tEnd: number,
    px: (t: number) => number,
    x0: number,
    x1: number,
    y0: number,
    y1: number,
  ): void {
    let drawn = 0;
    if (marks.count === 0 || node === null) {
      this.setMarksDrawn(0);
      return;
    }
    ctx.save();
    ctx.beginPath();
    ctx.rect(x0, 0, x1 - x0 + 1, y1 + 1);
    ctx.clip();
    ctx.font = `600 ${this.markPx}px ${this.font.slice(this.font.indexOf(' ') + 1)}`;
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
    ctx.setLineDash([3, 3]);
    ctx.lineWidth = 1.25;
    // Newest first, so where labels would overlap the newest keeps its label.
    let labelFrom = Infinity;
    for (let i = marks.count - 1; i >= 0; i--) {
      const t = marks.atMs(i) / 1000;
      if (t < tStart) break;
      if (t > tEnd) continue;
      if (node >= 0 && marks.nodeIndex(i) !== node) continue;
      const kind = marks.kindOf(i);
      if (!kind) continue;
      const style = MARKER[kind];
      drawn++;
      const x = Math.round(px(t)) + 0.5;
      // Faint over the plot, so a flapping breaker does not hide the lines; solid as a tick on top.
      ctx.strokeStyle = style.color;
      ctx.globalAlpha = 0.35;
      ctx.beginPath();
      ctx.moveTo(x, y0);
      ctx.lineTo(x, y1);
      ctx.stroke();
      ctx.globalAlpha = 1;
      ctx.fillStyle = style.color;
      ctx.fillRect(x - 1, y0 - 2, 2, 6);
      const wLabel = this.textWidth(ctx, style.label) + 6;
      if (x + wLabel <= labelFrom && x + wLabel <= x1 + 2) {
        ctx.fillStyle = 'rgba(255,255,255,0.85)';
        ctx.fillRect(x + 1, y0, wLabel, 14);
        ctx.fillStyle = style.color;
        ctx.fillText(style.label, x + 4, y0 + 1);
        labelFrom = x;
      }
    }
    ctx.restore();
    this.setMarksDrawn(drawn);
  }

  /** What the tests can see of the marks: how many are drawn. */
  private setMarksDrawn(n: number): void {
    const v = String(n);
    if (this.plot.dataset.marks !== v) this.plot.dataset.marks = v;
  }

  /** A band chart's "axis": room on the left for each band's name. */
  private bandAxis(ctx: Ctx2D, _w: number, h: number): { left: number; bitmap: null } {
    const lines = this.spec.lines;
    ctx.font = this.font;
    let left = MIN_LEFT;
    for (const l of lines) left = Math.max(left, Math.min(110, this.textWidth(ctx, l.name) + LABEL_GAP + 4));
    const y0 = PAD.top;
    const y1 = h - this.padBottom;
    const bandH = Math.min(30, (y1 - y0) / lines.length - 6);
    ctx.fillStyle = this.colors.text;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    lines.forEach((l, k) => ctx.fillText(l.name, left - LABEL_GAP, y0 + k * (bandH + 6) + bandH / 2, left - LABEL_GAP - 2));
    return { left: Math.round(left), bitmap: null };
  }

  /** The y axis for range `top` at this size, from cache or drawn now. */
  private yAxis(top: number, w: number, h: number, sx: number, sy: number): YAxis {
    const key = `${top}|${w}x${h}|${sx}x${sy}`;
    if (this.axis?.key === key) return this.axis;
    const devW = Math.max(1, Math.round(w * sx)), devH = Math.max(1, Math.round(h * sy));
    const bitmap = this.axis && this.axis.bitmap.width === devW && this.axis.bitmap.height === devH ? this.axis.bitmap : new OffscreenCanvas(devW, devH);
    const ctx = bitmap.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, devW, devH);
    ctx.setTransform(sx, 0, 0, sy, 0, 0);
    ctx.font = this.font;
    const y0 = PAD.top;
    const y1 = h - this.padBottom;
    const yTicks = ticks(0, top, Math.max(2, Math.floor(h / 38)));
    const labels = yTicks.map(formatAxis);
    // The left margin fits the widest label.
    let left = MIN_LEFT;
    for (const l of labels) left = Math.max(left, ctx.measureText(l).width + LABEL_GAP + 4);
    left = Math.round(left);
    const x1 = w - PAD.right;
    const py = (v: number) => y1 - (v / top) * (y1 - y0);
    ctx.lineWidth = 1 / sy;
    ctx.strokeStyle = this.colors.grid;
    ctx.beginPath();
    for (const v of yTicks) {
      if (v === 0) continue;
      const y = crisp(py(v), sy);
      ctx.moveTo(left, y);
      ctx.lineTo(x1, y);
    }
    ctx.stroke();
    ctx.fillStyle = this.colors.text;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    yTicks.forEach((v, k) => ctx.fillText(labels[k]!, left - LABEL_GAP, Math.round(py(v))));
    const axisPx = Math.max(1, Math.round(sy));
    ctx.strokeStyle = this.colors.axis;
    ctx.lineWidth = axisPx / sy;
    ctx.beginPath();
    const base = crisp(y1, sy, axisPx);
    ctx.moveTo(left, base);
    ctx.lineTo(x1, base);
    ctx.stroke();
    this.axis = { key, left, bitmap };
    return this.axis;
  }

}
