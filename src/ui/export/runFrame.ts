/**
 * One frame of a run video, drawn on a canvas of its own: the design's name and the simulated
 * time, the graph as boxes and wires with each part's live numbers and status in words, and the
 * whole system's charts (drawn by the same CanvasChart the paint worker runs). The canvas on screen
 * is DOM (xyflow) with values on canvases the paint worker owns, so a video cannot capture it; this
 * is a rendering of the same state for slides, at 1280x720, its words and numbers 16 px or larger
 * (the charts' tick labels are the charts' own).
 */
import { F, NODE_KIND_CODES, type NodeType } from '../../engine/index';
import { CanvasChart } from '../charts/canvasChart';
import type { ChartSpec, chartsFor } from '../charts/metrics';
import { formatValue } from '../charts/scale';
import type { Health, nodeBase, nodeHealth } from '../frames/derive';
import type { FrameState } from '../frames/frameStore';
import { simTime } from '../format';
import { STATUS_TEXT } from '../canvas/nodes/status';
import { NODE_W } from '../store/graph';

export const VIDEO_W = 1280;
export const VIDEO_H = 720;

const HEAD_H = 48;
const GRAPH_BOTTOM = 430;
const CHART_TOP = 444;
/** A part's box: four lines of text (name, kind, numbers, status) at the graph's scale. */
const BOX_H = 120;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const INK = '#1f2933';
const MUTED = '#52606d';
const LINE = '#d9e2ec';
const HEALTH_COLOR: Record<Health, string> = { idle: '#7b8794', healthy: '#2f855a', saturated: '#b7791f', overflowing: '#c53030' };
const CHARTS = ['flow', 'depth', 'latency'];

/** What a frame shows of the design: its parts (where the canvas has them) and wires. */
export interface Scene {
  name: string;
  nodes: readonly { id: string; type: NodeType; label: string; x: number; y: number }[];
  edges: readonly { from: string; to: string }[];
}

/**
 * What the recorder takes from the page's own chart and node modules, handed over by the Share
 * controls rather than imported: imported from this lazily loaded chunk, the bundler would split
 * those modules out of the initial bundle into chunks of their own (most of a kilobyte per visit).
 */
export interface FrameParts {
  chartsFor: typeof chartsFor;
  nodeBase: typeof nodeBase;
  nodeHealth: typeof nodeHealth;
}

interface Placed {
  spec: ChartSpec;
  chart: CanvasChart;
  x: number;
  w: number;
}

const count = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : Math.round(v).toLocaleString('en-US'));

export class RunFrame {
  private readonly charts: Placed[];
  /** The charts' own layer: CanvasChart redraws only when rows arrived, and clears its rectangle. */
  private readonly layer: HTMLCanvasElement;

  constructor(
    private readonly scene: Scene,
    s: FrameState,
    windowS: number,
    private readonly parts: FrameParts,
  ) {
    this.layer = document.createElement('canvas');
    this.layer.width = VIDEO_W;
    this.layer.height = VIDEO_H;
    const lctx = this.layer.getContext('2d');
    const specs = parts.chartsFor('system', { nodes: [] }).filter((c) => CHARTS.includes(c.key));
    const gap = 16;
    const w = (VIDEO_W - gap * (specs.length + 1)) / specs.length;
    this.charts = specs.map((spec, k) => {
      const x = gap + k * (w + gap);
      const chart = new CanvasChart({ ctx: lctx, sx: 1, sy: 1 }, { dataset: {} }, spec, null, windowS, { font: FONT, text: MUTED, grid: '#e6ebf1', axis: '#7b8794' });
      chart.place({ x, y: CHART_TOP + 76, w, h: VIDEO_H - CHART_TOP - 84 }, s);
      return { spec, chart, x, w };
    });
  }

