/**
 * The only door to the paint worker (as simClient.ts is to the simulation's). The edge dots, the
 * charts and each node hand it a canvas and post what changed; this passes it the frames the page
 * receives, merged to about ten a second. Where a canvas cannot be handed to a worker, the same
 * code (paintHost.ts) runs on the page instead, behind the same ports.
 *
 * One worker for both, fed one stream of frames: every postMessage costs the page's main thread
 * (bench:ui, 4x-throttled: about 1 ms each), and the frames were its biggest share when the dots
 * and the charts each had theirs (the dots' flows 15 a second, the charts' frames 10).
 */
import { frameStore } from '../frames/frameStore';
import { noticeStore } from '../store/noticeStore';
import type { Frame } from '../../worker/protocol';
import type { ChartsMsg, ChartsOut, DotsMsg, NodesMsg, PaintMsg } from './protocol';

/** While playing, frames go to the worker at most this often, merged: its charts redraw at 10 Hz. */
const FORWARD_GAP_MS = 90;

export interface Port<M> {
  post(m: M): void;
  close(): void;
}

const join = (parts: Float64Array[]): Float64Array => {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Float64Array(n);
  n = 0;
  for (const p of parts) {
    out.set(p, n);
    n += p.length;
  }
  return out;
};

/** The buffers of a frame, to transfer rather than copy. */
const buffers = (f: Frame): Transferable[] => [f.snapshot.buffer, f.rows.buffer, f.marks.buffer, ...(f.baseline ? [f.baseline.rows.buffer] : [])];

/**
 * Frames the page received, merged into one: their rows, marks and kept rows in order, the newest
 * snapshot and status (copies: the page keeps its own). Sent at once when paused (a step, an
 * edit: frames come one at a time and must show at once).
 */
class FrameForwarder {
  private frames: Frame[] = [];
  private lastSent = -Infinity;
  private timer = 0;

  constructor(private readonly post: (f: Frame) => void) {}

  push(f: Frame): void {
    const prev = this.frames.at(-1);
    // What starts afresh (a new run, a new kept copy, comparing on or off) is not merged across.
    if (prev && (f.epoch !== prev.epoch || f.nodeIds || f.baseline?.nodeIds || !f.baseline !== !prev.baseline)) this.flush();
    this.frames.push(f);
    if (!f.status.playing || performance.now() - this.lastSent >= FORWARD_GAP_MS) this.flush();
    else if (!this.timer) this.timer = window.setTimeout(() => this.flush(), FORWARD_GAP_MS);
  }

  flush(): void {
    this.drop();
    const fs = this.frames;
    if (fs.length === 0) return;
    this.frames = [];
    this.lastSent = performance.now();
    const first = fs[0]!;
    const last = fs[fs.length - 1]!;
    this.post({
      epoch: last.epoch,
      ...(first.nodeIds ? { nodeIds: first.nodeIds } : {}),
      rowLength: last.rowLength,
      // None when the rows end with it (Frame.snapshot).
      snapshot: last.snapshot.slice(),
      rows: join(fs.map((f) => f.rows)),
      marks: join(fs.map((f) => f.marks)),
      ...(last.baseline ? { baseline: { rows: join(fs.map((f) => f.baseline?.rows ?? new Float64Array(0))), ...(first.baseline?.nodeIds ? { nodeIds: first.baseline.nodeIds } : {}) } } : {}),
      status: last.status,
    });
  }

  /** Stops the pending send (the frames stay until the next flush or clear). */
  drop(): void {
    if (this.timer) window.clearTimeout(this.timer);
    this.timer = 0;
  }

  clear(): void {
    this.drop();
    this.frames = [];
  }
}

interface Channel {
  post(m: PaintMsg, transfer?: Transferable[]): void;
  terminate(): void;
}

/** Whether canvases can be handed to a worker (every current browser). */
const canTransfer = () => typeof HTMLCanvasElement.prototype.transferControlToOffscreen === 'function' && typeof Worker === 'function';

/** The worker, or the page's own PaintHost where canvases cannot be handed over. */
function open(onOut: (o: ChartsOut) => void): Channel {
  if (canTransfer()) {
    try {
      const worker = new Worker(new URL('./paint.worker.ts', import.meta.url), { type: 'module', name: 'paint' });
      // A failed paint worker leaves the dots and charts blank, never the page broken; it says so.
      worker.onerror = (e) => {
        e.preventDefault(); // handled here: said on the page, not left as an uncaught error
        console.warn('the paint worker failed:', e.message);
        failed = true;
        for (const l of failureListeners) l();
        noticeStore
          .getState()
          .showAlert('The charts and the moving dots cannot be drawn (their worker failed). The numbers on the nodes and beside each chart are still live; reload the page to try again: your design is kept.');
      };
      worker.onmessage = (e: MessageEvent<ChartsOut>) => onOut(e.data);
      return { post: (m, transfer) => worker.postMessage(m, transfer ?? []), terminate: () => worker.terminate() };
    } catch (e) {
      console.warn('drawing dots and charts on the page:', e);
    }
  }
  // Loaded only here, so the page's first download does not carry what the worker draws with.
  let early: PaintMsg[] | null = [];
  let host: { handle(m: PaintMsg): void } | null = null;
  void import('./paintHost').then(({ PaintHost }) => {
    if (!early) return;
    const h = new PaintHost((cb) => requestAnimationFrame(cb), onOut);
    for (const m of early) h.handle(m);
    early = null;
    host = h;
  });
  return {
    post: (m) => (host ? host.handle(m) : early?.push(m)),
    terminate: () => {
      early = null;
      host = null;
    },
  };
}

