/**
 * Draws the nodes' live values (their level bars, worker slots, counters and lines of numbers) on
 * a canvas over each node, on a clock of its own: in the paint worker when the browser can hand a
 * canvas to a worker, on the page otherwise (paintClient.ts). The page measures where each part
 * lies and how its stylesheet draws it (canvas/nodes/nodeSurface.ts); this draws the parts with
 * the values the page posts. Needs nothing of the DOM.
 *
 * Why: bench:ui (4x-throttled Chromium, 30 nodes) showed a frame that renders new numbers on the
 * nodes as the page's longest task, whatever the schedule: laying out, painting and layerizing
 * some three hundred changed boxes. Drawn here, new values reach the screen without the page's
 * main thread, ten times a second; the DOM keeps a copy of the text (for assistive technology and
 * the tests), not painted, written less often (frames/painter.ts).
 */
import type { CellLook, Ctx2D as Ctx, DrawnPart, NodesMsg, PaintSurface as Surface, PaneView, PartValue } from './protocol';
import { resizes, sizeToPane } from './pane';

/** Text is drawn down to this fraction of its width to fit its box (then cut off). */
const MIN_SQUEEZE = 0.75;

interface NodeParts {
  ox: number;
  oy: number;
  parts: DrawnPart[];
  values: PartValue[];
}

/** A text's baseline below its box's top: as CSS puts a line of `lineHeight` (half-leading above). */
function baseline(ctx: Ctx, p: Extract<DrawnPart, { kind: 'text' }>, cache: Map<string, number>): number {
  let b = cache.get(p.font);
  if (b === undefined) {
    const m = ctx.measureText('0');
    const asc = Math.round(m.fontBoundingBoxAscent ?? m.actualBoundingBoxAscent ?? 0);
    const desc = Math.round(m.fontBoundingBoxDescent ?? m.actualBoundingBoxDescent ?? 0);
    b = asc - (asc + desc) / 2;
    cache.set(p.font, b);
  }
  return p.padTop + p.lineHeight / 2 + b;
}

function roundRect(ctx: Ctx, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  if (r > 0 && typeof ctx.roundRect === 'function') ctx.roundRect(x, y, w, h, Math.min(r, w / 2, h / 2));
  else ctx.rect(x, y, w, h);
}

/** Diagonal stripes (CSS's repeating-linear-gradient at 45deg) over x..x+w, y..y+h: `on` px of colour every `period`. */
function stripes(ctx: Ctx, x: number, y: number, w: number, h: number, on: number, period: number, color: string): void {
  ctx.fillStyle = color;
  ctx.beginPath();
  // Bands run from bottom left to top right, as a 45deg gradient's colour stops do.
  const step = period * Math.SQRT2;
  const band = on * Math.SQRT2;
  for (let s = x - h; s < x + w; s += step) {
    ctx.moveTo(s, y + h);
    ctx.lineTo(s + band, y + h);
    ctx.lineTo(s + band + h, y);
    ctx.lineTo(s + h, y);
    ctx.closePath();
  }
  ctx.fill();
}

function drawCell(ctx: Ctx, p: Extract<DrawnPart, { kind: 'cell' }>, look: CellLook): void {
  const { x, y, w, h, radius, border } = p;
  ctx.save();
  roundRect(ctx, x, y, w, h, radius);
  ctx.clip();
  if (look.fill) {
    ctx.fillStyle = look.fill;
    ctx.fillRect(x, y, w, h);
  }
  if (look.stripes) stripes(ctx, x, y, w, h, look.stripes.on, look.stripes.period, look.stripes.color);
  ctx.restore();
  if (border > 0) {
    ctx.strokeStyle = look.border;
    ctx.lineWidth = border;
    roundRect(ctx, x + border / 2, y + border / 2, w - border, h - border, Math.max(0, radius - border / 2));
    ctx.stroke();
  }
}

export class NodesRenderer {
  private canvas: Surface | null = null;
  private ctx: Ctx | null = null;
  private readonly nodes = new Map<string, NodeParts>();
  private pane: PaneView = { tx: 0, ty: 0, zoom: 1, w: 0, h: 0, dpr: 1 };
  /** Every node's box, flow coordinates, by id. */
  private boxes = new Map<string, [number, number, number, number]>();
  private held = new Set<string>();
  private raf = 0;
  private readonly baselines = new Map<string, number>();

  constructor(private readonly frame: (cb: (t: number) => void) => number) {}

