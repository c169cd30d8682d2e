/**
 * The new service-time shapes against their closed forms. Each test draws n = 200,000 samples from
 * one seeded stream: the sample mean's standard error is sd / sqrt(n), and the sample variance's
 * is sqrt((mu4 - sigma^4) / n) with mu4 the fourth central moment (computed below for each case);
 * every check allows 4 standard errors.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../kernel/rng';
import { parseNode } from '../scenario/validate';
import type { ServiceTime } from '../scenario/schema';
import { empiricalAt, makeSampler, moments, scaleTime } from './distributions';

const N = 200_000;

function draw(d: ServiceTime, seed = 7): Float64Array {
  const s = makeSampler(d, new Rng(seed, 'dist-test'));
  const xs = new Float64Array(N);
  for (let i = 0; i < N; i++) xs[i] = s();
  return xs;
}

function sampleMeanVar(xs: Float64Array): { mean: number; variance: number } {
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  return { mean, variance: ss / (xs.length - 1) };
}

describe('mixture', () => {
  // 99% at 100 ms, 1% at 10 s: "1% of requests hit a slow disk".
  const slowDisk: ServiceTime = {
    dist: 'mixture',
    components: [
      { weight: 0.99, dist: 'constant', ms: 100 },
      { weight: 0.01, dist: 'constant', ms: 10_000 },
    ],
  };

  it('has the weighted mean and second moment of its components', () => {
    const m = moments(slowDisk);
    expect(m.mean).toBeCloseTo(0.99 * 100 + 0.01 * 10_000, 9);
    expect(m.secondMoment).toBeCloseTo(0.99 * 100 ** 2 + 0.01 * 10_000 ** 2, 6);
  });

  it('samples match them: a two-point law, so the share of slow items is binomial', () => {
    const xs = draw(slowDisk);
    const slow = xs.filter((x) => x === 10_000).length;
    expect(xs.every((x) => x === 100 || x === 10_000)).toBe(true);
    // Binomial(N, 0.01): SE sqrt(0.01 x 0.99 / N) = 0.00022.
    expect(Math.abs(slow / N - 0.01)).toBeLessThan(4 * Math.sqrt((0.01 * 0.99) / N));
    const { mean, variance } = sampleMeanVar(xs);
    const m = moments(slowDisk);
    const sigma2 = m.secondMoment - m.mean ** 2;
    expect(Math.abs(mean - m.mean)).toBeLessThan(4 * Math.sqrt(sigma2 / N));
    // Two-point law: Var = p(1-p)(b-a)^2, and the sample variance follows the sample share.
    expect(sigma2).toBeCloseTo(0.01 * 0.99 * 9900 ** 2, 3);
    expect(Math.abs(variance - sigma2) / sigma2).toBeLessThan(4 * Math.sqrt((0.01 * 0.99) / N) / (0.01 * 0.99) + 1e-3);
  });

  it('normalises weights that do not sum to 1, and mixes any shapes', () => {
    const mix: ServiceTime = {
      dist: 'mixture',
      components: [
        { weight: 3, dist: 'exponential', meanMs: 10 },
        { weight: 1, dist: 'uniform', minMs: 40, maxMs: 60 },
      ],
    };
    const m = moments(mix);
    expect(m.mean).toBeCloseTo(0.75 * 10 + 0.25 * 50, 9);
    expect(m.secondMoment).toBeCloseTo(0.75 * 200 + 0.25 * ((40 * 40 + 40 * 60 + 60 * 60) / 3), 9);
    const { mean, variance } = sampleMeanVar(draw(mix));
    const sigma2 = m.secondMoment - m.mean ** 2;
    expect(Math.abs(mean - m.mean)).toBeLessThan(4 * Math.sqrt(sigma2 / N));
    // 4 SE of a sample variance need the fourth moment; a loose 3% holds it with room (SE about 0.6% here).
    expect(Math.abs(variance - sigma2) / sigma2).toBeLessThan(0.03);
  });

  it('a mixture of one component is that component', () => {
    const one: ServiceTime = { dist: 'mixture', components: [{ weight: 2, dist: 'exponential', meanMs: 10 }] };
    expect(moments(one)).toEqual(moments({ dist: 'exponential', meanMs: 10 }));
  });
});

describe('pareto', () => {
  it('has mean shape x scale / (shape - 1) and variance scale^2 shape / ((shape - 1)^2 (shape - 2))', () => {
    // Shape 5: the fourth moment is finite, so the sample variance has a standard error.
    const d: ServiceTime = { dist: 'pareto', scaleMs: 10, shape: 5 };
    const a = 5, x = 10;
    const mean = (a * x) / (a - 1);
    const sigma2 = (x * x * a) / ((a - 1) ** 2 * (a - 2));
    const m = moments(d);
    expect(m.mean).toBeCloseTo(mean, 12);
    expect(m.secondMoment - m.mean ** 2).toBeCloseTo(sigma2, 9);
    const xs = draw(d);
    const s = sampleMeanVar(xs);
    expect(Math.abs(s.mean - mean)).toBeLessThan(4 * Math.sqrt(sigma2 / N));
    // Central fourth moment of Pareto(5): E[(X - mu)^4] from raw moments E[X^k] = a x^k / (a - k).
    const raw = (k: number) => (a * x ** k) / (a - k);
    const mu4 = raw(4) - 4 * mean * raw(3) + 6 * mean ** 2 * raw(2) - 3 * mean ** 4;
    expect(Math.abs(s.variance - sigma2)).toBeLessThan(4 * Math.sqrt((mu4 - sigma2 ** 2) / N));
    expect(xs.every((v) => v >= x)).toBe(true);
  });

  it('has the tail P(S > t) = (scale / t)^shape at every shape, heavy ones included', () => {
    const d: ServiceTime = { dist: 'pareto', scaleMs: 10, shape: 1.5 };
    expect(moments(d).mean).toBeCloseTo(30, 12);
    expect(moments(d).secondMoment).toBe(Infinity);
    const xs = draw(d);
    for (const t of [20, 100, 1000]) {
      const p = (10 / t) ** 1.5;
      const share = xs.filter((v) => v > t).length / N;
      expect(Math.abs(share - p), `P(S > ${t})`).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
    }
  });
});

describe('empirical percentiles', () => {
  const profile: ServiceTime = {
    dist: 'empirical',
    quantiles: [
      [0.5, 12],
      [0.9, 30],
      [0.99, 250],
      [1, 900],
    ],
  };

  it('passes through its points, in straight lines from (0, 0)', () => {
    if (profile.dist !== 'empirical') throw new Error('unreachable');
    const q = profile.quantiles;
    expect(empiricalAt(q, 0)).toBe(0);
    expect(empiricalAt(q, 0.25)).toBe(6);
    expect(empiricalAt(q, 0.5)).toBe(12);
    expect(empiricalAt(q, 0.7)).toBeCloseTo(21, 12);
    expect(empiricalAt(q, 0.99)).toBe(250);
    expect(empiricalAt(q, 1)).toBe(900);
    expect(empiricalAt([[0, 5], [1, 15]], 0)).toBe(5);
  });

  it('its samples have those percentiles, and the mean of the piecewise-uniform law', () => {
    const xs = draw(profile);
    const sorted = Float64Array.from(xs).sort();
    for (const [p, ms] of [
      [0.5, 12],
      [0.9, 30],
      [0.99, 250],
    ] as const) {
      // The sample p-quantile's rank is within 4 binomial SE of p N; read the times at those ranks.
      const se = Math.sqrt((p * (1 - p)) / N);
      expect(sorted[Math.floor((p - 4 * se) * N)]!).toBeLessThanOrEqual(ms);
      expect(sorted[Math.ceil((p + 4 * se) * N)]!).toBeGreaterThanOrEqual(ms);
    }
    const m = moments(profile);
    // Segments: 0.5 x 6 + 0.4 x 21 + 0.09 x 140 + 0.01 x 575.
    expect(m.mean).toBeCloseTo(3 + 8.4 + 12.6 + 5.75, 9);
    const s = sampleMeanVar(xs);
    expect(Math.abs(s.mean - m.mean)).toBeLessThan(4 * Math.sqrt((m.secondMoment - m.mean ** 2) / N));
  });
});

describe('scaling a distribution', () => {
  it('multiplies the mean by the factor, whatever the shape', () => {
    const shapes: ServiceTime[] = [
      { dist: 'pareto', scaleMs: 10, shape: 2.5 },
      { dist: 'empirical', quantiles: [[0.5, 10], [1, 40]] },
      { dist: 'mixture', components: [{ weight: 1, dist: 'constant', ms: 5 }, { weight: 1, dist: 'lognormal', meanMs: 20, sigma: 1 }] },
    ];
    for (const d of shapes) expect(moments(scaleTime(d, 3)).mean).toBeCloseTo(3 * moments(d).mean, 9);
  });
});

describe('refusals, with the field path', () => {
  const service = (serviceTime: unknown) => parseNode({ id: 's', type: 'service', serviceTime });
  const issue = (serviceTime: unknown) => {
    const r = service(serviceTime);
    if (r.ok) throw new Error(`accepted ${JSON.stringify(serviceTime)}`);
    return r.issues[0]!;
  };

  it('a Pareto shape ≤ 1, whose mean would be infinite', () => {
    expect(issue({ dist: 'pareto', scaleMs: 10, shape: 1 })).toEqual({ path: 'serviceTime.shape', message: expect.stringMatching(/mean would be infinite/) });
    expect(service({ dist: 'pareto', scaleMs: 10, shape: 1.01 }).ok).toBe(true);
  });

  it('weights that do not sum to more than 0, and more than 8 components', () => {
    const zero = { dist: 'mixture', components: [{ weight: 0, dist: 'constant', ms: 1 }] };
    expect(issue(zero)).toEqual({ path: 'serviceTime.components', message: 'the weights must sum to more than 0' });
    expect(issue({ dist: 'mixture', components: [{ weight: -1, dist: 'constant', ms: 1 }] }).path).toBe('serviceTime.components[0].weight');
    const nine = { dist: 'mixture', components: Array.from({ length: 9 }, () => ({ weight: 1, dist: 'constant', ms: 1 })) };
    expect(issue(nine)).toEqual({ path: 'serviceTime.components', message: 'at most 8 components; got 9 items' });
  });

  it('a mixture inside a mixture', () => {
    const nested = { dist: 'mixture', components: [{ weight: 1, dist: 'mixture', components: [] }] };
    expect(issue(nested)).toEqual({ path: 'serviceTime.components[0].dist', message: expect.stringMatching(/cannot be nested/) });
  });

  it('percentiles out of order, times that decrease, and a profile that does not end at p = 1', () => {
    expect(issue({ dist: 'empirical', quantiles: [[0.9, 30], [0.5, 40], [1, 50]] })).toEqual({ path: 'serviceTime.quantiles[1][0]', message: 'p must increase: 0.5 after 0.9' });
    expect(issue({ dist: 'empirical', quantiles: [[0.5, 30], [0.9, 20], [1, 50]] })).toEqual({ path: 'serviceTime.quantiles[1][1]', message: 'ms must not decrease: 20 after 30' });
    expect(issue({ dist: 'empirical', quantiles: [[0.5, 30], [0.99, 50]] }).message).toMatch(/last point must be at p = 1/);
    expect(issue({ dist: 'empirical', quantiles: [[1.5, 30]] }).path).toBe('serviceTime.quantiles[0][0]');
  });
});
