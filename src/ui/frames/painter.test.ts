import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from './testClock';

// A display that refreshes only when the test says so.
const clock = testClock();
const { displayFrame, push } = clock;
const { addPainter } = await import('./painter');

const offs: (() => void)[] = [];
afterEach(() => {
  for (const off of offs.splice(0)) off();
});

beforeAll(() => push());

describe('the frame clock', () => {
  it('writes all DOM text in one task, at most ten times a second', async () => {
    const log: string[] = [];
    for (const id of ['a', 'b', 'c']) offs.push(addPainter(() => log.push(`dom ${id} @${clock.now().toFixed(0)}`), 'canvas'));
    log.length = 0;
    for (let i = 0; i < 12; i++) {
      push();
      await displayFrame();
    }
    const domTimes = log.filter((l) => l.startsWith('dom a')).map((l) => l.split('@')[1]);
    expect(domTimes.length).toBeGreaterThan(0);
    for (const t of domTimes) {
      // Every DOM painter wrote at the same moment.
      expect(log.filter((l) => l.startsWith('dom') && l.endsWith(`@${t}`))).toHaveLength(3);
    }
    for (let i = 1; i < domTimes.length; i++) expect(Number(domTimes[i]) - Number(domTimes[i - 1])).toBeGreaterThanOrEqual(95);
  });

  it('writes DOM text seldom when its frames run long, and at once when paused', async () => {
    const writes: number[] = [];
    offs.push(addPainter(() => writes.push(clock.now()), 'canvas'));
    writes.length = 0;
    // The frame that renders DOM writes (the one after them) takes three display frames.
    let sinceWrite = Infinity;
    for (let i = 0; i < 300; i++) {
      push();
      const count = writes.length;
      await displayFrame(sinceWrite === 1 ? 50 : 1000 / 60);
      sinceWrite = writes.length > count ? 0 : sinceWrite + 1;
    }
    const late = writes.slice(2);
    expect(late.length).toBeGreaterThan(0);
    for (let i = 1; i < late.length; i++) expect(late[i]! - late[i - 1]!).toBeGreaterThanOrEqual(950);

    // Slow, a round is written in two halves, each rendered by a frame of its own.
    const byPainter: [string, number][] = [];
    offs.push(addPainter(() => byPainter.push(['b', clock.now()]), 'canvas'));
    offs.push(addPainter(() => byPainter.push(['c', clock.now()]), 'canvas'));
    byPainter.length = 0;
    for (let i = 0; i < 90; i++) {
      push();
      await displayFrame();
    }
    const b = byPainter.filter(([k]) => k === 'b').map(([, t]) => t);
    const c = byPainter.filter(([k]) => k === 'c').map(([, t]) => t);
    expect(b.length).toBeGreaterThan(0);
    expect(c.length).toBe(b.length);
    for (let i = 0; i < b.length; i++) expect(Math.abs(c[i]! - b[i]!)).toBeGreaterThan(20);

    // A few lines of text (the clock) keep their pace meanwhile.
    const text: number[] = [];
    offs.push(addPainter(() => text.push(clock.now()), 'text'));
    text.length = 0;
    for (let i = 0; i < 60; i++) {
      push();
      await displayFrame();
    }
    expect(text.length).toBeGreaterThanOrEqual(7);
    for (let i = 1; i < text.length; i++) expect(text[i]! - text[i - 1]!).toBeLessThan(200);

    // Paused: a step's frame is shown without waiting out the slow interval.
    await displayFrame();
    const before = writes.length;
    push(false);
    await displayFrame();
    await displayFrame();
    expect(writes.length).toBe(before + 1);
  });
});
