import { F } from '../../engine/snapshot';
import { C, capacityLine, fullness, n, nRate } from '../charts/chartKit';
import type { Part } from './part';

export const queue: Part = {
  kind: 'queue',
  name: 'Queue',
  palette: { group: 'Queues & work', what: 'Holds items until there is room' },
  starter: { capacity: 20, overflow: 'drop-newest' },
  // At capacity the node says "full" (canvas/nodes/status.ts, queueStatus).
  status: { idle: 'idle', healthy: 'healthy', saturated: 'nearly full', overflowing: 'overflowing' },
  events: { capacity: { label: 'capacity', unit: 'items' } },
  charts: [
    { key: 'flow', title: 'In vs out', unit: 'items/s', lines: [{ name: 'arrivals', color: C.in, read: nRate(F.arrived) }, { name: 'departures', color: C.out, read: nRate(F.completed) }] },
    { key: 'depth', title: 'Queue depth', unit: 'items', lines: [{ name: 'waiting', color: C.level, read: n(F.level) }, capacityLine] },
    { key: 'latency', title: 'Wait in queue', unit: 'ms', lines: [{ name: 'p50', color: C.p50, read: n(F.latP50) }, { name: 'p99', color: C.p99, read: n(F.latP99) }] },
    {
      key: 'loss',
      title: 'Turned away',
      unit: 'items/s',
      lines: [
        { name: 'refused', color: C.bad, read: nRate(F.rejected) },
        { name: 'dropped', color: C.bad2, read: nRate(F.dropped) },
        { name: 'expired', color: C.waste, read: nRate(F.expired), seen: n(F.expired) },
      ],
    },
    { key: 'util', title: 'Fullness', unit: '%', yMax: 100, lines: [{ name: 'full', color: C.level, read: fullness }] },
  ],
};