  draw(ctx: CanvasRenderingContext2D, s: FrameState): void {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, VIDEO_W, VIDEO_H);
    ctx.textBaseline = 'middle';
    // The head: the design, and the simulated clock.
    ctx.fillStyle = INK;
    ctx.font = `700 22px ${FONT}`;
    ctx.textAlign = 'left';
    ctx.fillText(this.scene.name, 20, HEAD_H / 2 + 4, VIDEO_W - 260);
    ctx.textAlign = 'right';
    ctx.font = `700 24px ${FONT}`;
    ctx.fillText(simTime(s.status.simMs), VIDEO_W - 20, HEAD_H / 2 + 4);
    ctx.textAlign = 'left';
    this.drawGraph(ctx, s);
    ctx.strokeStyle = LINE;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(0, GRAPH_BOTTOM + 6.5);
    ctx.lineTo(VIDEO_W, GRAPH_BOTTOM + 6.5);
    ctx.stroke();
    this.drawCharts(ctx, s);
  }

  private drawGraph(ctx: CanvasRenderingContext2D, s: FrameState): void {
    const nodes = this.scene.nodes;
    if (nodes.length === 0) return;
    // Fit the design's boxes into the area between the head and the charts.
    const minX = Math.min(...nodes.map((n) => n.x));
    const minY = Math.min(...nodes.map((n) => n.y));
    const maxX = Math.max(...nodes.map((n) => n.x + NODE_W));
    const maxY = Math.max(...nodes.map((n) => n.y + BOX_H));
    const areaW = VIDEO_W - 40;
    const areaH = GRAPH_BOTTOM - HEAD_H - 24;
    const k = Math.min(1.3, areaW / (maxX - minX), areaH / (maxY - minY));
    const ox = 20 + (areaW - (maxX - minX) * k) / 2 - minX * k;
    const oy = HEAD_H + 12 + (areaH - (maxY - minY) * k) / 2 - minY * k;
    const at = new Map(nodes.map((n) => [n.id, { x: ox + n.x * k, y: oy + n.y * k }]));
    const w = NODE_W * k;
    const fontPx = Math.max(16, Math.round(17 * Math.min(1, k)));
    const pad = 10;
    const lineH = fontPx * 1.35;
    // As tall as its four lines, whatever the zoom: the text does not grow with it.
    const h = 2 * pad + 4 * lineH;

    ctx.strokeStyle = '#8a9bb0';
    ctx.fillStyle = '#8a9bb0';
    ctx.lineWidth = 2;
    for (const e of this.scene.edges) {
      const a = at.get(e.from);
      const b = at.get(e.to);
      if (!a || !b) continue;
      const x0 = a.x + w;
      const y0 = a.y + h / 2;
      const x1 = b.x - 8;
      const y1 = b.y + h / 2;
      const bend = Math.max(30, Math.abs(x1 - x0) / 2);
      ctx.beginPath();
      ctx.moveTo(x0, y0);
      ctx.bezierCurveTo(x0 + bend, y0, x1 - bend, y1, x1, y1);
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(x1 + 8, y1);
      ctx.lineTo(x1 - 2, y1 - 6);
      ctx.lineTo(x1 - 2, y1 + 6);
      ctx.closePath();
      ctx.fill();
    }

    const snap = s.snapshot;
    for (const n of nodes) {
      const p = at.get(n.id)!;
      const index = s.indexOf.get(n.id);
      const health: Health = snap && index !== undefined ? this.parts.nodeHealth(s.history, snap, index) : 'idle';
      const color = HEALTH_COLOR[health];
      ctx.fillStyle = '#ffffff';
      ctx.strokeStyle = color;
      ctx.lineWidth = 2.5;
      ctx.beginPath();
      ctx.roundRect(p.x, p.y, w, h, 8);
      ctx.fill();
      ctx.stroke();
      const line = (text: string, row: number, font: string, fill: string) => {
        ctx.font = font;
        ctx.fillStyle = fill;
        ctx.fillText(text, p.x + pad, p.y + pad + lineH / 2 + row * lineH, w - 2 * pad);
      };
      line(n.label, 0, `700 ${fontPx + 1}px ${FONT}`, INK);
      line(n.type.replace(/-/g, ' '), 1, `600 16px ${FONT}`, MUTED);
      if (snap && index !== undefined) {
        const b = this.parts.nodeBase(index);
        const v = (f: number) => snap[b + f];
        const lost = (v(F.rejected) ?? 0) + (v(F.dropped) ?? 0) + (v(F.expired) ?? 0);
        const kind = v(F.kind);
        const cap = v(F.capacity) ?? 0;
        const main =
          kind === NODE_KIND_CODES.queue
            ? `${count(v(F.level))} / ${cap < 0 ? '∞' : count(cap)} waiting`
            : kind === NODE_KIND_CODES.service
              ? `${count(v(F.level))} / ${count(cap)} busy`
              : kind === NODE_KIND_CODES.producer
                ? `${formatValue(cap)}/s offered`
                : `${count(v(F.completed))} done`;
        line(`${main} · lost ${count(lost)}`, 2, `600 ${fontPx}px ${FONT}`, lost > 0 ? '#9b2c2c' : INK);
      }
      ctx.fillStyle = color;
      ctx.beginPath();
      const dotY = p.y + pad + lineH / 2 + 3 * lineH;
      ctx.arc(p.x + pad + 5, dotY, 5, 0, Math.PI * 2);
      ctx.fill();
      ctx.font = `600 ${fontPx}px ${FONT}`;
      ctx.fillStyle = INK;
      ctx.fillText(STATUS_TEXT[n.type][health], p.x + pad + 16, dotY, w - 2 * pad - 16);
    }
  }

  private drawCharts(ctx: CanvasRenderingContext2D, s: FrameState): void {
    const h = s.history;
    const last = h && h.count > 0 ? h.count - 1 : -1;
    for (const c of this.charts) {
      ctx.textAlign = 'left';
      ctx.font = `700 18px ${FONT}`;
      ctx.fillStyle = INK;
      ctx.fillText(`${c.spec.title} (${c.spec.unit})`, c.x + 4, CHART_TOP + 12, c.w);
      // The legend, wrapped onto a second line where it is wider than the chart.
      let x = c.x + 4;
      let y = CHART_TOP + 40;
      for (const l of c.spec.lines) {
        const value = h && last >= 0 ? formatValue(l.read(h, last, -1, s.indexOf)) : '–';
        const label = `${l.name} `;
        ctx.font = `500 16px ${FONT}`;
        const lw = ctx.measureText(label).width;
        ctx.font = `700 16px ${FONT}`;
        const vw = ctx.measureText(value).width;
        if (x > c.x + 4 && x + 22 + lw + vw > c.x + c.w) {
          x = c.x + 4;
          y += 22;
        }
        ctx.fillStyle = l.color;
        ctx.fillRect(x, y - 2, 16, 4);
        ctx.font = `500 16px ${FONT}`;
        ctx.fillStyle = MUTED;
        ctx.fillText(label, x + 22, y);
        ctx.font = `700 16px ${FONT}`;
        ctx.fillStyle = INK;
        ctx.fillText(value, x + 22 + lw, y);
        x += 22 + lw + vw + 18;
      }
      c.chart.draw(s);
    }
    ctx.drawImage(this.layer, 0, 0);
  }
}
