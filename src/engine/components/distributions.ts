/**
 * Service-time distributions, all in milliseconds:
 * - `constant {ms}`: every item takes exactly ms (M/D/1 when fed by Poisson arrivals).
 * - `exponential {meanMs}`: memoryless, coefficient of variation 1 (M/M/c).
 * - `lognormal {meanMs, sigma}`: ln(time) is normal with standard deviation sigma, scaled so the
 *   mean is meanMs (mu = ln(meanMs) - sigma^2/2). sigma 0.5 is a moderate tail; 1 and more is the
 *   heavy tail of real services (p99 about 10x the median at sigma 1).
 * - `uniform {minMs, maxMs}`: every value between equally likely.
 */
import { detExp, detLog } from '../kernel/detmath';
import type { Rng } from '../kernel/rng';
import type { ServiceTime } from '../scenario/schema';

export type Sampler = () => number;

export function makeSampler(d: ServiceTime, rng: Rng): Sampler {
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
  }
}

/** E[S] and E[S^2] of a distribution: what the queueing formulas need. */
export function moments(d: ServiceTime): { mean: number; secondMoment: number } {
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
  }
}
