/**
 * What the page tells the paint worker (ui/paint/paint.worker.ts), which draws the edge dots and
 * the charts on canvases handed over with transferControlToOffscreen: plain data, posted when it
 * changes, and the frames the page received, merged to about ten a second (paintClient.ts).
 */
import type { EdgeGeometry } from '../canvas/edgeGeometry';
import type { ChartKind } from '../charts/metrics';
import type { Frame } from '../../worker/protocol';

/** A 2D context: an OffscreenCanvas's in the paint worker, a canvas element's on the page. */
export type Ctx2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/** What a renderer draws on: the OffscreenCanvas handed over, or (fallback) the canvas itself. */
export interface PaintSurface {
  width: number;
  height: number;
  getContext(id: '2d'): Ctx2D | null;
}

/** The visible pane: xyflow's pan and zoom, its size in CSS pixels, and the device pixel ratio. */
export interface PaneView {
  tx: number;
  ty: number;
  zoom: number;
  w: number;
  h: number;
  dpr: number;
}

/** To the dots renderer (dotsRenderer.ts). Posted only when something changes, never per drawn frame. */
export type DotsMsg =
  | { type: 'canvas'; canvas: OffscreenCanvas }
  | { type: 'view'; view: PaneView }
  /** Every edge's curve, and every node's box (x, y, w, h in flow coordinates) to keep clear, with the nodes' ids. */
  | { type: 'geometry'; edges: [string, EdgeGeometry][]; boxes: number[]; ids: string[] }
  /** Its canvas is going (the canvas view unmounted). */
  | { type: 'detach' };

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
  /** The axes' text size, CSS px (present mode's is bigger; 13 when absent). */
  px?: number;
  text: string;
  grid: string;
  axis: string;
}

/**
 * Which chart: the charts of `kind` for the design `shape` (chartsFor in charts/metrics.ts, with
 * the design as shapeKey gives it), the one whose key is `key`. Chart specs hold functions (the
 * line readers), so the worker builds them itself from these names.
 */
export type { ChartKind };

export interface ChartRef {
  kind: ChartKind;
  shape: string;
  key: string;
}

export type ChartsMsg =
  | { type: 'canvas'; canvas: OffscreenCanvas }
  /** The canvas's size in device pixels and device px per CSS px on each axis (assigning clears it). */
  | { type: 'surface'; devW: number; devH: number; sx: number; sy: number }
  | { type: 'add'; id: number; chart: ChartRef; nodeId: string | null; windowS: number; style: ChartStyle }
  | { type: 'place'; id: number; rect: PlotRect }
  | { type: 'remove'; id: number }
  /** Its canvas is going (the charts panel unmounted). */
  | { type: 'detach' };

// ---- the nodes' live values (ui/paint/nodesRenderer.ts): a canvas over each node, drawn in a worker ----

/**
 * A part of a node drawn on its canvas rather than by the DOM, where the page's stylesheet put
 * it: x, y, w, h in CSS px from the node canvas's top left corner, and its look as computed there.
 * - 'text': a line of text (value: the string), clipped to its box.
 * - 'bar': a level bar filling its box from the left (value: the fraction full).
 * - 'cell': a worker slot, a small box whose look follows its state (value: the state's name).
 */
export type DrawnPart =
  | { kind: 'text'; x: number; y: number; w: number; h: number; font: string; color: string; padLeft: number; padTop: number; lineHeight: number }
  | { kind: 'bar'; x: number; y: number; w: number; h: number; color: string; alpha: number; radius: number; striped: boolean }
  | { kind: 'cell'; x: number; y: number; w: number; h: number; radius: number; border: number; looks: Record<string, CellLook> };

/** How a cell in one state looks: its fill, diagonal stripes over it (`on` px of colour in every `period`), its border. */
export interface CellLook {
  fill: string | null;
  stripes: { color: string; on: number; period: number } | null;
  border: string;
}

/** A part's value: the text, the fraction full, the cell's state. */
export type PartValue = string | number;

/**
 * To the nodes renderer. Its canvas lies over the pane as the dots' does (same view, same node
 * boxes: it reads the dots' 'view' and 'geometry'); each node's parts are placed from its box.
 */
export type NodesMsg =
  | { type: 'canvas'; canvas: OffscreenCanvas }
  /**
   * Node `node`'s drawn parts (their values start blank): `ox`, `oy` is where the parts' origin
   * lies in the node's box (flow px; the parts are in the node's own CSS px).
   */
  | { type: 'layout'; node: string; ox: number; oy: number; parts: DrawnPart[] }
  /** New values, for the nodes whose values changed: [node, every part's value]. */
  | { type: 'values'; nodes: [string, PartValue[]][] }
  /** Nodes the DOM draws for now (being dragged: the canvas would trail them). */
  | { type: 'held'; nodes: string[] }
  | { type: 'remove'; node: string }
  /** Its canvas is going (the canvas view unmounted). */
  | { type: 'detach' };

export type PaintMsg =
  | { to: 'dots'; msg: DotsMsg }
  | { to: 'charts'; msg: ChartsMsg }
  | { to: 'nodes'; msg: NodesMsg }
  /**
   * Frames the page received, merged (or, for a worker that starts mid-run, all the page holds):
   * both renderers read the one FrameBook they go into. null: the simulation worker restarted,
   * forget the history.
   */
  | { to: 'frames'; frame: Frame | null };

/**
 * What the charts renderer tells the page, in one message for every chart whose drawing changed:
 * each one's drawing as the tests read it (data-path, ...).
 */
export interface ChartsOut {
  charts: { id: number; dataset: Record<string, string | undefined> }[];
}
