/**
 * The one clock for the page's live DOM text. Per-frame data arrives about 30 times a second. Who
 * writes when follows what bench:ui measured on a 4x-throttled Chromium (see bench/ui.bench.ts
 * --trace). What is drawn on canvases (the edge dots, the charts, the nodes' live values) is drawn
 * in the paint worker (ui/paint) on clocks of its own, so that neither the drawing nor handing a
 * canvas to the compositor costs the page's main thread.
 *
 * - 'canvas' painters (the nodes, and by default any useFrames caller) all write together, at
 *   most DOM_HZ times a second. A frame that renders changed DOM text pays a large fixed cost
 *   (style, layout and paint walks, and a re-layerization of the whole page) however little
 *   changed, so the writes are not spread thinly over frames (measured: twice the main thread
 *   time). They run in a task of their own just after a tick, so that the next display frame
 *   renders them and nothing else: neither the script nor the canvas work adds to that frame.
 *   When it does not fit in a display frame (a slow machine, a big design), a round of writes
 *   comes only every SLOW_DOM_MS, in SLOW_DOM_PARTS halves rendered by two frames, so that long
 *   frames stay rare and none is a long task (over 50 ms), while dots and charts keep moving.
 * - Values drawn on a canvas instead of by the DOM (liveDom.drawBy: the nodes' bars, slots and
 *   numbers, canvas/nodes/nodeSurface.ts) take every frame DOM_HZ times a second all the same:
 *   between the rounds of DOM writes come rounds of the same painters with DOM writes off
 *   (liveDom.canvasesOnly), which cost script and one message, no rendering. Their DOM copies
 *   (not painted) are written once a second while playing.
 * - 'text' painters (a few lines: the clock, chart legends) keep DOM_HZ all along, in small tasks
 *   of their own, and join the 'canvas' round when both are due.
 *
 * Paused (a step, an edit), frames come one at a time and are shown at once. Nothing here touches
 * React state.
 */
import { anyDrawn, canvasesOnly } from '../liveDom';
import { frameStore, type FrameState } from './frameStore';

const DOM_HZ = 10;
const FAST_DOM_MS = 1000 / DOM_HZ - 4;
const SLOW_DOM_MS = 1000;
/** In slow mode a round of DOM writes is split over this many frames, each kept under a long task. */
const SLOW_DOM_PARTS = 2;
/** A frame rendering DOM writes longer than this (rAF to rAF, ms) did not fit a display frame. */
const LONG_FRAME_MS = 25;

/**
 * 'canvas': DOM text that is costly to render all at once (the nodes: some hundred boxes).
 * 'text': a few lines of DOM text (the clock, chart legends), cheap enough to keep at DOM_HZ
 * when the nodes' writes slow down; it joins their writes when both are due.
 */
export type Lane = 'canvas' | 'text';

type Painter = (s: FrameState) => void;

interface Entry {
  paint: Painter;
  /** frameStore version last painted. */
  version: number;
  /** frameStore version last painted on the canvases (liveDom.canvasesOnly), or with the DOM. */
  drawn: number;
}

const lanes: Record<Lane, Entry[]> = { canvas: [], text: [] };

let raf = 0;
let lastDom = -Infinity;
let lastText = -Infinity;
let textQueued = false;
let lastDrawn = -Infinity;
let drawnQueued = false;
/**
 * The DOM lane's progress: 'queued' (its task is posted), 'written' (the next frame renders the
 * writes), 'rendering' (that frame started at renderStart; the one after measures its length).
 */
let dom: 'idle' | 'queued' | 'written' | 'rendering' = 'idle';
let renderStart = 0;
/** The round of DOM writes under way: which part is next, out of how many. */
let part = 0;
let parts = 1;
/** Smoothed length of the frames that rendered DOM writes, ms. */
let domFrameMs = 0;

function owed(list: Entry[], s: FrameState): boolean {
  for (const e of list) if (e.version !== s.version) return true;
  return false;
}

/** Whether the canvases drawing DOM elements' values (liveDom.drawBy) have not had this frame. */
function owedDrawn(list: Entry[], s: FrameState): boolean {
  if (!anyDrawn()) return false;
  for (const e of list) if (e.drawn !== s.version) return true;
  return false;
}

/**
 * How far apart DOM writes are: as often as DOM_HZ while their frames fit, else seldom; seldom
 * too while the nodes' values are drawn on a canvas (the DOM keeps a copy). Paused, at once.
 */
