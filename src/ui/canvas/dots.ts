/**
 * Items moving along edges, sampled: how densely an edge is dotted grows with the logarithm of the
 * flow, so 1 and 50,000 items/s both animate smoothly and still look different. A dot reaching a
 * node that turns work away peels off in red with the probability that work is refused or dropped
 * there.
 */
import type { FrameState } from '../frames/frameStore';
import { lossFraction, outflowRate } from '../frames/derive';
import { pointAlong, type EdgeGeometry } from './edgeGeometry';

/** Most dots in flight on one edge. */
const MAX_DOTS = 64;
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

/** The two paths one edge's items are drawn into. */
export interface DotPaths {
  dots: SVGPathElement | null;
  peels: SVGPathElement | null;
}

interface EdgeDots {
  u: Float32Array;
  count: number;
  emit: number;
  peelDebt: number;
  peels: Peel[];
  /** What was last written to the edge's paths, to skip identical writes. */
  dotsD: string;
  peelsD: string;
}

const RADIUS = 4;
const PEEL_RADIUS = 5;

/** How full of dots an edge looks (0..1) for a flow of `itemsPerWallS`. */
export function dotDensity(itemsPerWallS: number): number {
  if (itemsPerWallS <= 0) return 0;
  return Math.min(1, Math.log10(1 + itemsPerWallS) / Math.log10(1 + FULL_FLOW));
}

export class DotAnimator {
  private readonly edges = new Map<string, EdgeDots>();
  private epoch = -1;
  private readonly pt = { x: 0, y: 0 };
  /** Items are still falling away: keep animating even while paused. */
  busy = false;

  update(dt: number, frames: FrameState, geoms: ReadonlyMap<string, EdgeGeometry>): void {
    if (frames.epoch !== this.epoch) {
      for (const e of this.edges.values()) {
        e.count = 0;
        e.peels = [];
      }
      this.epoch = frames.epoch;
    }
    const snap = frames.snapshot;
    const st = frames.status;
    const speed = st.playing ? (st.lagging || st.requestedSpeed === 'max' ? st.achievedSpeed : st.requestedSpeed) : 0;
    const outDegree = new Map<string, number>();
    for (const g of geoms.values()) outDegree.set(g.source, (outDegree.get(g.source) ?? 0) + 1);
    for (const [id, g] of geoms) {
      let e = this.edges.get(id);
      if (!e) {
        e = { u: new Float32Array(MAX_DOTS), count: 0, emit: Math.random(), peelDebt: 0, peels: [], dotsD: '', peelsD: '' };
        this.edges.set(id, e);
      }
      if (speed > 0 && snap) {
        const si = frames.indexOf.get(g.source);
        const ti = frames.indexOf.get(g.target);
        const flow = si === undefined ? 0 : outflowRate(frames.history, snap, si) / (outDegree.get(g.source) ?? 1);
        const loss = ti === undefined ? 0 : lossFraction(frames.history, snap, ti);
        this.advance(e, g, dt, dotDensity(flow * speed), loss);
      }
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
    for (const p of e.peels) {
      p.age += dt;
      p.vy += GRAVITY * dt;
      p.x += p.vx * dt;
      p.y += p.vy * dt;
    }
    e.peels = e.peels.filter((p) => p.age < PEEL_LIFE_S);
  }

  /** Writes each edge's dots and peeling items as circles in one path `d` each. */
  draw(geoms: ReadonlyMap<string, EdgeGeometry>, paths: ReadonlyMap<string, DotPaths>): void {
    for (const [id, g] of geoms) {
      const e = this.edges.get(id);
      const v = paths.get(id);
      if (!e || !v) continue;
      let d = '';
      for (let i = 0; i < e.count; i++) {
        pointAlong(g, e.u[i]!, this.pt);
        d += circle(this.pt.x, this.pt.y, RADIUS);
      }
      if (d !== e.dotsD && v.dots) {
        v.dots.setAttribute('d', d);
        e.dotsD = d;
      }
      let p = '';
      // Peeling items shrink as they fall away.
      for (const q of e.peels) p += circle(q.x, q.y, PEEL_RADIUS * (1 - 0.5 * (q.age / PEEL_LIFE_S)));
      if (p !== e.peelsD && v.peels) {
        v.peels.setAttribute('d', p);
        e.peelsD = p;
      }
    }
  }
}

function circle(x: number, y: number, r: number): string {
  const cx = Math.round(x * 10) / 10, cy = Math.round(y * 10) / 10, rr = Math.round(r * 10) / 10;
  return `M${cx - rr},${cy}a${rr},${rr} 0 1,0 ${2 * rr},0a${rr},${rr} 0 1,0 ${-2 * rr},0`;
}
