import { F } from '../../engine/snapshot';
import { guardFlow, inFlight, level, LOST_BY_REASON, SYSTEM_LATENCY } from '../charts/chartKit';
import type { Part } from './part';

export const loadShedder: Part = {
  kind: 'load-shedder',
  name: 'Load shedder',
  palette: { group: 'Guards', what: 'Refuses work over a load limit, least important first' },
  starter: { measure: 'in-flight', limit: 20, priorityAware: true },
  status: { idle: 'idle', healthy: 'admitting', saturated: 'near the limit', overflowing: 'shedding (503)' },
  events: { limit: { label: 'limit', unit: 'items' } },
  charts: [guardFlow('shed (503)'), level('Load', 'items', 'load', F.gauge, 'limit'), inFlight, LOST_BY_REASON, SYSTEM_LATENCY],
};
