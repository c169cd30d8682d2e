/**
 * What the page tells the paint worker (ui/paint/paint.worker.ts), which animates the edge dots on
 * a canvas handed over with transferControlToOffscreen. Plain data, posted only when it changes
 * (the view, the geometry) or once per arriving frame (the flows): never per drawn frame.
 */
import type { EdgeGeometry } from '../canvas/edgeGeometry';
import type { NodeType } from '../../engine/index';
import type { Frame } from '../../worker/protocol';

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
  /**
   * Every edge's curve, and every node's box (x, y, w, h in flow coordinates) to keep clear;
   * `version` numbers the geometry, which the flows refer to.
   */
  | { type: 'geometry'; version: number; edges: [string, EdgeGeometry][]; boxes: number[] }
  /**
   * Per edge, in the order of geometry `geometry`'s edges: items/s along it, then the share lost
   * where it ends (rates[2k], rates[2k + 1]). A typed array, transferred: a frame's flows cost the
   * page one small allocation, where an object keyed by edge id cost it a dictionary per frame.
   * `speed` is simulated seconds per wall second, 0 while paused.
   */
  | { type: 'flow'; epoch: number; speed: number; geometry: number; rates: Float64Array };

// ---- the charts (ui/paint/chartsRenderer.ts): the charts panel's one canvas, drawn in a worker ----

/** Where a chart draws: CSS px from the canvas's top left corner. */
export interface PlotRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What the page's stylesheet says the charts' text and axes look like. */
export interface ChartStyle {
  font: string;
  text: string;
  grid: string;
  axis: string;
}

/**
 * Which chart: the charts of `kind` for the design `shape` (chartsFor in charts/metrics.ts, with
 * the design as shapeKey gives it), the one whose key is `key`. Chart specs hold functions (the
 * line readers), so the worker builds them itself from these names.
 */
export interface ChartRef {
  kind: ChartKind;
  shape: string;
  key: string;
}

export type ChartKind = 'system' | 'calls' | NodeType;

export type ChartsMsg =
  | { type: 'canvas'; canvas: OffscreenCanvas }
  /** The canvas's size in device pixels and device px per CSS px on each axis (assigning clears it). */
  | { type: 'surface'; devW: number; devH: number; sx: number; sy: number }
  | { type: 'add'; id: number; chart: ChartRef; nodeId: string | null; windowS: number; style: ChartStyle }
  | { type: 'place'; id: number; rect: PlotRect }
  | { type: 'remove'; id: number }
  /** A copy of a frame the page received (or, for a renderer that starts mid-run, its whole state). */
  | { type: 'frame'; frame: Frame }
  /** The simulation worker restarted: forget the history. */
  | { type: 'clear' };

/** What the charts renderer tells the page: a chart's drawing as the tests read it (data-path, ...). */
export interface ChartsOut {
  id: number;
  dataset: Record<string, string | undefined>;
}
