/** The service-time distributions the inspector offers, and switching between them. */
import { moments, type ServiceTime } from '../../../engine/index';

export type Dist = ServiceTime['dist'];
export const DISTS: { value: Dist; label: string }[] = [
  { value: 'exponential', label: 'Exponential (random)' },
  { value: 'constant', label: 'Constant (always the same)' },
  { value: 'lognormal', label: 'Lognormal (long tail)' },
  { value: 'uniform', label: 'Uniform (between two values)' },
  { value: 'pareto', label: 'Pareto (heavy tail)' },
  { value: 'empirical', label: 'Percentiles (your own profile)' },
  { value: 'mixture', label: 'Mixture (e.g. 1% slow)' },
];

/** A new distribution with about the same mean as the old one. */
export function switchDist(from: ServiceTime, to: Dist): ServiceTime {
  const m = Math.max(0.1, Math.round(moments(from).mean * 100) / 100 || 10);
  const r = (v: number) => Math.round(v * 100) / 100;
  switch (to) {
    case 'constant':
      return { dist: 'constant', ms: m };
    case 'exponential':
      return { dist: 'exponential', meanMs: m };
    case 'lognormal':
      return { dist: 'lognormal', meanMs: m, sigma: 0.5 };
    case 'uniform':
      return { dist: 'uniform', minMs: Math.round(m * 50) / 100, maxMs: Math.round(m * 150) / 100 };
    case 'pareto':
      // Shape 2.5: a heavy tail with a finite variance; mean = 2.5 scale / 1.5.
      return { dist: 'pareto', scaleMs: r(m * 0.6), shape: 2.5 };
    case 'empirical':
      return { dist: 'empirical', quantiles: [[0.5, r(m * 0.8)], [0.9, r(m * 1.6)], [0.99, r(m * 4)], [1, r(m * 8)]] };
    case 'mixture':
      // 99% fast, 1% ten times slower: the mean stays about m.
      return {
        dist: 'mixture',
        components: [
          { weight: 0.99, dist: 'exponential', meanMs: r(m / 1.09) },
          { weight: 0.01, dist: 'constant', ms: r((10 * m) / 1.09) },
        ],
      };
  }
}
