import { F } from '../../engine/snapshot';
import { C, lagCharts, n, nRate } from '../charts/chartKit';
import type { Part } from './part';

export const consumerGroup: Part = {
  kind: 'consumer-group',
  name: 'Consumer group',
  palette: { group: 'Streams', what: 'Consumers that read a topic, one per partition at most; lag, rebalances, redelivery' },
  starter: { consumers: 2, processingTime: { dist: 'exponential', meanMs: 10 } },
  status: { idle: 'idle', healthy: 'keeping up', saturated: 'behind, catching up', overflowing: 'falling behind' },
  charts: [
    ...lagCharts('Fetched vs done'),
    {
      key: 'loss',
      title: 'Redelivered',
      unit: 'records/s',
      lines: [
        { name: 'redelivered', color: C.bad2, read: nRate(F.redelivered) },
        { name: 'dead letters', color: C.bad, read: nRate(F.deadLettered) },
        { name: 'failed', color: C.waste, read: nRate(F.failed), seen: n(F.failed) },
      ],
    },
    {
      key: 'consumers',
      title: 'Consumers',
      unit: 'consumers',
      lines: [
        { name: 'active', color: C.level, read: n(F.activeConsumers) },
        { name: 'wanted', color: C.cap, dashed: true, read: n(F.capacity) },
        { name: 'rebalancing', color: C.bad, read: n(F.rebalancing) },
      ],
    },
  ],
};
