/**
 * Each kind's node view and inspector fields, loaded the first time they are needed. They are kept
 * apart from the parts' data (index.ts) because they import it (names, status words, the stores
 * that read the starters), and so that the first load and the paint worker carry only the data.
 * A kind without `view` has its view in the first chunk (canvas/nodeTypes.tsx).
 */
import type { NodeType } from '../../engine/core';
import type { PartComponents } from './part';

export const PART_COMPONENTS: { [K in NodeType]: PartComponents<K> } = {
  producer: {
    fields: () => import('../panels/inspector/ProducerFields').then((m) => m.ProducerFields),
  },
  queue: {
    fields: () => import('../panels/inspector/QueueFields').then((m) => m.QueueFields),
  },
  service: {
    fields: () => import('../panels/inspector/ServiceFields').then((m) => m.ServiceFields),
  },
  client: {
    view: () => import('../canvas/nodes/ClientNode').then((m) => m.ClientNode),
    fields: () => import('../panels/inspector/ClientFields').then((m) => m.ClientFields),
  },
  'rate-limiter': {
    view: () => import('../canvas/nodes/RateLimiterNode').then((m) => m.RateLimiterNode),
    fields: () => import('../panels/inspector/RateLimiterFields').then((m) => m.RateLimiterFields),
  },
  'circuit-breaker': {
    view: () => import('../canvas/nodes/CircuitBreakerNode').then((m) => m.CircuitBreakerNode),
    fields: () => import('../panels/inspector/BreakerFields').then((m) => m.BreakerFields),
  },
  bulkhead: {
    view: () => import('../canvas/nodes/BulkheadNode').then((m) => m.BulkheadNode),
    fields: () => import('../panels/inspector/BulkheadFields').then((m) => m.BulkheadFields),
  },
  'load-balancer': {
    view: () => import('../canvas/nodes/LoadBalancerNode').then((m) => m.LoadBalancerNode),
    fields: () => import('../panels/inspector/LoadBalancerFields').then((m) => m.LoadBalancerFields),
  },
  'load-shedder': {
    view: () => import('../canvas/nodes/LoadShedderNode').then((m) => m.LoadShedderNode),
    fields: () => import('../panels/inspector/LoadShedderFields').then((m) => m.LoadShedderFields),
  },
  'concurrency-limiter': {
    view: () => import('../canvas/nodes/ConcurrencyLimitNode').then((m) => m.ConcurrencyLimitNode),
    fields: () => import('../panels/inspector/ConcurrencyLimitFields').then((m) => m.ConcurrencyLimitFields),
  },
  autoscaler: {
    view: () => import('../canvas/nodes/AutoscalerNode').then((m) => m.AutoscalerNode),
    fields: () => import('../panels/inspector/ScalingFields').then((m) => m.AutoscalerFields),
  },
  'connection-pool': {
    view: () => import('../canvas/nodes/ConnectionPoolNode').then((m) => m.ConnectionPoolNode),
    fields: () => import('../panels/inspector/ScalingFields').then((m) => m.PoolFields),
  },
  topic: {
    view: () => import('../canvas/nodes/TopicNode').then((m) => m.TopicNode),
    fields: () => import('../panels/inspector/StreamsFields').then((m) => m.TopicFields),
  },
  'consumer-group': {
    view: () => import('../canvas/nodes/ConsumerGroupNode').then((m) => m.ConsumerGroupNode),
    fields: () => import('../panels/inspector/StreamsFields').then((m) => m.GroupFields),
  },
  'fan-out': {
    view: () => import('../canvas/nodes/TailNodes').then((m) => m.FanOutNode),
    fields: () => import('../panels/inspector/TailFields').then((m) => m.FanOutFields),
  },
  'shared-row': {
    view: () => import('../canvas/nodes/TailNodes').then((m) => m.SharedRowNode),
    fields: () => import('../panels/inspector/TailFields').then((m) => m.SharedRowFields),
  },
  link: {
    view: () => import('../canvas/nodes/LinkNode').then((m) => m.LinkNode),
    fields: () => import('../panels/inspector/LinkFields').then((m) => m.LinkFields),
  },
};
