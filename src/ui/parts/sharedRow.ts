import { F } from '../../engine/snapshot';
import { C, level, LOST_BY_REASON, nRate, SYSTEM_LATENCY } from '../charts/chartKit';
import type { Part } from './part';

export const sharedRow: Part = {
  kind: 'shared-row',
  name: 'Shared row',
  palette: { group: 'Queues & work', what: 'One row written with optimistic concurrency: races fail with 409' },
  starter: { hopMs: 5 },
  status: { idle: 'idle', healthy: 'writing', saturated: 'some conflicts (409)', overflowing: 'mostly conflicts (409)' },
  charts: [
    { key: 'flow', title: 'Writes vs conflicts', unit: 'per s', lines: [{ name: 'writes', color: C.out, read: nRate(F.completed) }, { name: 'conflicts (409)', color: C.bad, read: nRate(F.failed) }] },
    level('In flight', 'calls', 'in flight', F.level),
    SYSTEM_LATENCY,
    LOST_BY_REASON,
  ],
};
