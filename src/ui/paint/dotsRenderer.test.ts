import { describe, expect, it } from 'vitest';
import { makeGeometry } from '../canvas/edgeGeometry';
import { DotsRenderer } from './dotsRenderer';

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

/** Animation frames run by hand, 1/60 s apart. */
function fakeFrames() {
  let pending: ((t: number) => void) | null = null;
  let t = 0;
  return {
    frame: (cb: (t: number) => void) => {
      pending = cb;
      return 1;
    },
    run(n: number): number {
      let ran = 0;
      for (let i = 0; i < n && pending; i++) {
        const cb = pending;
        pending = null;
        t += 1000 / 60;
        cb(t);
        ran++;
      }
      return ran;
    },
  };
}

function setUp() {
  const frames = fakeFrames();
  const { canvas, counts } = fakeCanvas();
  const r = new DotsRenderer(frames.frame);
  r.handle({ type: 'canvas', canvas });
  r.handle({ type: 'view', view: { tx: 0, ty: 0, zoom: 1, w: 1000, h: 400, dpr: 2 } });
  r.handle({ type: 'geometry', version: 1, edges: [['e', makeGeometry('p', 'q', 0, 100, 800, 100)]], boxes: [] });
  return { r, frames, canvas, counts };
}

describe('the dots renderer (paint worker)', () => {
  it('sizes the canvas to the pane at device resolution', () => {
    const { canvas } = setUp();
    expect([canvas.width, canvas.height]).toEqual([2000, 800]);
  });

  it('keeps stepping and drawing dots while the run plays', () => {
    const { r, frames, counts } = setUp();
    r.handle({ type: 'flow', epoch: 1, speed: 1, geometry: 1, rates: Float64Array.of(5000, 0) });
    expect(frames.run(120)).toBe(120);
    expect(r.running).toBe(true);
    expect(counts.arcs).toBeGreaterThan(100);
  });

  it('stops asking for frames once paused with nothing falling, and draws once on a change', () => {
    const { r, frames, counts } = setUp();
    r.handle({ type: 'flow', epoch: 1, speed: 1, geometry: 1, rates: Float64Array.of(5000, 0) });
    frames.run(60);
    r.handle({ type: 'flow', epoch: 1, speed: 0, geometry: 1, rates: new Float64Array(0) });
    frames.run(10);
    expect(r.running).toBe(false);
    const clears = counts.clears;
    r.handle({ type: 'view', view: { tx: 50, ty: 0, zoom: 1, w: 1000, h: 400, dpr: 2 } });
    expect(frames.run(10)).toBe(1);
    expect(counts.clears).toBe(clears + 1);
  });
});
