import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { ProducerNode } from './nodes/ProducerNode';
import { QueueNode } from './nodes/QueueNode';
import { ServiceNode } from './nodes/ServiceNode';
import { FlowEdge } from './FlowEdge';

// Module scope: a new object per render would make xyflow remount every node.
export const nodeTypes: NodeTypes = { producer: ProducerNode, queue: QueueNode, service: ServiceNode };
export const edgeTypes: EdgeTypes = { flow: FlowEdge };
