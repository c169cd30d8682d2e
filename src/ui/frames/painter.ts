/**
 * Paints per-frame values into the DOM at most PAINT_HZ times a second, after a new frame arrived:
 * numbers changing 30 times a second are unreadable anyway, and every DOM write costs style, layout
 * and paint work on a slow laptop's main thread. Painters sit in lanes (the canvas, the charts);
 * one lane paints per animation frame, so their work is spread over frames instead of piling up.
 */
import { frameStore, type FrameState } from './frameStore';

const PAINT_HZ = 10;
const MIN_GAP_MS = 1000 / PAINT_HZ - 4;

export type Lane = 'canvas' | 'charts';

type Painter = (s: FrameState) => void;

interface LaneState {
  painters: Set<Painter>;
  dirty: boolean;
  lastPaint: number;
}

const lanes: Record<Lane, LaneState> = {
  canvas: { painters: new Set(), dirty: false, lastPaint: -Infinity },
  charts: { painters: new Set(), dirty: false, lastPaint: -Infinity },
};
const order: Lane[] = ['canvas', 'charts'];
let raf = 0;

function run(t: number): void {
  raf = 0;
  let pending = false;
  let painted = false;
  for (const name of order) {
    const lane = lanes[name];
    if (!lane.dirty || lane.painters.size === 0) continue;
    if (painted || t - lane.lastPaint < MIN_GAP_MS) {
      pending = true;
      continue;
    }
    painted = true;
    lane.lastPaint = t;
    lane.dirty = false;
    const s = frameStore.get();
    for (const p of lane.painters) p(s);
  }
  if (pending) raf = requestAnimationFrame(run);
}

function schedule(): void {
  for (const name of order) lanes[name].dirty = true;
  if (!raf) raf = requestAnimationFrame(run);
}

let subscribed = false;

/** Registers a painter; it is called once right away, then after frames. Returns the unregister. */
export function addPainter(p: Painter, lane: Lane = 'canvas'): () => void {
  if (!subscribed) {
    subscribed = true;
    frameStore.subscribe(schedule);
  }
  lanes[lane].painters.add(p);
  p(frameStore.get());
  return () => lanes[lane].painters.delete(p);
}
