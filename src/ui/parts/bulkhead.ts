import { F } from '../../engine/snapshot';
import { guardFlow, level, LOST_BY_REASON, SYSTEM_FLOW, SYSTEM_LATENCY } from '../charts/chartKit';
import type { Part } from './part';

export const bulkhead: Part = {
  kind: 'bulkhead',
  name: 'Bulkhead',
  palette: { group: 'Guards', what: 'Caps calls in flight, so one part cannot take all' },
  starter: { maxConcurrentCalls: 10 },
  status: { idle: 'idle', healthy: 'room to spare', saturated: 'nearly full', overflowing: 'full: refusing (503)' },
  events: { maxConcurrentCalls: { label: 'max calls', unit: 'calls' } },
  charts: [guardFlow('full (503)'), level('Calls in flight', 'calls', 'in flight', F.level, 'max'), SYSTEM_LATENCY, LOST_BY_REASON, SYSTEM_FLOW],
};