let channel: Channel | null = null;
/** The paint worker failed: what it drew must be drawn some other way (the nodes: by the DOM). */
let failed = false;
const failureListeners = new Set<() => void>();

/** Calls `cb` when the paint worker fails (at once if it has); returns the unsubscribe. */
export function onPaintFailure(cb: () => void): () => void {
  if (failed) cb();
  failureListeners.add(cb);
  return () => failureListeners.delete(cb);
}

let users = 0;
let offFrames: (() => void) | null = null;
let chartsOut: ((o: ChartsOut) => void) | null = null;

function acquire(): Channel {
  users++;
  if (channel) return channel;
  const ch = (channel = open((o) => chartsOut?.(o)));
  // Started mid-run (the canvas view or the charts appeared later): what the page holds so far.
  const replay = frameStore.replay();
  if (replay) ch.post({ to: 'frames', frame: replay }, buffers(replay));
  const forwarder = new FrameForwarder((frame) => ch.post({ to: 'frames', frame }, buffers(frame)));
  const off = frameStore.subscribeFrames((f) => {
    if (f) return forwarder.push(f);
    forwarder.clear();
    ch.post({ to: 'frames', frame: null });
  });
  offFrames = () => {
    off();
    forwarder.clear();
  };
  return ch;
}

function release(): void {
  if (--users > 0 || !channel) return;
  offFrames?.();
  offFrames = null;
  channel.terminate();
  channel = null;
}

/** Hands `canvas` over for drawing: in the worker if it can go there, else on the page. */
function handOver(ch: Channel, canvas: HTMLCanvasElement, to: (c: OffscreenCanvas) => PaintMsg): void {
  if (canTransfer()) {
    const offscreen = canvas.transferControlToOffscreen();
    ch.post(to(offscreen), [offscreen]);
  } else ch.post(to(canvas as unknown as OffscreenCanvas));
}

/** A renderer's port: its messages, and on close its detach and the channel's release. */
function portTo<M extends DotsMsg | ChartsMsg | NodesMsg>(ch: Channel, wrap: (msg: M) => PaintMsg, detach: M | null, onClose = () => {}): Port<M> {
  let closed = false;
  return {
    post: (msg) => !closed && ch.post(wrap(msg)),
    close: () => {
      if (closed) return;
      closed = true;
      onClose();
      if (detach) ch.post(wrap(detach));
      release();
    },
  };
}

/** The edge dots' canvas (dotsRenderer.ts). */
export function paintDots(canvas: HTMLCanvasElement): Port<DotsMsg> {
  const ch = acquire();
  const wrap = (msg: DotsMsg): PaintMsg => ({ to: 'dots', msg });
  handOver(ch, canvas, (c) => wrap({ type: 'canvas', canvas: c }));
  return portTo(ch, wrap, { type: 'detach' });
}

/**
 * The charts' canvas (chartsRenderer.ts); `onOut` hears what each chart drew (for the plots' data
 * attributes the tests read).
 */
export function paintCharts(canvas: HTMLCanvasElement, onOut: (o: ChartsOut) => void): Port<ChartsMsg> {
  const ch = acquire();
  chartsOut = onOut;
  const wrap = (msg: ChartsMsg): PaintMsg => ({ to: 'charts', msg });
  handOver(ch, canvas, (c) => wrap({ type: 'canvas', canvas: c }));
  return portTo(ch, wrap, { type: 'detach' }, () => {
    if (chartsOut === onOut) chartsOut = null;
  });
}

/**
 * The nodes' live values (nodesRenderer.ts): one port for every node's parts and values, and
 * `canvas` hands over the canvas they are drawn on (it comes and goes with the canvas view).
 */
export interface NodesPort extends Port<NodesMsg> {
  canvas(canvas: HTMLCanvasElement): void;
}

export function paintNodes(): NodesPort {
  const ch = acquire();
  const wrap = (msg: NodesMsg): PaintMsg => ({ to: 'nodes', msg });
  const port = portTo(ch, wrap, null);
  return { ...port, canvas: (canvas) => handOver(ch, canvas, (c) => wrap({ type: 'canvas', canvas: c })) };
}
