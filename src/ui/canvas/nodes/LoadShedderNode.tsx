import { F } from '../../../engine/index';
import { count } from '../../format';
import { gaugeNode } from './GaugeNode';
import { guardHealth } from './live';

const MEASURE = { 'in-flight': 'in flight', depth: 'held behind' } as const;

/** Admission control: the load it watches against its limit, and what it shed. */
export const LoadShedderNode = gaugeNode({
  kind: 'load-shedder',
  counters: [
    { key: 'passed', label: 'Passed', value: (f) => count(f.snap[f.b + F.accepted]!) },
    { key: 'shed', label: 'Shed (503)', tone: 'bad', value: (f) => count(f.snap[f.b + F.rejected]!) },
  ],
  read: (f, d) => {
    const load = f.snap[f.b + F.gauge]!;
    const limit = f.snap[f.b + F.capacity]!;
    return { fill: limit > 0 ? load / limit : 0, text: `${count(load)} / ${count(limit)} ${MEASURE[d.measure]}`, health: guardHealth(f, limit > 0 && load >= 0.8 * limit) };
  },
  subtitle: (d) => `${d.limit} ${MEASURE[d.measure]}${d.priorityAware ? ' · batch first' : ''}`,
  initial: (d) => `0 / ${d.limit} ${MEASURE[d.measure]}`,
});