  handle(m: NodesMsg): void {
    switch (m.type) {
      case 'canvas':
        this.canvas = m.canvas;
        this.ctx = m.canvas.getContext('2d');
        this.resize();
        break;
      case 'layout': {
        const n = this.nodes.get(m.node);
        const values = n && n.values.length === m.parts.length ? n.values : m.parts.map((p) => (p.kind === 'bar' ? 0 : ''));
        this.nodes.set(m.node, { ox: m.ox, oy: m.oy, parts: m.parts, values });
        break;
      }
      case 'values':
        for (const [id, values] of m.nodes) {
          const n = this.nodes.get(id);
          if (n) n.values = values;
        }
        break;
      case 'held':
        this.held = new Set(m.nodes);
        break;
      case 'remove':
        this.nodes.delete(m.node);
        break;
      case 'detach':
        this.canvas = null;
        this.ctx = null;
        return;
    }
    this.wake();
  }

  /** The pane moved or changed size (the dots' 'view'). */
  view(v: PaneView): void {
    const resized = resizes(this.pane, v);
    this.pane = v;
    if (resized) this.resize();
    this.wake();
  }

  /** Nodes moved (the dots' 'geometry'). */
  geometry(ids: readonly string[], boxes: readonly number[]): void {
    this.boxes = new Map(ids.map((id, i) => [id, [boxes[4 * i]!, boxes[4 * i + 1]!, boxes[4 * i + 2]!, boxes[4 * i + 3]!]]));
    this.wake();
  }

  private resize(): void {
    sizeToPane(this.canvas, this.pane);
  }

  private wake(): void {
    if (!this.raf) this.raf = this.frame(this.tick);
  }

  private readonly tick = (): void => {
    this.raf = 0;
    this.draw();
  };

  private draw(): void {
    const { canvas: c, ctx } = this;
    if (!ctx || !c) return;
    const { tx, ty, zoom, dpr, w, h } = this.pane;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, c.width, c.height);
    const k = dpr * zoom;
    for (const [id, n] of this.nodes) {
      const box = this.boxes.get(id);
      if (!box || this.held.has(id)) continue;
      // The parts' origin on the pane, CSS px; nodes off the pane are not drawn.
      const x = tx + zoom * (box[0] + n.ox);
      const y = ty + zoom * (box[1] + n.oy);
      if (x > w || y > h || x + zoom * box[2] < 0 || y + zoom * box[3] < 0) continue;
      ctx.setTransform(k, 0, 0, k, dpr * x, dpr * y);
      this.drawParts(ctx, n);
    }
  }

  private drawParts(ctx: Ctx, n: NodeParts): void {
    for (let i = 0; i < n.parts.length; i++) {
      const p = n.parts[i]!;
      const v = n.values[i];
      if (p.w <= 0 || p.h <= 0) continue; // not laid out: hidden
      switch (p.kind) {
        case 'bar': {
          const f = typeof v === 'number' && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
          if (f <= 0) break;
          ctx.save();
          roundRect(ctx, p.x, p.y, p.w, p.h, p.radius);
          ctx.clip();
          ctx.globalAlpha = p.alpha;
          ctx.fillStyle = p.color;
          ctx.fillRect(p.x, p.y, p.w * f, p.h);
          if (p.striped) stripes(ctx, p.x, p.y, p.w * f, p.h, 6, 12, 'rgba(255, 255, 255, 0.35)');
          ctx.restore();
          break;
        }
        case 'text': {
          if (typeof v !== 'string' || v === '') break;
          ctx.save();
          ctx.beginPath();
          ctx.rect(p.x, p.y, p.w, p.h);
          ctx.clip();
          ctx.font = p.font;
          ctx.fillStyle = p.color;
          ctx.textBaseline = 'alphabetic';
          const x = p.x + p.padLeft;
          const y = p.y + baseline(ctx, p, this.baselines);
          // A number a little too wide for its room is drawn narrower, not cut off.
          const room = p.w - p.padLeft;
          const wide = ctx.measureText(v).width;
          const squeeze = wide > room ? Math.max(MIN_SQUEEZE, room / wide) : 1;
          if (squeeze < 1) {
            ctx.translate(x, y);
            ctx.scale(squeeze, 1);
            ctx.fillText(v, 0, 0);
          } else ctx.fillText(v, x, y);
          ctx.restore();
          break;
        }
        case 'cell': {
          const look = typeof v === 'string' ? p.looks[v] : undefined;
          if (look) drawCell(ctx, p, look);
          break;
        }
      }
    }
  }
}
