import { guardFlow, inFlight, LOST_BY_REASON, SYSTEM_FLOW, SYSTEM_LATENCY } from '../charts/chartKit';
import type { Part } from './part';

export const loadBalancer: Part = {
  kind: 'load-balancer',
  name: 'Load balancer',
  palette: { group: 'Queues & work', what: 'Spreads items over replicas' },
  starter: { strategy: 'round-robin' },
  status: { idle: 'idle', healthy: 'spreading load', saturated: 'replicas busy', overflowing: 'replicas refusing' },
  charts: [guardFlow('no route'), inFlight, SYSTEM_LATENCY, LOST_BY_REASON, SYSTEM_FLOW],
};
