import { F } from '../../engine/snapshot';
import { C, capacityLine, n, nRate } from '../charts/chartKit';
import { nodeBase } from '../frames/derive';
import type { Part } from './part';

export const service: Part = {
  kind: 'service',
  name: 'Service',
  palette: { group: 'Queues & work', what: 'Workers that process items, or call other services' },
  starter: { concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 20 } },
  status: { idle: 'idle', healthy: 'healthy', saturated: 'saturated', overflowing: 'overflowing' },
  events: {
    serviceTime: { label: 'service time', unit: 'ms' },
    concurrency: { label: 'workers', unit: 'workers' },
    errorRate: { label: 'error rate', unit: '0..1' },
  },
  charts: [
    { key: 'flow', title: 'In vs out', unit: 'items/s', lines: [{ name: 'started', color: C.in, read: nRate(F.arrived) }, { name: 'finished', color: C.out, read: nRate(F.completed) }] },
    {
      key: 'depth',
      title: 'In service',
      unit: 'items',
      lines: [
        { name: 'busy', color: C.level, read: n(F.level) },
        { name: 'held', color: C.bad2, read: n(F.held) },
        { name: 'waiting on calls', color: C.p50, read: n(F.calling), seen: n(F.attempts) },
        { ...capacityLine, name: 'workers' },
      ],
    },
    { key: 'latency', title: 'Time in service', unit: 'ms', lines: [{ name: 'p50', color: C.p50, read: n(F.latP50) }, { name: 'p99', color: C.p99, read: n(F.latP99) }] },
    {
      key: 'loss',
      title: 'Failed or wasted',
      unit: 'items/s',
      lines: [
        { name: 'failed', color: C.bad, read: nRate(F.failed) },
        { name: 'expired', color: C.bad2, read: nRate(F.expired), seen: n(F.expired) },
        { name: 'served late', color: C.waste, read: nRate(F.wasted), seen: n(F.wasted) },
      ],
    },
    {
      key: 'util',
      title: 'Utilization',
      unit: '%',
      yMax: 100,
      lines: [{ name: 'busy', color: C.level, read: (h, i, node) => 100 * h.get(i, nodeBase(node) + F.utilization) }],
    },
  ],
};
