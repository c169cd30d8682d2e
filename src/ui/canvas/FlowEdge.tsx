import { memo, useEffect, useLayoutEffect, useMemo } from 'react';
import { BaseEdge, EdgeLabelRenderer, type Edge, type EdgeProps } from '@xyflow/react';
import type { FlowEdgeData } from '../store/graph';
import { edgeGeometries, makeGeometry, pointAlong } from './edgeGeometry';
import { MARKER_FALLBACK, MARKER_RETURN } from './EdgeMarkers';
import './edges.css';
import { WindowGauge } from './WindowGauge';

const HANDLE_GAP = 9;

/**
 * An edge that publishes where it runs, so the dots layer can move items along it. Its kind shows
 * in its stroke: a call is dashed and carries a return arrowhead (the answer comes back, and the
 * caller waits for it); a fallback route is dotted amber.
 */
export const FlowEdge = memo(function FlowEdge({ id, source, target, sourceX, sourceY, targetX, targetY, selected, markerEnd, data }: EdgeProps<Edge<FlowEdgeData>>) {
  // Stop short of the target handle so the arrowhead touches it instead of covering it.
  const geom = useMemo(
    () => makeGeometry(source, target, sourceX, sourceY, targetX - HANDLE_GAP, targetY),
    [source, target, sourceX, sourceY, targetX, targetY],
  );
  useLayoutEffect(() => edgeGeometries.set(id, geom), [id, geom]);
  useEffect(() => () => edgeGeometries.delete(id), [id]);
  const kind = data?.kind ?? 'send';
  const mid = useMemo(() => {
    const p = { x: 0, y: 0 };
    pointAlong(geom, 0.5, p);
    return p;
  }, [geom]);
  const className = `flow-edge flow-edge--${kind}${selected ? ' flow-edge--selected' : ''}`;
  return (
    <>
      <BaseEdge
        id={id}
        path={geom.path}
        markerStart={kind === 'call' ? MARKER_RETURN : undefined}
        markerEnd={kind === 'fallback' ? MARKER_FALLBACK : markerEnd}
        className={className}
        interactionWidth={24}
      />
      {kind !== 'send' && (
        <EdgeLabelRenderer>
          <div className={`flow-edge__label flow-edge__label--${kind}`} style={{ transform: `translate(-50%, -100%) translate(${mid.x}px, ${mid.y - 4}px)` }}>
            {kind === 'call' ? 'calls' : kind === 'scales' ? 'scales' : kind === 'dead-letter' ? 'dead letters' : 'fallback'}
          </div>
        </EdgeLabelRenderer>
      )}
      {data?.flow && (
        <EdgeLabelRenderer>
          <WindowGauge edgeId={id} flow={data.flow} x={mid.x} y={mid.y} />
        </EdgeLabelRenderer>
      )}
    </>
  );
});
