/**
 * Service-time distributions, all in milliseconds:
 * - `constant {ms}`: every item takes exactly ms (M/D/1 when fed by Poisson arrivals).
 * - `exponential {meanMs}`: memoryless, coefficient of variation 1 (M/M/c).
 * - `lognormal {meanMs, sigma}`: ln(time) is normal with standard deviation sigma, scaled so the
 *   mean is meanMs (mu = ln(meanMs) - sigma^2/2). sigma 0.5 is a moderate tail; 1 and more is the
 *   heavy tail of real services (p99 about 10x the median at sigma 1).
 * - `uniform {minMs, maxMs}`: every value between equally likely.
 * - `pareto {scaleMs, shape}`: Pareto type I, P(S > x) = (scaleMs / x)^shape for x ≥ scaleMs, by
 *   inverse transform x = scaleMs · U^(-1/shape). Mean shape·scaleMs/(shape - 1); the variance is
 *   infinite at shape ≤ 2 (the heavy tail of file sizes and job sizes in the open-vs-closed studies).
 * - `empirical {quantiles}`: the piecewise-linear inverse CDF through the [p, ms] points, from
 *   (0, 0): a service's own dashboard percentiles pasted in (p50, p90, p99, max).
 * - `mixture {components}`: component i with probability weight_i / sum(weights), e.g. 99.9% at
 *   100 ms and 0.1% at 10 s (the bimodal service of Schroeder, Wierman and Harchol-Balter's
 *   "Open Versus Closed: A Cautionary Tale", and "1% of requests hit a slow disk").
 */
import { detExp, detLog } from '../kernel/detmath';
import type { Rng } from '../kernel/rng';
import type { MixtureComponent, ServiceTime } from '../scenario/schema';

/** A distribution that may be a mixture's component (weight ignored). */
type Simple = Exclude<ServiceTime, { dist: 'mixture' }> | MixtureComponent;

export type Sampler = () => number;

export function makeSampler(d: ServiceTime, rng: Rng): Sampler {
  if (d.dist !== 'mixture') return simpleSampler(d, rng);
  const parts = d.components.map((c) => simpleSampler(c, rng));
  const cum = cumulativeWeights(d.components);
  const last = parts.length - 1;
  return () => {
    const u = rng.next();
    let i = 0;
    while (i < last && u >= cum[i]!) i++;
    return parts[i]!();
  };
}

/** Running sums of the weights, normalised so the last is 1. */
function cumulativeWeights(cs: readonly { weight: number }[]): Float64Array {
  const total = cs.reduce((s, c) => s + c.weight, 0);
  const cum = new Float64Array(cs.length);
  let acc = 0;
  cs.forEach((c, i) => (cum[i] = (acc += c.weight) / total));
  return cum;
}

/** The inverse CDF of an empirical profile at u in [0, 1]: straight lines between its points, from (0, 0). */
export function empiricalAt(qs: readonly (readonly [number, number])[], u: number): number {
  let p0 = 0, x0 = 0;
  for (const [p, x] of qs) {
    if (u <= p) return p > p0 ? x0 + ((x - x0) * (u - p0)) / (p - p0) : x;
    p0 = p;
    x0 = x;
  }
  return x0;
}

function simpleSampler(d: Simple, rng: Rng): Sampler {
  switch (d.dist) {
    case 'constant': {
      const ms = d.ms;
      return () => ms;
    }
    case 'exponential': {
      const mean = d.meanMs;
      return () => rng.exponential(mean);
    }
    case 'lognormal': {
      const sigma = d.sigma;
      const mu = detLog(d.meanMs) - (sigma * sigma) / 2;
      return () => detExp(mu + sigma * rng.normal());
    }
    case 'uniform': {
      const lo = d.minMs, span = d.maxMs - d.minMs;
      return () => lo + span * rng.next();
    }
    case 'pareto': {
      const scale = d.scaleMs, inv = 1 / d.shape;
      return () => scale * detExp(-inv * detLog(rng.nextOpen()));
    }
    case 'empirical': {
      const qs = d.quantiles;
      return () => empiricalAt(qs, rng.next());
    }
  }
}

/** E[S] and E[S^2] of a distribution: what the queueing formulas need (E[S^2] is Infinity for Pareto shape ≤ 2). */
export function moments(d: ServiceTime): { mean: number; secondMoment: number } {
  if (d.dist !== 'mixture') return simpleMoments(d);
  const total = d.components.reduce((s, c) => s + c.weight, 0);
  let mean = 0, secondMoment = 0;
  for (const c of d.components) {
    if (c.weight === 0) continue;
    const m = simpleMoments(c);
    mean += (c.weight / total) * m.mean;
    secondMoment += (c.weight / total) * m.secondMoment;
  }
  return { mean, secondMoment };
}

function simpleMoments(d: Simple): { mean: number; secondMoment: number } {
  switch (d.dist) {
    case 'constant':
      return { mean: d.ms, secondMoment: d.ms * d.ms };
    case 'exponential':
      return { mean: d.meanMs, secondMoment: 2 * d.meanMs * d.meanMs };
    case 'lognormal':
      return { mean: d.meanMs, secondMoment: d.meanMs * d.meanMs * detExp(d.sigma * d.sigma) };
    case 'uniform': {
      const a = d.minMs, b = d.maxMs;
      return { mean: (a + b) / 2, secondMoment: (a * a + a * b + b * b) / 3 };
    }
    case 'pareto': {
      const { scaleMs: x, shape: a } = d;
      return { mean: (a * x) / (a - 1), secondMoment: a > 2 ? (a * x * x) / (a - 2) : Infinity };
    }
    case 'empirical': {
      // Each segment is uniform between its two times: mean (x0+x1)/2, E[S^2] (x0² + x0·x1 + x1²)/3.
      let p0 = 0, x0 = 0, mean = 0, secondMoment = 0;
      for (const [p, x] of d.quantiles) {
        const w = p - p0;
        mean += (w * (x0 + x)) / 2;
        secondMoment += (w * (x0 * x0 + x0 * x + x * x)) / 3;
        p0 = p;
        x0 = x;
      }
      return { mean, secondMoment };
    }
  }
}

/** The same shape with every time multiplied by `f` (the mean moves by f, the coefficient of variation stays). */
export function scaleTime(d: ServiceTime, f: number): ServiceTime {
  if (d.dist === 'mixture') return { dist: 'mixture', components: d.components.map((c) => ({ ...scaleSimple(c, f), weight: c.weight }) as MixtureComponent) };
  return scaleSimple(d, f) as ServiceTime;
}

function scaleSimple(d: Simple, f: number): Simple {
  switch (d.dist) {
    case 'constant':
      return { ...d, ms: d.ms * f };
    case 'exponential':
    case 'lognormal':
      return { ...d, meanMs: d.meanMs * f };
    case 'uniform':
      return { ...d, minMs: d.minMs * f, maxMs: d.maxMs * f };
    case 'pareto':
      return { ...d, scaleMs: d.scaleMs * f };
    case 'empirical':
      return { ...d, quantiles: d.quantiles.map(([p, x]) => [p, x * f] as [number, number]) };
  }
}
