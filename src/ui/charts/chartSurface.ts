/**
 * One <canvas> under all the charts of the panel, each chart drawing into its own plot's
 * rectangle. Chromium gives every canvas a compositor layer and hands each of them to the
 * compositor again in any frame where one changed; measured with bench:ui, five chart canvases
 * cost about twice what one canvas covering the same plots costs, in every animation frame.
 *
 * The drawing happens in the paint worker (ui/paint/chartsRenderer.ts), which gets the frames
 * from paintClient.ts: this page side hands it the canvas, says which charts there are and where
 * their plots lie, and copies what each chart drew (data-path, ...) onto its plot's element for
 * the tests. Plot rectangles are measured only when something is resized (ResizeObserver), never
 * per frame, and snapped to whole device pixels so each chart's lines and text stay sharp.
 */
import { paintCharts, type Port } from '../paint/paintClient';
import type { ChartRef, ChartsMsg, ChartsOut, ChartStyle } from '../paint/protocol';

interface Registered {
  plot: HTMLElement;
  add: Extract<ChartsMsg, { type: 'add' }>;
}

/** The charts' text and axis colours, from the page's stylesheet. */
function styleOf(plot: HTMLElement): ChartStyle {
  const cs = getComputedStyle(plot);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  const px = Number(v('--bp-chart-font-px', ''));
  return { font: cs.fontFamily, ...(px > 0 ? { px } : {}), text: v('--muted', '#52606d'), grid: '#e6ebf1', axis: v('--faint', '#7b8794') };
}

export class ChartSurface {
  private canvas: HTMLCanvasElement | null = null;
  private port: Port<ChartsMsg> | null = null;
  private readonly charts = new Map<number, Registered>();
  private readonly ro = new ResizeObserver((entries) => this.resized(entries));
  private nextId = 1;
  private devW = 0;
  private devH = 0;

  attach(canvas: HTMLCanvasElement | null): void {
    if (canvas === this.canvas) return;
    if (this.canvas) {
      this.ro.unobserve(this.canvas);
      this.port?.close();
      this.port = null;
    }
    this.canvas = canvas;
    if (!canvas) return;
    const port = (this.port = paintCharts(canvas, (o) => this.drawn(o)));
    for (const c of this.charts.values()) port.post(c.add);
    try {
      this.ro.observe(canvas, { box: 'device-pixel-content-box' });
    } catch {
      this.ro.observe(canvas);
    }
  }

  /** A chart with its plot box; returns its id (for remove). */
  add(plot: HTMLElement, chart: ChartRef, nodeId: string | null, windowS: number): number {
    const id = this.nextId++;
    const add: Registered['add'] = { type: 'add', id, chart, nodeId, windowS, style: styleOf(plot) };
    this.charts.set(id, { plot, add });
    this.port?.post(add);
    this.ro.observe(plot);
    return id;
  }

  /** Forgets a chart; the worker blanks its rectangle. */
  remove(id: number): void {
    const c = this.charts.get(id);
    if (!c) return;
    this.charts.delete(id);
    this.ro.unobserve(c.plot);
    this.port?.post({ type: 'remove', id });
  }

  /** What the charts drew, as the tests read it from their plots' elements. */
  private drawn(o: ChartsOut): void {
    for (const c of o.charts) {
      const plot = this.charts.get(c.id)?.plot;
      if (!plot) continue;
      for (const key of ['path', 'keptPath', 'marks']) {
        const v = c.dataset[key];
        if (v === undefined) {
          if (key in plot.dataset) delete plot.dataset[key];
        } else if (plot.dataset[key] !== v) plot.dataset[key] = v;
      }
    }
  }

  private resized(entries: ResizeObserverEntry[]): void {
    const canvas = this.canvas;
    const port = this.port;
    if (!canvas || !port) return;
    for (const e of entries) {
      if (e.target !== canvas) continue;
      const dev = e.devicePixelContentBoxSize?.[0];
      const dpr = window.devicePixelRatio || 1;
      this.devW = dev ? dev.inlineSize : Math.round(e.contentRect.width * dpr);
      this.devH = dev ? dev.blockSize : Math.round(e.contentRect.height * dpr);
    }
    const box = canvas.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0 || this.devW <= 0) return;
    const sx = this.devW / box.width;
    const sy = this.devH / box.height;
    // The canvas is cleared and every chart placed again, whatever moved.
    port.post({ type: 'surface', devW: this.devW, devH: this.devH, sx, sy });
    for (const [id, c] of this.charts) {
      const r = c.plot.getBoundingClientRect();
      const x = Math.round((r.left - box.left) * sx) / sx;
      const y = Math.round((r.top - box.top) * sy) / sy;
      port.post({ type: 'place', id, rect: { x, y, w: Math.round(r.width * sx) / sx, h: Math.round(r.height * sy) / sy } });
    }
  }
}
