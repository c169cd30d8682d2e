import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Histogram, bucketHigh, bucketLow, bucketOf, HISTOGRAM_BUCKETS } from './histogram';

describe('Histogram', () => {
  it('puts every value in range into the bucket whose edges enclose it', () => {
    fc.assert(
      fc.property(fc.double({ min: 2 ** -10, max: 2 ** 30, noNaN: true, maxExcluded: true }), (v) => {
        const b = bucketOf(v);
        expect(bucketLow(b)).toBeLessThanOrEqual(v);
        expect(v).toBeLessThan(bucketHigh(b));
        // Buckets are at most 1/64 of their lower edge wide: 0.78% error at the midpoint.
        expect((bucketHigh(b) - bucketLow(b)) / bucketLow(b)).toBeLessThanOrEqual(1 / 64 + 1e-12);
      }),
    );
  });

  it('clamps values outside its range to the end buckets', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(-3)).toBe(0);
    expect(bucketOf(1e12)).toBe(HISTOGRAM_BUCKETS - 1);
  });

  it('reports quantiles within 1% of the exact order statistic, on any sample', () => {
    // Lognormal-ish, Pareto-ish and bimodal samples spanning many octaves, against sorted copies.
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 2000 }),
        fc.constantFrom(0.5, 0.9, 0.99, 0.999),
        (values, q) => {
          const h = new Histogram();
          for (const v of values) h.record(v);
          const sorted = [...values].sort((a, b) => a - b);
          const exact = sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
          expect(Math.abs(h.quantile(q) - exact) / exact).toBeLessThan(0.01);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads the same after a reset as a fresh one (the used span is reset too)', () => {
    const h = new Histogram();
    for (const v of [0.5, 7, 9000]) h.record(v);
    h.reset();
    for (const v of [3, 4, 5]) h.record(v);
    const fresh = new Histogram();
    for (const v of [3, 4, 5]) fresh.record(v);
    for (const q of [0.1, 0.5, 0.9, 1]) expect(h.quantile(q)).toBe(fresh.quantile(q));
  });

  it('reports quantiles within 1% of the exact ones', () => {
    const h = new Histogram();
    const values: number[] = [];
    for (let i = 1; i <= 10000; i++) {
      const v = i * 0.37; // 0.37 ms .. 3700 ms
      values.push(v);
      h.record(v);
    }
    for (const q of [0.5, 0.9, 0.99, 0.999]) {
      const exact = values[Math.ceil(q * values.length) - 1]!;
      expect(Math.abs(h.quantile(q) - exact) / exact).toBeLessThan(0.01);
    }
    expect(h.mean).toBeCloseTo(values.reduce((a, b) => a + b) / values.length, 9);
    expect(h.quantile(1)).toBe(values[values.length - 1]); // never above the largest value
  });

  it('is empty after reset and reports 0', () => {
    const h = new Histogram();
    h.record(5);
    h.reset();
    expect([h.count, h.quantile(0.99), h.mean]).toEqual([0, 0, 0]);
  });
});
