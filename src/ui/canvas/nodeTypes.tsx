import { lazy, memo, Suspense, type ComponentType } from 'react';
import type { EdgeTypes, NodeProps, NodeTypes } from '@xyflow/react';
import type { NodeType } from '../../engine/core';
import { PARTS } from '../parts/index';
import type { NodeView, Part } from '../parts/part';
import { ProducerNode } from './nodes/ProducerNode';
import { QueueNode } from './nodes/QueueNode';
import { ServiceNode } from './nodes/ServiceNode';
import { FlowEdge } from './FlowEdge';

/** The default design's kinds: their views are in the first chunk, so the first paint shows them whole. */
const FIRST_CHUNK: Partial<Record<NodeType, NodeTypes[string]>> = { producer: ProducerNode, queue: QueueNode, service: ServiceNode };

/**
 * A part's view (parts/components.ts), loaded the first time a design shows one, with a plain box of
 * its kind until it arrives. The list of loaders itself comes with the first such view.
 */
function later(part: Part): ComponentType<NodeProps> {
  const load = (): Promise<NodeView> =>
    import('../parts/components').then((m) => {
      const view = m.PART_COMPONENTS[part.kind].view;
      if (!view) throw new Error(`The part "${part.kind}" has no node view`);
      return view();
    });
  const Loaded = lazy(() => load().then((view) => ({ default: view as unknown as ComponentType<NodeProps> })));
  return memo(function LazyNode(props: NodeProps) {
    return (
      <Suspense
        fallback={
          <div className={`bp-node bp-node--${part.kind}`} data-health="idle">
            <div className="bp-node__head">
              <span className="bp-node__kind">{part.name}</span>
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

// Module scope: a new object per render would make xyflow remount every node.
export const nodeTypes = Object.fromEntries(PARTS.map((p) => [p.kind, FIRST_CHUNK[p.kind] ?? later(p)])) as Record<NodeType, NodeTypes[string]>;
export const edgeTypes: EdgeTypes = { flow: FlowEdge };
