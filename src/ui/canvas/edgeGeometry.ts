/**
 * Where each edge runs on the canvas, shared between the SVG edge (which draws the line) and the
 * dots overlay (which animates items along it). Flow coordinates, not screen pixels.
 */

/** A cubic Bézier from a right-hand source handle to a left-hand target handle, as xyflow draws it. */
export interface EdgeGeometry {
  source: string;
  target: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  x3: number;
  y3: number;
  path: string;
  /** Cumulative arc length at LUT_STEPS + 1 evenly spaced parameter values. */
  lut: Float32Array;
  length: number;
}

const LUT_STEPS = 24;
/** xyflow's default bezier curvature, so our path matches its handles and hit areas. */
const CURVATURE = 0.25;

function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : CURVATURE * 25 * Math.sqrt(-distance);
}

function bezierPoint(g: EdgeGeometry, t: number, out: { x: number; y: number }): void {
  const m = 1 - t;
  const a = m * m * m, b = 3 * m * m * t, c = 3 * m * t * t, d = t * t * t;
  out.x = a * g.x0 + b * g.x1 + c * g.x2 + d * g.x3;
  out.y = a * g.y0 + b * g.y1 + c * g.y2 + d * g.y3;
}

export function makeGeometry(source: string, target: string, sx: number, sy: number, tx: number, ty: number): EdgeGeometry {
  const x1 = sx + controlOffset(tx - sx);
  const x2 = tx - controlOffset(tx - sx);
  const g: EdgeGeometry = {
    source,
    target,
    x0: sx,
    y0: sy,
    x1,
    y1: sy,
    x2,
    y2: ty,
    x3: tx,
    y3: ty,
    path: `M${sx},${sy} C${x1},${sy} ${x2},${ty} ${tx},${ty}`,
    lut: new Float32Array(LUT_STEPS + 1),
    length: 0,
  };
  const p = { x: sx, y: sy };
  let px = sx, py = sy, len = 0;
  for (let i = 1; i <= LUT_STEPS; i++) {
    bezierPoint(g, i / LUT_STEPS, p);
    len += Math.hypot(p.x - px, p.y - py);
    g.lut[i] = len;
    px = p.x;
    py = p.y;
  }
  g.length = len;
  return g;
}

/** The point at fraction `u` (0..1) of the edge's length, so dots move at an even pace. */
export function pointAlong(g: EdgeGeometry, u: number, out: { x: number; y: number }): void {
  const want = Math.min(1, Math.max(0, u)) * g.length;
  const lut = g.lut;
  let i = 1;
  while (i < LUT_STEPS && lut[i]! < want) i++;
  const a = lut[i - 1]!, b = lut[i]!;
  const f = b > a ? (want - a) / (b - a) : 0;
  bezierPoint(g, (i - 1 + f) / LUT_STEPS, out);
}

const registry = new Map<string, EdgeGeometry>();
const listeners = new Set<() => void>();
const changed = () => {
  for (const fn of listeners) fn();
};

/** Where each edge on the canvas runs now, by edge id (edges publish, the dots layer reads). */
export const edgeGeometries = {
  set(id: string, g: EdgeGeometry): void {
    registry.set(id, g);
    changed();
  },
  delete(id: string): void {
    registry.delete(id);
    changed();
  },
  all(): ReadonlyMap<string, EdgeGeometry> {
    return registry;
  },
  /** Called after any edge moved, appeared or went away (a dragged node, paused or not). */
  subscribe(fn: () => void): () => void {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
};
