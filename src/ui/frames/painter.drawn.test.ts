/**
 * The frame clock with values drawn on a canvas (liveDom.drawBy, as the nodes' are): the canvas
 * takes each frame ten times a second, the DOM copies once a second, and a paused step at once.
 * A file of its own: the clock's state (how long its DOM frames took) starts afresh.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testClock } from './testClock';

const clock = testClock();
const { displayFrame, push } = clock;
vi.stubGlobal('Text', class {});
const { addPainter } = await import('./painter');
const { drawBy, setText } = await import('../liveDom');

/** An element whose text writes are recorded (what liveDom.setText does to the DOM). */
function fakeElement(log: number[]) {
  let text = '';
  return {
    firstChild: null,
    lastChild: null,
    get textContent() {
      return text;
    },
    set textContent(v: string) {
      text = v;
      log.push(clock.now());
    },
  } as unknown as Element;
}

const offs: (() => void)[] = [];
afterEach(() => {
  for (const off of offs.splice(0)) off();
});

const gaps = (ts: number[]) => ts.slice(1).map((t, i) => t - ts[i]!);

describe('the frame clock, with values drawn on a canvas', () => {
  it('gives the canvas every frame ten times a second, and the DOM copy a frame a second', async () => {
    const dom: number[] = [];
    const drawn: number[] = [];
    const el = fakeElement(dom);
    drawBy(el, { set: () => void drawn.push(clock.now()) });
    offs.push(addPainter((s) => setText(el, `v${s.version}`), 'canvas'));
    offs.push(() => drawBy(el, null));
    dom.length = 0;
    drawn.length = 0;
    for (let i = 0; i < 240; i++) {
      push();
      await displayFrame();
    }
    // 4 s of frames: about 40 on the canvas, 100 ms or more apart.
    expect(drawn.length).toBeGreaterThanOrEqual(30);
    for (const g of gaps(drawn)) expect(g).toBeGreaterThanOrEqual(95);
    // The DOM copy: about once a second, never more often.
    expect(dom.length).toBeGreaterThanOrEqual(3);
    expect(dom.length).toBeLessThanOrEqual(5);
    for (const g of gaps(dom)) expect(g).toBeGreaterThanOrEqual(950);

    // Paused, a step shows at once, on the canvas and in the DOM.
    await displayFrame();
    const [d0, c0] = [dom.length, drawn.length];
    push(false);
    await displayFrame();
    await displayFrame();
    expect(dom.length).toBe(d0 + 1);
    expect(drawn.length).toBe(c0 + 1);
  });

  it('writes the DOM as before once nothing is drawn on a canvas', async () => {
    const dom: number[] = [];
    const el = fakeElement(dom);
    offs.push(addPainter((s) => setText(el, `v${s.version}`), 'canvas'));
    dom.length = 0;
    for (let i = 0; i < 120; i++) {
      push();
      await displayFrame();
    }
    // Its frames are quick here: ten times a second.
    expect(dom.length).toBeGreaterThanOrEqual(15);
  });
});
