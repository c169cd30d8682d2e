import { F } from '../../../engine/index';
import { count } from '../../format';
import type { ConfigOf } from '../../store/graph';
import { gaugeNode } from './GaugeNode';
import { guardHealth } from './live';

function describe(c: ConfigOf<'bulkhead'>): string {
  const lanes = Object.entries(c.perClass ?? {}).map(([cls, n]) => `${cls} ≤ ${n}`);
  return [`${c.maxConcurrentCalls} at once`, ...lanes].join(' · ');
}

/** A semaphore bulkhead: calls in flight against its maximum. */
export const BulkheadNode = gaugeNode({
  kind: 'bulkhead',
  counters: [
    { key: 'passed', label: 'Passed', value: (f) => count(f.snap[f.b + F.accepted]!) },
    { key: 'full', label: 'Full (503)', tone: 'bad', value: (f) => count(f.snap[f.b + F.rejected]!) },
  ],
  read: (f) => {
    const inFlight = f.snap[f.b + F.level]!;
    const max = f.snap[f.b + F.capacity]!;
    return { fill: max > 0 ? inFlight / max : 0, text: `${count(inFlight)} / ${count(max)} in flight`, health: guardHealth(f, max > 0 && inFlight >= 0.8 * max) };
  },
  subtitle: describe,
  initial: (d) => `0 / ${d.maxConcurrentCalls} in flight`,
});
