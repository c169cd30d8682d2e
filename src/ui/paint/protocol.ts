/**
 * What the page tells the paint worker (ui/paint/paint.worker.ts), which animates the edge dots on
 * a canvas handed over with transferControlToOffscreen. Plain data, posted only when it changes
 * (the view, the geometry) or once per arriving frame (the flows): never per drawn frame.
 */
import type { DotInput } from '../canvas/dots';
import type { EdgeGeometry } from '../canvas/edgeGeometry';

/** The visible pane: xyflow's pan and zoom, its size in CSS pixels, and the device pixel ratio. */
export interface PaneView {
  tx: number;
  ty: number;
  zoom: number;
  w: number;
  h: number;
  dpr: number;
}

export type PaintMsg =
  | { type: 'canvas'; canvas: OffscreenCanvas }
  | { type: 'view'; view: PaneView }
  /** Every edge's curve, and every node's box (x, y, w, h in flow coordinates) to keep clear. */
  | { type: 'geometry'; edges: [string, EdgeGeometry][]; boxes: number[] }
  | { type: 'flow'; input: DotInput };