function domGap(s: FrameState): number {
  if (!s.status.playing) return 0;
  return domFrameMs > LONG_FRAME_MS || anyDrawn() ? SLOW_DOM_MS : FAST_DOM_MS;
}

// A MessageChannel task runs as soon as the current frame is done, without setTimeout's clamping.
const domTask = new MessageChannel();
function paintAll(list: Entry[], s: FrameState, from = 0, step = 1): void {
  for (let i = from; i < list.length; i += step) {
    const e = list[i]!;
    if (e.version === s.version) continue;
    e.version = e.drawn = s.version;
    e.paint(s);
  }
}

/** The painters with DOM writes off: what canvases draw takes the frame, the DOM copies wait. */
function paintDrawn(list: Entry[], s: FrameState): void {
  canvasesOnly(() => {
    for (const e of list) {
      if (e.drawn === s.version) continue;
      e.drawn = s.version;
      e.paint(s);
    }
  });
}

domTask.port1.onmessage = () => {
  const s = frameStore.get();
  const t = performance.now();
  if (textQueued) {
    textQueued = false;
    lastText = t;
    paintAll(lanes.text, s);
  }
  if (dom === 'queued') {
    if (part === 0) {
      lastDom = t;
      lastText = t;
      lastDrawn = t; // its writes feed the canvases too
      paintAll(lanes.text, s);
    }
    dom = 'written';
    paintAll(lanes.canvas, s, part, parts);
    part++;
  }
  if (drawnQueued) {
    drawnQueued = false;
    lastDrawn = t;
    paintDrawn(lanes.canvas, s);
  }
  schedule();
};

function run(t: number): void {
  raf = 0;
  const s = frameStore.get();
  if (dom === 'written') {
    // This frame renders the DOM writes.
    dom = 'rendering';
    renderStart = t;
  } else {
    if (dom === 'rendering') {
      // What the whole round would cost in one frame: a part's frame pays all the fixed costs.
      const len = (t - renderStart) * (parts > 1 ? 1.6 : 1);
      domFrameMs = domFrameMs === 0 ? len : 0.7 * domFrameMs + 0.3 * len;
      dom = 'idle';
    }
    if (dom === 'idle' && part < parts) {
      dom = 'queued';
      domTask.port2.postMessage(0);
    } else if (dom === 'idle' && t - lastDom >= domGap(s) && owed(lanes.canvas, s) && !(s.status.playing && anyDrawn() && t - lastDrawn < FAST_DOM_MS)) {
      // (Playing, a round of DOM writes waits for the canvases' next turn: it feeds them too.)
      part = 0;
      parts = s.status.playing && domFrameMs > LONG_FRAME_MS ? SLOW_DOM_PARTS : 1;
      dom = 'queued';
      domTask.port2.postMessage(0);
    } else {
      const queued = textQueued || drawnQueued;
      if (dom === 'idle' && !drawnQueued && t - lastDrawn >= FAST_DOM_MS && owedDrawn(lanes.canvas, s)) drawnQueued = true;
      if (dom === 'idle' && !textQueued && t - lastText >= (s.status.playing ? FAST_DOM_MS : 0) && owed(lanes.text, s)) textQueued = true;
      if (!queued && (textQueued || drawnQueued)) domTask.port2.postMessage(0);
    }
  }
  const more = dom !== 'idle' || part < parts || textQueued || drawnQueued;
  if (more || owed(lanes.canvas, s) || owed(lanes.text, s)) raf = requestAnimationFrame(run);
}

/** The next round writes the DOM, however soon (a dragged node shows its DOM copies). */
export function writeDomSoon(): void {
  lastDom = -Infinity;
  schedule();
}

/** A frame arrived: its writes are owed. */
function schedule(): void {
  if (!raf) raf = requestAnimationFrame(run);
}

let subscribed = false;
function subscribe(): void {
  if (subscribed) return;
  subscribed = true;
  frameStore.subscribe(schedule);
}

/**
 * Registers a painter; it is called once right away, then after new frames arrived, by its lane's
 * schedule. Returns the unregister.
 */
export function addPainter(p: Painter, lane: Lane = 'canvas'): () => void {
  subscribe();
  const s = frameStore.get();
  const entry: Entry = { paint: p, version: s.version, drawn: s.version };
  const list = lanes[lane];
  list.push(entry);
  p(s);
  return () => {
    const i = list.indexOf(entry);
    if (i >= 0) list.splice(i, 1);
  };
}
