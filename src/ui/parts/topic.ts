import { F } from '../../engine/snapshot';
import { C, lagCharts, nRate, SYSTEM_LATENCY } from '../charts/chartKit';
import type { Part } from './part';

export const topic: Part = {
  kind: 'topic',
  name: 'Topic',
  palette: { group: 'Streams', what: 'A Kafka-like partitioned log with retention: takes every record, deletes old ones' },
  // A workshop retention (Kafka keeps 7 days): a lagging group loses records within minutes.
  starter: { partitions: 3, partitioning: 'key', retentionMs: 120_000 },
  status: { idle: 'idle', healthy: 'appending', saturated: 'near retention', overflowing: 'losing unread records' },
  charts: [
    ...lagCharts('Appended vs read'),
    { key: 'loss', title: 'Retention loss', unit: 'records/s', lines: [{ name: 'deleted unread', color: C.bad, read: nRate(F.lostToRetention) }] },
    SYSTEM_LATENCY,
  ],
};
