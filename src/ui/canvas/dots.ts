/**
 * Items moving along edges, sampled: how densely an edge is dotted grows with the logarithm of the
 * flow, so 1 and 50,000 items/s both animate smoothly and still look different. A dot reaching a
 * node that turns work away peels off in red with the probability that work is refused or dropped
 * there. All of them are drawn on one canvas (DotsLayer, painted by ui/paint), at most MAX_TOTAL_DOTS
 * at a time.
 */
import { pointAlong, type EdgeGeometry } from './edgeGeometry';

/** Most dots in flight on one edge. */
const MAX_DOTS = 64;
/**
 * Most dots in flight on the whole canvas: a big design thins every edge alike rather than cost
 * more per frame (density still says which edges carry more).
 */
export const MAX_TOTAL_DOTS = 1200;
/** Flow coordinates between dots on a fully dotted edge. */
const SPACING = 13;
/** Flow coordinates per wall second. */
const PACE = 120;
const MIN_TRIP_S = 0.8;
const PEEL_LIFE_S = 1.4;
const GRAVITY = 220;
/** Flow (items per wall second) that dots an edge fully; the scale is logarithmic from 1. */
const FULL_FLOW = 10_000;

interface Peel {
  x: number;
  y: number;
  vx: number;
  vy: number;
  age: number;
}

interface EdgeDots {
  u: Float32Array;
  count: number;
  emit: number;
  peelDebt: number;
  peels: Peel[];
  /** This update's flow and loss, kept between the two passes of update(). */
  density: number;
  loss: number;
}

const RADIUS = 4;
const PEEL_RADIUS = 5;
const DOT_COLOR = '#2b6cb0';
const PEEL_COLOR = '#d64545';

/** How full of dots an edge looks (0..1) for a flow of `itemsPerWallS`. */
export function dotDensity(itemsPerWallS: number): number {
  if (itemsPerWallS <= 0) return 0;
  return Math.min(1, Math.log10(1 + itemsPerWallS) / Math.log10(1 + FULL_FLOW));
}

/**
 * What the dots need of the latest frame: how fast the run goes and, per edge id, the flow along
 * it (items per simulated second) and the share of items lost where it arrives. Plain data, so it
 * can be posted to the paint worker.
 */
export interface DotInput {
  epoch: number;
  /** Simulated seconds per wall second; 0 while paused. */
  speed: number;
  flow: Record<string, number>;
  loss: Record<string, number>;
}

export class DotAnimator {
  private readonly edges = new Map<string, EdgeDots>();
  private epoch = -1;
  private readonly pt = { x: 0, y: 0 };
  /** Items are still falling away: keep animating even while paused. */
  busy = false;

  /** Dots in flight on every edge together. */
  get inFlight(): number {
    let n = 0;
    for (const e of this.edges.values()) n += e.count;
    return n;
  }

  update(dt: number, input: DotInput, geoms: ReadonlyMap<string, EdgeGeometry>): void {
    if (input.epoch !== this.epoch) {
      for (const e of this.edges.values()) {
        e.count = 0;
        e.peels = [];
      }
      this.epoch = input.epoch;
    }
    const speed = input.speed;
    // First pass: how dense each edge wants to be; then all of them thinned alike to the cap.
    let wanted = 0;
    for (const [id, g] of geoms) {
      let e = this.edges.get(id);
      if (!e) {
        e = { u: new Float32Array(MAX_DOTS), count: 0, emit: Math.random(), peelDebt: 0, peels: [], density: 0, loss: 0 };
        this.edges.set(id, e);
      }
      e.density = 0;
      e.loss = 0;
      if (speed > 0) {
        e.loss = input.loss[id] ?? 0;
        e.density = dotDensity((input.flow[id] ?? 0) * speed);
        wanted += e.density * Math.min(MAX_DOTS, g.length / SPACING);
      }
    }
    const thin = wanted > MAX_TOTAL_DOTS ? MAX_TOTAL_DOTS / wanted : 1;
    for (const [id, g] of geoms) {
      const e = this.edges.get(id)!;
      if (speed > 0) this.advance(e, g, dt, e.density * thin, e.loss);
      this.agePeels(e, dt);
    }
    for (const id of this.edges.keys()) if (!geoms.has(id)) this.edges.delete(id);
    this.busy = false;
    for (const e of this.edges.values()) if (e.peels.length > 0) this.busy = true;
  }

  private advance(e: EdgeDots, g: EdgeGeometry, dt: number, density: number, loss: number): void {
    const trip = Math.max(MIN_TRIP_S, g.length / PACE);
    const du = dt / trip;
    const rate = (density * Math.min(MAX_DOTS, g.length / SPACING)) / trip;
    let w = 0;
    for (let i = 0; i < e.count; i++) {
      const u = e.u[i]! + du;
      if (u >= 1) {
        e.peelDebt += loss;
        if (e.peelDebt >= 1) {
          e.peelDebt -= 1;
          e.peels.push({ x: g.x3 - 8, y: g.y3, vx: -15 - 25 * Math.random(), vy: -50 - 30 * Math.random(), age: 0 });
        }
        continue;
      }
      e.u[w++] = u;
    }
    e.count = w;
    e.emit += rate * dt;
    while (e.emit >= 1) {
      e.emit -= 1;
      // The remainder says how long ago this dot set off, so dots stay evenly spaced.
      if (e.count < MAX_DOTS) e.u[e.count++] = Math.min(0.999, e.emit / (rate * trip));
    }
  }

  private agePeels(e: EdgeDots, dt: number): void {
    if (e.peels.length === 0) return;
    let w = 0;
    for (const p of e.peels) {
      p.age += dt;
      p.vy += GRAVITY * dt;
      p.x += p.vx * dt;
      p.y += p.vy * dt;
      if (p.age < PEEL_LIFE_S) e.peels[w++] = p;
    }
    e.peels.length = w;
  }

  /**
   * Draws every edge's dots, then the peeling items, each colour as one path filled once. The
   * context's transform maps flow coordinates to the canvas; `view` is the visible part of the flow
   * (flow coordinates), so dots out of sight cost nothing.
   */
  draw(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, geoms: ReadonlyMap<string, EdgeGeometry>, view: { x0: number; y0: number; x1: number; y1: number }): void {
    const pad = PEEL_RADIUS + 1;
    ctx.beginPath();
    for (const [id, g] of geoms) {
      const e = this.edges.get(id);
      if (!e || e.count === 0) continue;
      for (let i = 0; i < e.count; i++) {
        pointAlong(g, e.u[i]!, this.pt);
        const { x, y } = this.pt;
        if (x < view.x0 - pad || x > view.x1 + pad || y < view.y0 - pad || y > view.y1 + pad) continue;
        ctx.moveTo(x + RADIUS, y);
        ctx.arc(x, y, RADIUS, 0, 2 * Math.PI);
      }
    }
    ctx.fillStyle = DOT_COLOR;
    ctx.fill();
    if (!this.busy) return;
    ctx.beginPath();
    for (const e of this.edges.values()) {
      // Peeling items shrink as they fall away.
      for (const q of e.peels) {
        const r = PEEL_RADIUS * (1 - 0.5 * (q.age / PEEL_LIFE_S));
        ctx.moveTo(q.x + r, q.y);
        ctx.arc(q.x, q.y, r, 0, 2 * Math.PI);
      }
    }
    ctx.fillStyle = PEEL_COLOR;
    ctx.fill();
  }
}
