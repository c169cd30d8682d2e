import { F } from '../../engine/snapshot';
import { guardFlow, level, LOST_BY_REASON, SYSTEM_FLOW, SYSTEM_LATENCY } from '../charts/chartKit';
import type { Part } from './part';

export const link: Part = {
  kind: 'link',
  name: 'Network link',
  palette: { group: 'Queues & work', what: 'Latency on the wire (netem delay, jitter, limit)' },
  starter: { delayMs: 50, jitterMs: 0, limit: 1000 },
  status: { idle: 'idle', healthy: 'carrying', saturated: 'near its limit', overflowing: 'full: refusing (503)' },
  events: { delayMs: { label: 'delay', unit: 'ms' }, limit: { label: 'limit', unit: 'items' } },
  charts: [guardFlow('link full (503)'), level('Items held', 'items', 'held', F.level, 'limit'), SYSTEM_LATENCY, LOST_BY_REASON, SYSTEM_FLOW],
};
