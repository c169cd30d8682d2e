import { useRef, type ReactNode, type Ref, type RefObject } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeType } from '../../../engine/index';
import { KIND_NAME } from './kinds';
import { useNodeSurface } from './nodeSurface';
import './kinds.css';
import './nodes.css';

interface Props {
  kind: NodeType;
  title: string;
  subtitle: string;
  rootRef: RefObject<HTMLDivElement | null>;
  statusRef: Ref<HTMLSpanElement>;
  children: ReactNode;
  /**
   * Drawn at the right end of the status line (a queue's "full in 14 s"). Placed there rather than
   * on a line of its own, so that it coming and going never changes the node's size: a resized
   * node makes xyflow measure it again and re-render the graph, ten times a second.
   */
  statusAside?: ReactNode;
}

/** The frame every node shares: handles, kind, title, and a status line coloured by health. */
export function NodeShell({ kind, title, subtitle, rootRef, statusRef, children, statusAside }: Props) {
  const surface = useRef<HTMLDivElement>(null);
  useNodeSurface(rootRef, surface);
  return (
    <div ref={rootRef} className={`bp-node bp-node--${kind}`} data-health="idle">
      {/* Producers get an input handle too, so wiring into one is refused with a reason, not ignored. */}
      <Handle type="target" position={Position.Left} className={kind === 'producer' ? 'bp-handle bp-handle--inert' : 'bp-handle'} />
      <div className="bp-node__head">
        <span className="bp-node__kind">{KIND_NAME[kind]}</span>
        <span className="bp-node__title">{title}</span>
      </div>
      <div className="bp-node__sub">{subtitle}</div>
      {children}
      <div className="bp-node__status">
        <span className="bp-node__dot" aria-hidden="true" />
        <span className="bp-live" ref={statusRef}>
          idle
        </span>
        {statusAside}
      </div>
      {/* Where the live values are drawn from, and what they say (nodeSurface.ts). */}
      <div className="bp-node__surface" ref={surface} />
      <Handle type="source" position={Position.Right} className="bp-handle" />
    </div>
  );
}
