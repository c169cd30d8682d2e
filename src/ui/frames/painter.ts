/**
 * The one clock for everything that moves on screen. Per-frame data arrives about 30 times a
 * second; what it drives is drawn on ticks of about 30 Hz (every other display frame). Who draws
 * when follows what bench:ui measured on a 4x-throttled Chromium (see bench/ui.bench.ts --trace):
 *
 * - Animators step on every tick (none on the page today: the edge dots step in the paint worker,
 *   ui/paint, on a clock of their own; an animation drawn on the page would register here).
 * - 'charts' painters (canvas drawing) redraw at most CHART_HZ times a second each, a few per tick
 *   (round robin). Chromium rasterizes what was drawn on a canvas when it hands the canvas to the
 *   compositor, on the main thread: spread over ticks, that work stays small in each.
 * - 'canvas' painters (node badges, and by default any useFrames caller: DOM text) all write
 *   together, at most DOM_HZ times a second. A frame that renders changed DOM text pays a large
 *   fixed cost (style, layout and paint walks, and a re-layerization of the whole page) however
 *   little changed, so the writes are not spread thinly over frames (measured: twice the main
 *   thread time). They run in a task of their own just after a tick, so that the next display frame
 *   renders them and nothing else: neither the script nor the canvas work adds to that frame.
 *   When it does not fit in a display frame (a slow machine, a big design), a round of writes
 *   comes only every SLOW_DOM_MS, in SLOW_DOM_PARTS halves rendered by two frames, so that long
 *   frames stay rare and none is a long task (over 50 ms), while dots and charts keep moving.
 * - 'text' painters (a few lines: the clock, chart legends) keep DOM_HZ all along, in small tasks
 *   of their own, and join the 'canvas' round when both are due.
 *
 * Nothing here touches React state.
 */
import { frameStore, type FrameState } from './frameStore';

const TICK_MS = 1000 / 30 - 4;
const CHART_HZ = 10;
const CHART_GAP_MS = 1000 / CHART_HZ - 4;
const CHARTS_PER_TICK = 2;
const DOM_HZ = 10;
const FAST_DOM_MS = 1000 / DOM_HZ - 4;
const SLOW_DOM_MS = 1000;
/** In slow mode a round of DOM writes is split over this many frames, each kept under a long task. */
const SLOW_DOM_PARTS = 2;
/** A frame rendering DOM writes longer than this (rAF to rAF, ms) did not fit a display frame. */
const LONG_FRAME_MS = 25;

/**
 * 'canvas': DOM text that is costly to render all at once (the node badges: some hundred boxes).
 * 'text': a few lines of DOM text (the clock, chart legends), cheap enough to keep at DOM_HZ
 * when the badges slow down; it joins the badges' writes when both are due.
 * 'charts': canvas drawing.
 */
export type Lane = 'canvas' | 'text' | 'charts';

type Painter = (s: FrameState) => void;
/** Steps an animation to time `t` (ms); returns whether it wants further ticks. */
export type Animator = (t: number) => boolean;

interface Entry {
  paint: Painter;
  /** frameStore version last painted. */
  version: number;
  /** When it last painted (ms). */
  at: number;
}

const lanes: Record<Lane, Entry[]> = { canvas: [], text: [], charts: [] };
const animators = new Set<Animator>();
/** Some animator asked for more ticks, or a frame arrived since the last tick. */
let animating = false;

let raf = 0;
let chartCursor = 0;
let lastTick = -Infinity;
let lastDom = -Infinity;
let lastText = -Infinity;
let textQueued = false;
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

/** Redraws up to CHARTS_PER_TICK charts that have new data and are due, round robin. */
function paintCharts(s: FrameState, t: number): void {
  const list = lanes.charts;
  const n = list.length;
  let painted = 0;
  for (let k = 0; k < n && painted < CHARTS_PER_TICK; k++) {
    const e = list[(chartCursor + k) % n]!;
    if (e.version === s.version || t - e.at < CHART_GAP_MS) continue;
    e.version = s.version;
    e.at = t;
    e.paint(s);
    painted++;
    chartCursor = (chartCursor + k + 1) % n;
  }
}

