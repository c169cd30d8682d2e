/**
 * Draws the charts panel's charts on their one canvas, on a clock of its own: in the paint worker
 * when the browser can hand a canvas to a worker, on the page otherwise (paintClient.ts).
 * Fed by ChartsMsg (which charts there are, where each one's plot lies) and the frames the page
 * received, kept in the paint host's FrameBook (paintHost.ts). Needs nothing of the DOM.
 *
 * Why a worker: bench:ui (4x-throttled Chromium, 30 nodes) showed the charts as the largest share
 * of the page's main thread after the node text: drawing them, and every frame with a redrawn
 * canvas handing it to the compositor (LayerTreeHost::DoUpdateLayers and a commit). A canvas drawn
 * in a worker reaches the compositor without the page's main thread.
 */
import { CanvasChart, type ChartCanvas } from '../charts/canvasChart';
import { chartsFor, parseShape } from '../charts/metrics';
import type { FrameBook } from '../frames/frameStore';
import type { Ctx2D as Ctx, PaintSurface as Surface, ChartsMsg, ChartsOut } from './protocol';

/** A chart redraws at most this often (it redraws only when rows arrived or it moved). */
const CHART_GAP_MS = 1000 / 10 - 4;
/**
 * The page hears what the charts drew (for the tests' data-path) at most this often: each report
 * is a task and some DOM attribute writes on the page's main thread.
 */
const REPORT_GAP_MS = 250;

interface Entry {
  chart: CanvasChart;
  out: Record<string, string | undefined>;
  /** What the page was last told of this chart's drawing. */
  sent: string;
}

export class ChartsRenderer implements ChartCanvas {
  ctx: Ctx | null = null;
  sx = 1;
  sy = 1;
  private canvas: Surface | null = null;
  private readonly charts = new Map<number, Entry>();
  private raf = 0;
  private last = -Infinity;
  /** A frame arrived since the last round. */
  private due = false;
  private lastReport = -Infinity;
  /** Charts drawn since the page last heard of them. */
  private readonly unreported = new Set<number>();

  constructor(
    private readonly frame: (cb: (t: number) => void) => number,
    private readonly send: (o: ChartsOut) => void,
    private readonly book: FrameBook,
  ) {}

  /** New frames are in the book: redraw when due. */
  frames(): void {
    this.due = true;
    this.wake();
  }

  handle(m: ChartsMsg): void {
    switch (m.type) {
      case 'canvas':
        this.canvas = m.canvas;
        this.ctx = m.canvas.getContext('2d');
        break;
      case 'surface':
        if (this.canvas) {
          // Assigning a canvas's size clears it, even to the same value: only when it changed.
          if (this.canvas.width !== m.devW) this.canvas.width = m.devW;
          if (this.canvas.height !== m.devH) this.canvas.height = m.devH;
        }
        this.sx = m.sx;
        this.sy = m.sy;
        this.ctx?.setTransform(1, 0, 0, 1, 0, 0);
        this.ctx?.clearRect(0, 0, m.devW, m.devH);
        break;
      case 'add': {
        const spec = chartsFor(m.chart.kind, parseShape(m.chart.shape)).find((c) => c.key === m.chart.key);
        if (!spec) break;
        this.charts.get(m.id)?.chart.clear();
        const out: Record<string, string | undefined> = {};
        this.charts.set(m.id, { chart: new CanvasChart(this, { dataset: out }, spec, m.nodeId, m.windowS, m.style), out, sent: '' });
        break;
      }
      case 'place': {
        const e = this.charts.get(m.id);
        if (!e) break;
        e.chart.place(m.rect, this.book.get());
        this.unreported.add(m.id);
        this.wake();
        break;
      }
      case 'remove':
        this.charts.get(m.id)?.chart.clear();
        this.charts.delete(m.id);
        this.unreported.delete(m.id);
        break;
      case 'detach':
        // The panel went; when it comes back it hands over a new canvas and adds its charts again.
        this.canvas = null;
        this.ctx = null;
        this.charts.clear();
        this.unreported.clear();
        break;
    }
  }

  private wake(): void {
    if (!this.raf) this.raf = this.frame(this.tick);
  }

  private readonly tick = (t: number): void => {
    this.raf = 0;
    if (this.due && t - this.last >= CHART_GAP_MS) {
      this.last = t;
      this.due = false;
      const s = this.book.get();
      for (const [id, e] of this.charts) {
        e.chart.draw(s);
        this.unreported.add(id);
      }
    }
    if (this.unreported.size > 0 && t - this.lastReport >= REPORT_GAP_MS) {
      this.lastReport = t;
      const charts: ChartsOut['charts'] = [];
      for (const id of this.unreported) {
        const e = this.charts.get(id);
        if (!e) continue;
        const key = `${e.out.path ?? ''}\u0000${e.out.keptPath ?? '\u0001'}\u0000${e.out.marks ?? ''}`;
        if (key === e.sent) continue;
        e.sent = key;
        charts.push({ id, dataset: { ...e.out } });
      }
      this.unreported.clear();
      if (charts.length > 0) this.send({ charts });
    }
    if (this.due || this.unreported.size > 0) this.wake();
  };
}
