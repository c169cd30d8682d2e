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
        // Buckets are at most 1/32 of their lower edge wide: 1.6% error at the midpoint.
        expect((bucketHigh(b) - bucketLow(b)) / bucketLow(b)).toBeLessThanOrEqual(1 / 32 + 1e-12);
      }),
    );
  });

  it('clamps values outside its range to the end buckets', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(-3)).toBe(0);
    expect(bucketOf(1e12)).toBe(HISTOGRAM_BUCKETS - 1);
  });

  it('reports quantiles within 1.6% of the exact ones', () => {
    const h = new Histogram();
    const values: number[] = [];
    for (let i = 1; i <= 10000; i++) {
      const v = i * 0.37; // 0.37 ms .. 3700 ms
      values.push(v);
      h.record(v);
    }
    for (const q of [0.5, 0.9, 0.99, 0.999]) {
      const exact = values[Math.ceil(q * values.length) - 1]!;
      expect(Math.abs(h.quantile(q) - exact) / exact).toBeLessThan(0.016);
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
