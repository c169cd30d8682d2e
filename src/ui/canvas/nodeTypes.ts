import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import type { NodeType } from '../../engine/index';
import { AutoscalerNode } from './nodes/AutoscalerNode';
import { BulkheadNode } from './nodes/BulkheadNode';
import { ConnectionPoolNode } from './nodes/ConnectionPoolNode';
import { CircuitBreakerNode } from './nodes/CircuitBreakerNode';
import { ClientNode } from './nodes/ClientNode';
import { ConcurrencyLimitNode } from './nodes/ConcurrencyLimitNode';
import { LoadBalancerNode } from './nodes/LoadBalancerNode';
import { LoadShedderNode } from './nodes/LoadShedderNode';
import { ProducerNode } from './nodes/ProducerNode';
import { QueueNode } from './nodes/QueueNode';
import { RateLimiterNode } from './nodes/RateLimiterNode';
import { ServiceNode } from './nodes/ServiceNode';
import { TopicNode } from './nodes/TopicNode';
import { ConsumerGroupNode } from './nodes/ConsumerGroupNode';
import { FlowEdge } from './FlowEdge';

// Module scope: a new object per render would make xyflow remount every node.
export const nodeTypes = {
  producer: ProducerNode,
  queue: QueueNode,
  service: ServiceNode,
  client: ClientNode,
  'rate-limiter': RateLimiterNode,
  'circuit-breaker': CircuitBreakerNode,
  bulkhead: BulkheadNode,
  'load-balancer': LoadBalancerNode,
  'load-shedder': LoadShedderNode,
  'concurrency-limiter': ConcurrencyLimitNode,
  autoscaler: AutoscalerNode,
  'connection-pool': ConnectionPoolNode,
  topic: TopicNode,
  'consumer-group': ConsumerGroupNode,
} satisfies Record<NodeType, NodeTypes[string]>;
export const edgeTypes: EdgeTypes = { flow: FlowEdge };
