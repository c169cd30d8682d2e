import { describe, expect, it } from 'vitest';
import { formatAxis, formatSeconds, formatValue, nextTop, niceTop, scrollingTicks, ticks } from './scale';

describe('chart scales', () => {
  it('rounds the top of the y range up to a nice number with some headroom', () => {
    expect(niceTop(0)).toBe(1);
    expect(niceTop(95)).toBe(110);
    expect(niceTop(130)).toBe(160);
    expect(niceTop(130, 100)).toBe(100);
  });

  it('grows the y range at once but shrinks it only when the data fall well below it', () => {
    expect(nextTop(100, 130)).toBe(160);
    expect(nextTop(100, 91)).toBe(110);
    expect(nextTop(100, 60)).toBe(100);
    expect(nextTop(100, 36)).toBe(100);
    expect(nextTop(100, 30)).toBe(35);
    expect(nextTop(0, 0)).toBe(1);
    expect(nextTop(100, 250, 100)).toBe(100);
  });

  it('takes the same shortcut decisions as working the range out every time', () => {
    const slow = (current: number, max: number) => {
      const wanted = niceTop(max);
      return wanted > current || wanted < current * 0.4 ? wanted : current;
    };
    let top = 0;
    for (let i = 0; i < 5000; i++) {
      const max = Math.abs(Math.sin(i / 37) * 10 ** ((i % 7) - 2)) * (1 + (i % 13));
      const expected = slow(top, max);
      top = nextTop(top, max);
      expect(top).toBe(expected);
    }
  });

  it('ticks a scrolling window like d3 would, at the same step redraw after redraw', () => {
    const out: number[] = [];
    expect(scrollingTicks(32.5, 62.5, 3, out)).toEqual(ticks(32.5, 62.5, 3));
    expect(scrollingTicks(100.25, 130.25, 3, out)).toEqual([110, 120, 130]);
    expect(scrollingTicks(0.3, 10.3, 4, out)).toEqual(ticks(0.3, 10.3, 4));
  });

  it('puts ticks on round numbers inside the range', () => {
    expect(ticks(0, 150, 3)).toEqual([0, 50, 100, 150]);
    expect(ticks(32.5, 62.5, 3)).toEqual([40, 50, 60]);
  });

  it('labels with units and short numbers', () => {
    expect(formatSeconds(40)).toBe('40 s');
    expect(formatAxis(1500)).toBe('1.5K');
    expect(formatValue(12.345)).toBe('12.3');
    expect(formatValue(56_789)).toBe('56.8K');
    expect(formatValue(NaN)).toBe('–');
    expect(formatValue(undefined)).toBe('–');
  });
});
