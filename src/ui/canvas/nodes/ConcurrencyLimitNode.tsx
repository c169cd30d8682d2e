import { F } from '../../../engine/index';
import { count } from '../../format';
import type { ConfigOf } from '../../store/graph';
import { gaugeNode } from './GaugeNode';
import { guardHealth, level } from './live';

export const ALGORITHM_NAME: Record<ConfigOf<'concurrency-limiter'>['algorithm'], string> = { aimd: 'AIMD', gradient2: 'Gradient2', fixed: 'fixed' };

/** An adaptive concurrency limit: items in flight against the limit it has learned. */
export const ConcurrencyLimitNode = gaugeNode({
  kind: 'concurrency-limiter',
  counters: [
    { key: 'limit', label: 'Limit', title: 'The current concurrency limit, which the algorithm moves', value: (f) => level(f.snap[f.b + F.gauge]!) },
    { key: 'passed', label: 'Passed', value: (f) => count(f.snap[f.b + F.accepted]!) },
    { key: 'refused', label: 'Refused', tone: 'bad', title: 'Refused over the limit (503)', value: (f) => count(f.snap[f.b + F.rejected]!) },
  ],
  read: (f) => {
    const inFlight = f.snap[f.b + F.level]!;
    const limit = Math.floor(f.snap[f.b + F.gauge]!);
    return { fill: limit > 0 ? inFlight / limit : 0, text: `${count(inFlight)} / ${count(limit)} in flight`, health: guardHealth(f, limit > 0 && inFlight >= limit) };
  },
  subtitle: (d) => (d.algorithm === 'fixed' ? `fixed at ${d.initialLimit}` : `${ALGORITHM_NAME[d.algorithm]} · ${d.minLimit}–${d.maxLimit}`),
  initial: (d) => `0 / ${d.initialLimit} in flight`,
});
