import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

const draws = (r: Rng, n: number) => Array.from({ length: n }, () => r.nextUint32());

describe('Rng streams', () => {
  it('gives the same numbers for the same seed and labels', () => {
    expect(draws(new Rng(42, 'buffer', 'arrivals'), 5)).toEqual(draws(new Rng(42, 'buffer', 'arrivals'), 5));
  });

  it('gives unrelated streams for another seed, node or purpose', () => {
    const base = draws(new Rng(42, 'a', 'arrivals'), 5);
    expect(draws(new Rng(43, 'a', 'arrivals'), 5)).not.toEqual(base);
    expect(draws(new Rng(42, 'b', 'arrivals'), 5)).not.toEqual(base);
    expect(draws(new Rng(42, 'a', 'classes'), 5)).not.toEqual(base);
  });

  it('uses seeds above 2^32 (a seed is any safe integer)', () => {
    expect(draws(new Rng(2 ** 32 + 1, 'a'), 3)).not.toEqual(draws(new Rng(1, 'a'), 3));
  });

  it('draws uniforms on [0,1) with the right mean and variance', () => {
    const r = new Rng(7, 'u');
    const n = 200_000;
    let sum = 0, sq = 0;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      sq += u * u;
    }
    const mean = sum / n;
    // Standard error of the mean of U(0,1) is sqrt(1/12/n) = 0.00065; allow 5 of them.
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it('draws exponentials with the requested mean', () => {
    const r = new Rng(9, 'e');
    const n = 200_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += r.exponential(10);
    // sd of Exp(mean 10) is 10, so the standard error is 10/sqrt(n) = 0.022; allow 5 of them.
    expect(Math.abs(sum / n - 10)).toBeLessThan((5 * 10) / Math.sqrt(n));
  });

  it('draws standard normals', () => {
    const r = new Rng(11, 'n');
    const n = 200_000;
    let sum = 0, sq = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      sum += z;
      sq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(sq / n - 1)).toBeLessThan(0.02);
  });
});
