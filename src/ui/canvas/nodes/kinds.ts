import type { NodeType } from '../../../engine/index';

/** Each kind's name as people say it: palette entries, node headers, the inspector title. */
export const KIND_NAME: Record<NodeType, string> = {
  producer: 'Producer',
  queue: 'Queue',
  service: 'Service',
  client: 'Client',
  'rate-limiter': 'Rate limiter',
  'circuit-breaker': 'Circuit breaker',
  bulkhead: 'Bulkhead',
  'load-balancer': 'Load balancer',
  'load-shedder': 'Load shedder',
  'concurrency-limiter': 'Concurrency limit',
  autoscaler: 'Autoscaler',
  'connection-pool': 'Connection pool',
  topic: 'Topic',
  'consumer-group': 'Consumer group',
  'fan-out': 'Fan-out',
  'shared-row': 'Shared row',
  link: 'Network link',
};