/**
 * How far apart DOM writes are: as often as DOM_HZ while their frames fit, else seldom. Paused (a
 * step, an edit), frames come one at a time and are shown at once.
 */
function domGap(s: FrameState): number {
  if (!s.status.playing) return 0;
  return domFrameMs > LONG_FRAME_MS ? SLOW_DOM_MS : FAST_DOM_MS;
}

// A MessageChannel task runs as soon as the current frame is done, without setTimeout's clamping.
const domTask = new MessageChannel();
function paintAll(list: Entry[], s: FrameState, t: number, from = 0, step = 1): void {
  for (let i = from; i < list.length; i += step) {
    const e = list[i]!;
    if (e.version === s.version) continue;
    e.version = s.version;
    e.at = t;
    e.paint(s);
  }
}

domTask.port1.onmessage = () => {
  const s = frameStore.get();
  const t = performance.now();
  if (textQueued) {
    textQueued = false;
    lastText = t;
    paintAll(lanes.text, s, t);
  }
  if (dom === 'queued') {
    if (part === 0) {
      lastDom = t;
      lastText = t;
      paintAll(lanes.text, s, t);
    }
    dom = 'written';
    paintAll(lanes.canvas, s, t, part, parts);
    part++;
  }
  schedule();
};

function run(t: number): void {
  raf = 0;
  const s = frameStore.get();
  if (dom === 'written') {
    // This frame renders the DOM writes: no tick work in it.
    dom = 'rendering';
    renderStart = t;
  } else {
    if (dom === 'rendering') {
      // What the whole round would cost in one frame: a part's frame pays all the fixed costs.
      const len = (t - renderStart) * (parts > 1 ? 1.6 : 1);
      domFrameMs = domFrameMs === 0 ? len : 0.7 * domFrameMs + 0.3 * len;
      dom = 'idle';
    }
    if (t - lastTick >= TICK_MS) {
      lastTick = t;
      if (animating) {
        animating = false;
        for (const a of animators) if (a(t)) animating = true;
      }
      paintCharts(s, t);
    }
    if (dom === 'idle' && part < parts) {
      dom = 'queued';
      domTask.port2.postMessage(0);
    } else if (dom === 'idle' && t - lastDom >= domGap(s) && owed(lanes.canvas, s)) {
      part = 0;
      parts = s.status.playing && domFrameMs > LONG_FRAME_MS ? SLOW_DOM_PARTS : 1;
      dom = 'queued';
      domTask.port2.postMessage(0);
    } else if (dom === 'idle' && !textQueued && t - lastText >= (s.status.playing ? FAST_DOM_MS : 0) && owed(lanes.text, s)) {
      textQueued = true;
      domTask.port2.postMessage(0);
    }
  }
  const more = animating || dom !== 'idle' || part < parts || textQueued;
  if (more || owed(lanes.charts, s) || owed(lanes.canvas, s) || owed(lanes.text, s)) raf = requestAnimationFrame(run);
}

/** A frame arrived (or an animator was added): animators get ticks again. */
function schedule(): void {
  animating = true;
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
  const entry: Entry = { paint: p, version: s.version, at: performance.now() };
  const list = lanes[lane];
  list.push(entry);
  p(s);
  return () => {
    const i = list.indexOf(entry);
    if (i >= 0) list.splice(i, 1);
  };
}

/**
 * Registers an animation stepped on every tick while it returns true, and again from the next
 * frame that arrives after it returned false. Returns the unregister.
 */
export function addAnimator(a: Animator): () => void {
  subscribe();
  animators.add(a);
  schedule();
  return () => void animators.delete(a);
}
