/**
 * The node components beyond producer, queue and service, in one chunk of their own: the default
 * design does not use them, so a first visit does not download them (nodeTypes.tsx loads this
 * when a design first shows one).
 */
export { AutoscalerNode } from './AutoscalerNode';
export { BulkheadNode } from './BulkheadNode';
export { CircuitBreakerNode } from './CircuitBreakerNode';
export { ClientNode } from './ClientNode';
export { ConcurrencyLimitNode } from './ConcurrencyLimitNode';
export { ConnectionPoolNode } from './ConnectionPoolNode';
export { ConsumerGroupNode } from './ConsumerGroupNode';
export { LoadBalancerNode } from './LoadBalancerNode';
export { LoadShedderNode } from './LoadShedderNode';
export { RateLimiterNode } from './RateLimiterNode';
export { TopicNode } from './TopicNode';
export { FanOutNode, SharedRowNode } from './TailNodes';
