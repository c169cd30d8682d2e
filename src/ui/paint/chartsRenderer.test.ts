import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { G, snapshotLength } from '../../engine/snapshot';
import type { Frame } from '../../worker/protocol';
import { FrameBook } from '../frames/frameStore';
import { fakeFrames } from './fakeFrames';
import { PaintHost } from './paintHost';
import type { ChartsMsg, ChartsOut, PaintMsg } from './protocol';

/** A 2D context that takes any call, measures text at 7 px a character and records clearRect. */
function fakeContext(clears: number[][]) {
  const target: Record<string, unknown> = {
    measureText: (t: string) => ({ width: 7 * t.length }),
    clearRect: (...a: number[]) => void clears.push(a),
  };
  return new Proxy(target, {
    get: (o, k: string) => (k in o ? o[k] : () => {}),
    set: (o, k: string, v) => {
      o[k] = v;
      return true;
    },
  });
}

function fakeCanvas() {
  const clears: number[][] = [];
  const ctx = fakeContext(clears);
  return { canvas: { width: 0, height: 0, getContext: () => ctx } as unknown as OffscreenCanvas, clears };
}

const LEN = snapshotLength(0);
const STATUS: Frame['status'] = { playing: true, simMs: 0, requestedSpeed: 1, achievedSpeed: 1, lagging: false, halted: null, ended: false };

/** The frame carrying rows first..first+n-1: one every 250 ms, G.inSystem = 10 x the row's number. */
function frame(first: number, n: number, withIds = first === 0): Frame {
  const rows = new Float64Array(n * LEN);
  for (let k = 0; k < n; k++) {
    const i = first + k;
    rows[k * LEN + G.now] = (i + 1) * 250;
    rows[k * LEN + G.windowMs] = 250;
    rows[k * LEN + G.inSystem] = 10 * i;
  }
  // Every other frame comes without a snapshot, as frames on the worker's clock do (Frame.snapshot).
  return { epoch: 1, ...(withIds ? { nodeIds: [] } : {}), rowLength: LEN, snapshot: first % 2 ? new Float64Array(0) : rows.slice((n - 1) * LEN), rows, marks: new Float64Array(0), status: { ...STATUS, simMs: (first + n) * 250 } };
}

const STYLE = { font: 'sans-serif', text: '#555', grid: '#eee', axis: '#777' };
const ADD: ChartsMsg = { type: 'add', id: 1, chart: { kind: 'system', shape: '', key: 'depth' }, nodeId: null, windowS: 30, style: STYLE };

function setUp() {
  const frames = fakeFrames();
  const { canvas, clears } = fakeCanvas();
  const out: ChartsOut[] = [];
  const host = new PaintHost(frames.frame, (o) => void out.push(o));
  const charts = (msg: ChartsMsg) => host.handle({ to: 'charts', msg });
  charts({ type: 'canvas', canvas });
  charts({ type: 'surface', devW: 1200, devH: 400, sx: 2, sy: 2 });
  charts(ADD);
  charts({ type: 'place', id: 1, rect: { x: 10, y: 20, w: 400, h: 150 } });
  const r = { handle: (m: PaintMsg) => host.handle(m), state: () => host.book.get() };
  return { r, charts, frames, out, clears };
}

// The y axis is drawn into an OffscreenCanvas of its own (not in Node).
beforeEach(() => {
  vi.stubGlobal(
    'OffscreenCanvas',
    class {
      constructor(
        public width: number,
        public height: number,
      ) {}
      getContext() {
        return fakeContext([]);
      }
    },
  );
});
afterEach(() => void vi.unstubAllGlobals());

/** The x of a test path's last vertex ("M x,y L x,y"). */
const lastX = (path: string | undefined) => Number(path?.match(/L([\d.]+),/)?.[1]);

describe('the charts renderer (paint worker)', () => {
  it('draws a chart from the frames it is sent, and tells the page what it drew', () => {
    const { r, frames, out } = setUp();
    for (let k = 0; k < 20; k++) {
      r.handle({ to: 'frames', frame: frame(4 * k, 4) });
      frames.run(6);
    }
    frames.run(30);
    const last = out.flatMap((o) => o.charts).filter((c) => c.id === 1).at(-1);
    expect(last?.dataset.path).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
    // 20 s of rows in a 30 s window: the line ends two thirds of the way along the plot.
    const x = lastX(last?.dataset.path);
    expect(x).toBeGreaterThan(0.55 * 400);
    expect(x).toBeLessThan(0.75 * 400);
    expect(r.state().history?.count).toBe(80);
  });

  it('tells the page at most four times a second, however often it redraws', () => {
    const { r, frames, out } = setUp();
    out.length = 0;
    for (let k = 0; k < 60; k++) {
      r.handle({ to: 'frames', frame: frame(k, 1) });
      frames.run(1);
    }
    // 60 display frames = 1 s: the chart redrew about ten times, the page heard at most 5.
    expect(out.length).toBeGreaterThanOrEqual(3);
    expect(out.length).toBeLessThanOrEqual(5);
  });

  it('started mid-run from a replay, it draws what one fed frame by frame draws', () => {
    const book = new FrameBook();
    const fed = setUp();
    for (let k = 0; k < 30; k++) {
      const f = frame(3 * k, 3);
      book.push(f);
      fed.r.handle({ to: 'frames', frame: f });
      fed.frames.run(6);
    }
    fed.frames.run(30);
    const late = setUp();
    late.r.handle({ to: 'frames', frame: book.replay()! });
    late.frames.run(30);
    expect(late.out.at(-1)?.charts[0]?.dataset.path).toBe(fed.out.at(-1)?.charts[0]?.dataset.path);
    expect(late.out.at(-1)?.charts[0]?.dataset.path).toMatch(/^M/);
    expect(late.r.state().history?.count).toBe(90);
  });

  it('blanks a removed chart and says nothing more of it', () => {
    const { r, charts, frames, out, clears } = setUp();
    r.handle({ to: 'frames', frame: frame(0, 8) });
    frames.run(30);
    charts({ type: 'remove', id: 1 });
    expect(clears.at(-1)).toEqual([10, 20, 400, 150]);
    const heard = out.length;
    r.handle({ to: 'frames', frame: frame(8, 8, false) });
    frames.run(30);
    expect(out.length).toBe(heard);
  });
});
