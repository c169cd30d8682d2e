import { F } from '../../engine/snapshot';
import { guardFlow, level, LOST_BY_REASON, SYSTEM_FLOW, SYSTEM_LATENCY } from '../charts/chartKit';
import type { Part } from './part';

export const rateLimiter: Part = {
  kind: 'rate-limiter',
  name: 'Rate limiter',
  palette: { group: 'Guards', what: 'Token bucket: too fast gets 429 + Retry-After' },
  starter: { rate: 40, burst: 20 },
  status: { idle: 'idle', healthy: 'admitting', saturated: 'bucket nearly empty', overflowing: 'limiting (429)' },
  events: { rate: { label: 'rate', unit: 'per s' } },
  charts: [guardFlow('429'), level('Token bucket', 'tokens', 'tokens', F.gauge, 'burst'), SYSTEM_LATENCY, LOST_BY_REASON, SYSTEM_FLOW],
};
