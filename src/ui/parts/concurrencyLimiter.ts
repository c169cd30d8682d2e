import { F } from '../../engine/snapshot';
import { C, guardFlow, level, LOST_BY_REASON, n, SYSTEM_FLOW, SYSTEM_LATENCY } from '../charts/chartKit';
import type { Part } from './part';

export const concurrencyLimiter: Part = {
  kind: 'concurrency-limiter',
  name: 'Concurrency limit',
  palette: { group: 'Guards', what: 'Learns how many calls in flight a service can take' },
  starter: { algorithm: 'aimd', initialLimit: 10, minLimit: 1, maxLimit: 100, timeoutMs: 1000 },
  status: { idle: 'idle', healthy: 'under the limit', saturated: 'at the limit', overflowing: 'refusing over the limit (503)' },
  charts: [
    guardFlow('over limit (503)'),
    { ...level('Limit and in flight', 'calls', 'in flight', F.level), lines: [{ name: 'in flight', color: C.level, read: n(F.level) }, { name: 'limit', color: C.p99, read: n(F.gauge) }] },
    SYSTEM_LATENCY,
    LOST_BY_REASON,
    SYSTEM_FLOW,
  ],
};
