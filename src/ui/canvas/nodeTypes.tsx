import { lazy, memo, Suspense, type ComponentType } from 'react';
import type { EdgeTypes, NodeProps, NodeTypes } from '@xyflow/react';
import type { NodeType } from '../../engine/index';
import { KIND_NAME } from './nodes/kinds';
import { ProducerNode } from './nodes/ProducerNode';
import { QueueNode } from './nodes/QueueNode';
import { ServiceNode } from './nodes/ServiceNode';
import { FlowEdge } from './FlowEdge';

type More = typeof import('./nodes/moreNodes');
const loadMore = () => import('./nodes/moreNodes');

/** A node kind from the lazily loaded chunk, with a plain box of its kind until it arrives. */
function later(kind: NodeType, name: keyof More): ComponentType<NodeProps> {
  const Loaded = lazy(() => loadMore().then((m) => ({ default: m[name] as unknown as ComponentType<NodeProps> })));
  return memo(function LazyNode(props: NodeProps) {
    return (
      <Suspense
        fallback={
          <div className={`bp-node bp-node--${kind}`} data-health="idle">
            <div className="bp-node__head">
              <span className="bp-node__kind">{KIND_NAME[kind]}</span>
              <span className="bp-node__title">{props.id}</span>
            </div>
          </div>
        }
      >
        <Loaded {...props} />
      </Suspense>
    );
  });
}

/** A kind with no node view of its own yet: the plain box of its kind. */
function plain(kind: NodeType): ComponentType<NodeProps> {
  return memo(function PlainNode(props: NodeProps) {
    return (
      <div className={`bp-node bp-node--${kind}`} data-health="idle">
        <div className="bp-node__head">
          <span className="bp-node__kind">{KIND_NAME[kind]}</span>
          <span className="bp-node__title">{props.id}</span>
        </div>
      </div>
    );
  });
}

// Module scope: a new object per render would make xyflow remount every node.
export const nodeTypes = {
  producer: ProducerNode,
  queue: QueueNode,
  service: ServiceNode,
  client: later('client', 'ClientNode'),
  'rate-limiter': later('rate-limiter', 'RateLimiterNode'),
  'circuit-breaker': later('circuit-breaker', 'CircuitBreakerNode'),
  bulkhead: later('bulkhead', 'BulkheadNode'),
  'load-balancer': later('load-balancer', 'LoadBalancerNode'),
  'load-shedder': later('load-shedder', 'LoadShedderNode'),
  'concurrency-limiter': later('concurrency-limiter', 'ConcurrencyLimitNode'),
  autoscaler: later('autoscaler', 'AutoscalerNode'),
  'connection-pool': later('connection-pool', 'ConnectionPoolNode'),
  topic: later('topic', 'TopicNode'),
  'consumer-group': later('consumer-group', 'ConsumerGroupNode'),
  'fan-out': later('fan-out', 'FanOutNode'),
  'shared-row': later('shared-row', 'SharedRowNode'),
  link: plain('link'),
} satisfies Record<NodeType, NodeTypes[string]>;
export const edgeTypes: EdgeTypes = { flow: FlowEdge };
