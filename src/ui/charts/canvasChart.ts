/**
 * One live time series drawn in its rectangle of the charts' shared canvas (chartSurface.ts):
 * grid, axes with units, tick labels and lines, redrawn whole (at most ten times a second, and only
 * when new rows arrived or the size changed). A canvas redraw touches no DOM: no style, no layout,
 * no re-layerization of the page, where SVG paths and d3-axis tick groups cost all three on every
 * update.
 */
import type { FrameState } from '../frames/frameStore';
import type { RowHistory } from '../frames/history';
import type { ChartSurface, PlotRect, SurfaceChart } from './chartSurface';
import type { ChartSpec } from './metrics';
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

interface Colors {
  text: string;
  grid: string;
  axis: string;
}

/**
 * Where to put a line `devWidth` device pixels wide near `v` (CSS px), on a canvas with `scale`
 * device pixels per CSS pixel, so that it covers whole pixels: sharp, not smeared over two.
 */
function crisp(v: number, scale: number, devWidth = 1): number {
  const off = (devWidth % 2) / 2;
  return (Math.round(v * scale - off) + off) / scale;
}

export class CanvasChart implements SurfaceChart {
  private readonly font: string;
  private readonly colors: Colors;
  /** Where it draws on the surface (CSS px), null until placed. */
  private rect: PlotRect | null = null;
  private buf: SeriesBuffers;
  private top = 0;
  private drawnKey = '';
  private axis: YAxis | null = null;
  private readonly xTicks: number[] = [];
  private readonly widths = new Map<string, number>();

  constructor(
    private readonly surface: ChartSurface,
    readonly plot: HTMLElement,
    private readonly spec: ChartSpec,
    private readonly nodeId: string | null,
    private readonly windowS: number,
  ) {
    const cs = getComputedStyle(plot);
    this.font = `${FONT_PX}px ${cs.fontFamily}`;
    const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
    this.colors = { text: v('--muted', '#52606d'), grid: '#e6ebf1', axis: v('--faint', '#7b8794') };
    this.buf = new SeriesBuffers(verticesFor(0), spec.lines.length);
    surface.add(this);
  }

  place(rect: PlotRect, s: FrameState): void {
    this.rect = rect;
    const cap = verticesFor(rect.w);
    if (cap !== this.buf.capacity) this.buf = new SeriesBuffers(cap, this.spec.lines.length);
    this.drawnKey = '';
    this.draw(s);
  }

  dispose(): void {
    this.surface.remove(this, this.rect);
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
    const key = `${s.epoch}:${node}:${count}:${lastMs}`;
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
    this.paint(ctx, count > 0 ? hist : null, node, lastMs, w, h);
    ctx.restore();
  }

  private paint(ctx: CanvasRenderingContext2D, hist: RowHistory | null, node: number | null, lastMs: number, w: number, h: number): void {
    const { sx, sy } = this.surface;
    const tEnd = Math.max(this.windowS, lastMs / 1000);
    const tStart = tEnd - this.windowS;
    const buf = this.buf;
    if (hist && node !== null) collectSeries(hist, this.spec.lines, node, tStart * 1000, tEnd * 1000, buf);
    else buf.n = 0;
    this.top = nextTop(this.top, buf.max, this.spec.yMax);
    const top = this.top;
    // The y axis (grid, labels, baseline) changes only with the range or the size: drawn once
    // into a bitmap of its own and copied in, so a redraw renders no y text.
    const axis = this.yAxis(top, w, h, sx, sy);
    ctx.drawImage(axis.bitmap, 0, 0, w, h);

    const y0 = PAD.top;
    const y1 = h - PAD.bottom;
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
    ctx.rect(x0 - 24, y1, w - x0 + 24, PAD.bottom);
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
    this.spec.lines.forEach((line, k) => {
      const vs = buf.v[k]!;
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
    // What the tests can see of the drawing: each line's first and last vertex, as a path.
    if (this.plot.dataset.path !== summary) this.plot.dataset.path = summary;
  }

  private textWidth(ctx: CanvasRenderingContext2D, text: string): number {
    let w = this.widths.get(text);
    if (w === undefined) {
      if (this.widths.size > 256) this.widths.clear();
      w = ctx.measureText(text).width;
      this.widths.set(text, w);
    }
    return w;
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
    const y1 = h - PAD.bottom;
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
