/**
 * Animates the edge dots on their own clock and canvas: in the paint worker when the browser can
 * hand a canvas to a worker (every current one can), on the page otherwise. Fed by DotsMsg and the
 * paint host's frames (paintHost.ts), from which it works out each edge's flow; needs nothing of
 * the DOM, so the same code runs in both places.
 *
 * Why a worker: bench:ui (4x-throttled Chromium, 30 nodes) spent about a sixth of the page's main
 * thread drawing dots and handing the canvas to the compositor 30 times a second. A canvas drawn
 * in a worker reaches the compositor without the page's main thread, which then renders a frame
 * only when its own DOM changes.
 */
import { DotAnimator, type DotInput } from '../canvas/dots';
import { dotInput } from '../canvas/dotInput';
import type { FrameState } from '../frames/frameStore';
import type { EdgeGeometry } from '../canvas/edgeGeometry';
import type { Ctx2D as Ctx, PaintSurface as Surface, DotsMsg, PaneView } from './protocol';
import { resizes, sizeToPane } from './pane';

/** Dots step about 30 times a second: smooth enough, and half the drawing of every display frame. */
const STEP_MS = 1000 / 30 - 4;
/** Room cut out around a node's box (its border and the selection glow). */
const NODE_MARGIN = 2;


export class DotsRenderer {
  private canvas: Surface | null = null;
  private ctx: Ctx | null = null;
  private readonly anim = new DotAnimator();
  private geoms = new Map<string, EdgeGeometry>();
  private latest: FrameState | null = null;
  private boxes: number[] = [];
  private pane: PaneView = { tx: 0, ty: 0, zoom: 1, w: 0, h: 0, dpr: 1 };
  private readonly visible = { x0: 0, y0: 0, x1: 0, y1: 0 };
  private input: DotInput = { epoch: -1, speed: 0, flow: {}, loss: {} };
  private raf = 0;
  /** Last step's time (ms), or -1 when the dots stand still. */
  private last = -1;
  private dirty = false;

  constructor(private readonly frame: (cb: (t: number) => void) => number) {}

  /** New frames: the flows along every edge, from their rates. */
  frames(s: FrameState): void {
    this.latest = s;
    this.input = dotInput(s, this.geoms);
    this.dirty = true;
    this.wake();
  }

  handle(m: DotsMsg): void {
    switch (m.type) {
      case 'canvas':
        this.canvas = m.canvas;
        this.ctx = m.canvas.getContext('2d');
        this.resize();
        break;
      case 'view': {
        const resized = resizes(this.pane, m.view);
        this.pane = m.view;
        const { tx, ty, zoom, w, h } = m.view;
        this.visible.x0 = -tx / zoom;
        this.visible.y0 = -ty / zoom;
        this.visible.x1 = this.visible.x0 + w / zoom;
        this.visible.y1 = this.visible.y0 + h / zoom;
        if (resized) this.resize();
        break;
      }
      case 'geometry':
        this.geoms = new Map(m.edges);
        this.boxes = m.boxes;
        if (this.latest) this.input = dotInput(this.latest, this.geoms);
        break;
      case 'detach':
        this.canvas = null;
        this.ctx = null;
        return;
    }
    this.dirty = true;
    this.wake();
  }

  /** Whether a step is pending (for tests and the page fallback). */
  get running(): boolean {
    return this.raf !== 0;
  }

  private resize(): void {
    sizeToPane(this.canvas, this.pane);
  }

  private wake(): void {
    if (!this.raf) this.raf = this.frame(this.tick);
  }

  private readonly tick = (t: number): void => {
    this.raf = 0;
    const moving = this.input.speed > 0 || this.anim.busy;
    if (moving) {
      if (this.last >= 0 && t - this.last < STEP_MS) {
        this.wake();
        return;
      }
      const dt = this.last < 0 ? 0 : Math.min((t - this.last) / 1000, 0.1);
      this.last = t;
      this.anim.update(dt, this.input, this.geoms);
      this.draw();
      this.dirty = false;
      // Paused with nothing falling: no more steps until something changes.
      if (this.input.speed > 0 || this.anim.busy) this.wake();
      else this.last = -1;
    } else {
      this.last = -1;
      if (this.dirty) this.draw();
      this.dirty = false;
    }
  };

  private draw(): void {
    const ctx = this.ctx;
    const c = this.canvas;
    if (!ctx || !c) return;
    const { tx, ty, zoom, dpr } = this.pane;
    const v = this.visible;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, c.width, c.height);
    ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
    this.anim.draw(ctx, this.geoms, v);
    const b = this.boxes;
    for (let i = 0; i + 3 < b.length; i += 4) {
      const x = b[i]!, y = b[i + 1]!, w = b[i + 2]!, h = b[i + 3]!;
      if (w > 0 && x < v.x1 && y < v.y1 && x + w > v.x0 && y + h > v.y0) ctx.clearRect(x - NODE_MARGIN, y - NODE_MARGIN, w + 2 * NODE_MARGIN, h + 2 * NODE_MARGIN);
    }
  }
}
