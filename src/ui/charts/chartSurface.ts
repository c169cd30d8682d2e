/**
 * One <canvas> under all the charts of the panel, each chart drawing into its own plot's
 * rectangle. Chromium gives every canvas a compositor layer and hands each of them to the
 * compositor again in any frame where one changed; measured with bench:ui, five chart canvases
 * cost about twice what one canvas covering the same plots costs, in every animation frame.
 *
 * Plot rectangles are measured only when something is resized (ResizeObserver), never per frame,
 * and snapped to whole device pixels so each chart's lines and text stay sharp.
 */
import { frameStore } from '../frames/frameStore';
import type { FrameState } from '../frames/frameStore';

/** Where a chart draws: CSS px from the canvas's top left corner. */
export interface PlotRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What the surface needs from a chart. */
export interface SurfaceChart {
  readonly plot: HTMLElement;
  /** The chart's rectangle changed (or the canvas was resized, which clears it): redraw now. */
  place(rect: PlotRect, s: FrameState): void;
}

export class ChartSurface {
  ctx: CanvasRenderingContext2D | null = null;
  /** Device px per CSS px on each axis. */
  sx = 1;
  sy = 1;
  private canvas: HTMLCanvasElement | null = null;
  private readonly charts = new Set<SurfaceChart>();
  private readonly ro = new ResizeObserver((entries) => this.resized(entries));
  private devW = 0;
  private devH = 0;

  attach(canvas: HTMLCanvasElement | null): void {
    if (canvas === this.canvas) return;
    if (this.canvas) this.ro.unobserve(this.canvas);
    this.canvas = canvas;
    this.ctx = canvas?.getContext('2d') ?? null;
    if (!canvas) return;
    try {
      this.ro.observe(canvas, { box: 'device-pixel-content-box' });
    } catch {
      this.ro.observe(canvas);
    }
  }

  add(chart: SurfaceChart): void {
    this.charts.add(chart);
    this.ro.observe(chart.plot);
  }

  /** Forgets a chart and blanks its rectangle. */
  remove(chart: SurfaceChart, rect: PlotRect | null): void {
    this.charts.delete(chart);
    this.ro.unobserve(chart.plot);
    if (rect && this.ctx) {
      this.ctx.setTransform(this.sx, 0, 0, this.sy, 0, 0);
      this.ctx.clearRect(rect.x, rect.y, rect.w, rect.h);
    }
  }

  private resized(entries: ResizeObserverEntry[]): void {
    const canvas = this.canvas;
    if (!canvas) return;
    for (const e of entries) {
      if (e.target !== canvas) continue;
      const dev = e.devicePixelContentBoxSize?.[0];
      const dpr = window.devicePixelRatio || 1;
      this.devW = dev ? dev.inlineSize : Math.round(e.contentRect.width * dpr);
      this.devH = dev ? dev.blockSize : Math.round(e.contentRect.height * dpr);
    }
    const box = canvas.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0 || this.devW <= 0) return;
    // Assigning a canvas's size clears it, even to the same value: only when it changed.
    if (canvas.width !== this.devW) canvas.width = this.devW;
    if (canvas.height !== this.devH) canvas.height = this.devH;
    this.sx = this.devW / box.width;
    this.sy = this.devH / box.height;
    this.ctx?.setTransform(1, 0, 0, 1, 0, 0);
    this.ctx?.clearRect(0, 0, canvas.width, canvas.height);
    const s = frameStore.get();
    for (const c of this.charts) {
      const r = c.plot.getBoundingClientRect();
      const x = Math.round((r.left - box.left) * this.sx) / this.sx;
      const y = Math.round((r.top - box.top) * this.sy) / this.sy;
      c.place({ x, y, w: Math.round(r.width * this.sx) / this.sx, h: Math.round(r.height * this.sy) / this.sy }, s);
    }
  }
}
