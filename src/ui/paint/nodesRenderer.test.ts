import { describe, expect, it } from 'vitest';
import { fakeFrames } from './fakeFrames';
import { PaintHost } from './paintHost';
import type { DrawnPart, PaintMsg } from './protocol';

/** A 2D context that records the text it draws, where (device px), and the rectangles it fills. */
function recordingCanvas() {
  const texts: { text: string; x: number; y: number; sx: number }[] = [];
  const fills: { x: number; y: number; w: number; h: number; color: string }[] = [];
  let m = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  const at = (x: number, y: number) => ({ x: m[0]! * x + m[2]! * y + m[4]!, y: m[1]! * x + m[3]! * y + m[5]! });
  const ctx: Record<string, unknown> = {
    fillStyle: '',
    measureText: (t: string) => ({ width: 8 * t.length, fontBoundingBoxAscent: 12, fontBoundingBoxDescent: 4 }),
    setTransform: (a: number, b: number, c: number, d: number, e: number, f: number) => void (m = [a, b, c, d, e, f]),
    translate: (x: number, y: number) => void (m = [m[0]!, m[1]!, m[2]!, m[3]!, m[4]! + m[0]! * x, m[5]! + m[3]! * y]),
    scale: (sx: number, sy: number) => void (m = [m[0]! * sx, m[1]!, m[2]!, m[3]! * sy, m[4]!, m[5]!]),
    save: () => void stack.push(m),
    restore: () => void (m = stack.pop() ?? m),
    fillText: (text: string, x: number, y: number) => void texts.push({ text, ...at(x, y), sx: m[0]! }),
    fillRect: (x: number, y: number, w: number, h: number) => {
      const p = at(x, y);
      fills.push({ ...p, w: w * m[0]!, h: h * m[3]!, color: String(ctx.fillStyle) });
    },
  };
  const proxy = new Proxy(ctx, { get: (o, k: string) => (k in o ? o[k] : () => {}) });
  const canvas = { width: 0, height: 0, getContext: () => proxy } as unknown as OffscreenCanvas;
  return { canvas, texts, fills, clear: () => ((texts.length = 0), (fills.length = 0)) };
}

const TEXT: DrawnPart = { kind: 'text', x: 10, y: 20, w: 100, h: 20, font: '700 16px sans-serif', color: '#111', padLeft: 4, padTop: 0, lineHeight: 20 };
const BAR: DrawnPart = { kind: 'bar', x: 10, y: 50, w: 180, h: 22, color: 'rgb(200, 0, 0)', alpha: 0.55, radius: 5, striped: false };

function setUp(dpr = 1) {
  const frames = fakeFrames();
  const host = new PaintHost(frames.frame, () => {});
  const c = recordingCanvas();
  const send = (m: PaintMsg) => host.handle(m);
  send({ to: 'nodes', msg: { type: 'canvas', canvas: c.canvas } });
  send({ to: 'dots', msg: { type: 'view', view: { tx: 100, ty: 50, zoom: 2, w: 1000, h: 600, dpr } } });
  send({ to: 'dots', msg: { type: 'geometry', edges: [], boxes: [30, 40, 208, 150, 5000, 40, 208, 150], ids: ['q', 'far'] } });
  for (const node of ['q', 'far']) send({ to: 'nodes', msg: { type: 'layout', node, ox: 2, oy: 6, parts: [TEXT, BAR] } });
  return { host, frames, send, ...c };
}

describe('the nodes renderer (paint worker)', () => {
  it('draws each value where its part lies on its node, through the pane\'s pan and zoom', () => {
    const { frames, send, texts, fills, canvas } = setUp(2);
    expect([canvas.width, canvas.height]).toEqual([2000, 1200]);
    send({ to: 'nodes', msg: { type: 'values', nodes: [['q', ['42 / 50', 0.5]]] } });
    frames.run(1);
    // Node origin on the pane: tx + zoom * (box + offset) = 100 + 2 * 32, 50 + 2 * 46; then x dpr.
    const ox = 2 * (100 + 2 * 32);
    const oy = 2 * (50 + 2 * 46);
    const k = 2 * 2;
    // Baseline: half the line height plus half of (ascent - descent).
    expect(texts).toEqual([{ text: '42 / 50', x: ox + k * (10 + 4), y: oy + k * (20 + 10 + 4), sx: k }]);
    // The bar fills half its track, in its colour.
    expect(fills).toEqual([{ x: ox + k * 10, y: oy + k * 50, w: k * 90, h: k * 22, color: 'rgb(200, 0, 0)' }]);
  });

  it('draws nothing for a node off the pane, or one the DOM draws while it is dragged', () => {
    const { frames, send, texts } = setUp();
    send({ to: 'nodes', msg: { type: 'values', nodes: [['far', ['7', 0]]] } });
    frames.run(1);
    expect(texts).toEqual([]);
    send({ to: 'nodes', msg: { type: 'values', nodes: [['q', ['9', 0]]] } });
    send({ to: 'nodes', msg: { type: 'held', nodes: ['q'] } });
    frames.run(1);
    expect(texts).toEqual([]);
    send({ to: 'nodes', msg: { type: 'held', nodes: [] } });
    frames.run(1);
    expect(texts.map((t) => t.text)).toEqual(['9']);
  });

  it('draws again, once, when values arrive, and follows a node that moved', () => {
    const { frames, send, texts, clear } = setUp();
    send({ to: 'nodes', msg: { type: 'values', nodes: [['q', ['1', 0]]] } });
    send({ to: 'nodes', msg: { type: 'values', nodes: [['q', ['2', 0]]] } });
    expect(frames.run(5)).toBe(1);
    expect(texts.map((t) => t.text)).toEqual(['2']);
    const x0 = texts[0]!.x;
    clear();
    send({ to: 'dots', msg: { type: 'geometry', edges: [], boxes: [80, 40, 208, 150], ids: ['q'] } });
    frames.run(1);
    expect(texts[0]!.x - x0).toBe(2 * 50);
    clear();
    send({ to: 'nodes', msg: { type: 'remove', node: 'q' } });
    frames.run(1);
    expect(texts).toEqual([]);
  });

  it('squeezes a number a little too wide for its box, down to three quarters of its width', () => {
    const { frames, send, texts } = setUp();
    // 8 px a character: 12 characters are 96 px, in a box with 96 px of room (100 - 4).
    send({ to: 'nodes', msg: { type: 'values', nodes: [['q', ['123456789012', 0]]] } });
    frames.run(1);
    const fit = texts.pop()!;
    send({ to: 'nodes', msg: { type: 'values', nodes: [['q', ['1234567890123', 0]]] } });
    frames.run(1);
    // Drawn at the same place, narrower: 96 px of room for 104 px of text.
    const squeezed = texts.pop()!;
    expect(squeezed).toMatchObject({ x: fit.x, y: fit.y });
    expect(squeezed.sx / fit.sx).toBeCloseTo(96 / 104, 6);
    // Far too wide: three quarters, and cut off.
    send({ to: 'nodes', msg: { type: 'values', nodes: [['q', ['12345678901234567890', 0]]] } });
    frames.run(1);
    expect(texts.pop()!.sx / fit.sx).toBeCloseTo(0.75, 6);
  });
});
