import { describe, expect, it } from 'vitest';
import { F, G, NODE_KIND_CODES, snapshotLength } from '../../engine/snapshot';
import type { Frame } from '../../worker/protocol';
import { makeGeometry } from '../canvas/edgeGeometry';
import { nodeBase } from '../frames/derive';
import { fakeFrames } from './fakeFrames';
import { PaintHost } from './paintHost';

/** A 2D context that counts the dots drawn (arcs) and the clears. */
function fakeCanvas() {
  const counts = { arcs: 0, clears: 0 };
  const ctx = {
    setTransform() {},
    clearRect() {
      counts.clears++;
    },
    beginPath() {},
    moveTo() {},
    arc() {
      counts.arcs++;
    },
    fill() {},
    fillStyle: '',
  };
  const canvas = { width: 0, height: 0, getContext: () => ctx };
  return { canvas: canvas as unknown as OffscreenCanvas, counts };
}


/**
 * The frame of rows first..first+n-1 (every 250 ms) of producer p feeding queue q at 5,000/s;
 * `playing` false: paused.
 */
function frame(first: number, n: number, playing = true): Frame {
  const len = snapshotLength(2);
  const rows = new Float64Array(n * len);
  for (let k = 0; k < n; k++) {
    const r = k * len;
    rows[r + G.now] = (first + k + 1) * 250;
    rows[r + G.windowMs] = 250;
    rows[r + nodeBase(0) + F.kind] = NODE_KIND_CODES.producer;
    rows[r + nodeBase(0) + F.arrived] = (first + k + 1) * 1250;
    rows[r + nodeBase(1) + F.kind] = NODE_KIND_CODES.queue;
  }
  const status = { playing, simMs: (first + n) * 250, requestedSpeed: 1, achievedSpeed: 1, lagging: false, halted: null, ended: false };
  // As frames on the worker's clock come: no snapshot, the newest row is the state.
  return { epoch: 1, ...(first === 0 ? { nodeIds: ['p', 'q'] } : {}), rowLength: len, snapshot: new Float64Array(0), rows, marks: new Float64Array(0), status };
}

function setUp() {
  const frames = fakeFrames();
  const { canvas, counts } = fakeCanvas();
  const host = new PaintHost(frames.frame, () => {});
  const r = host.dots;
  host.handle({ to: 'dots', msg: { type: 'canvas', canvas } });
  host.handle({ to: 'dots', msg: { type: 'view', view: { tx: 0, ty: 0, zoom: 1, w: 1000, h: 400, dpr: 2 } } });
  host.handle({ to: 'dots', msg: { type: 'geometry', edges: [['e', makeGeometry('p', 'q', 0, 100, 800, 100)]], boxes: [], ids: [] } });
  return { host, r, frames, canvas, counts };
}

describe('the dots renderer (paint worker)', () => {
  it('draws no dots before frames say something flows', () => {
    const { r, frames, counts } = setUp();
    frames.run(30);
    expect(counts.arcs).toBe(0);
    expect(r.running).toBe(false);
  });

  it('sizes the canvas to the pane at device resolution', () => {
    const { canvas } = setUp();
    expect([canvas.width, canvas.height]).toEqual([2000, 800]);
  });

  it('keeps stepping and drawing dots while the run plays', () => {
    const { host, r, frames, counts } = setUp();
    host.handle({ to: 'frames', frame: frame(0, 8) });
    expect(frames.run(120)).toBe(120);
    expect(r.running).toBe(true);
    expect(counts.arcs).toBeGreaterThan(100);
  });

  it('stops asking for frames once paused with nothing falling, and draws once on a change', () => {
    const { host, r, frames, counts } = setUp();
    host.handle({ to: 'frames', frame: frame(0, 8) });
    frames.run(60);
    host.handle({ to: 'frames', frame: frame(8, 1, false) });
    frames.run(10);
    expect(r.running).toBe(false);
    const clears = counts.clears;
    host.handle({ to: 'dots', msg: { type: 'view', view: { tx: 50, ty: 0, zoom: 1, w: 1000, h: 400, dpr: 2 } } });
    expect(frames.run(10)).toBe(1);
    expect(counts.clears).toBe(clears + 1);
  });
});
