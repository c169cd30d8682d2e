import { memo, useEffect, useLayoutEffect, useMemo } from 'react';
import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { edgeGeometries, makeGeometry } from './edgeGeometry';

const HANDLE_GAP = 9;

/** An edge that publishes where it runs, so the dots layer can move items along it. */
export const FlowEdge = memo(function FlowEdge({ id, source, target, sourceX, sourceY, targetX, targetY, selected, markerEnd }: EdgeProps) {
  // Stop short of the target handle so the arrowhead touches it instead of covering it.
  const geom = useMemo(
    () => makeGeometry(source, target, sourceX, sourceY, targetX - HANDLE_GAP, targetY),
    [source, target, sourceX, sourceY, targetX, targetY],
  );
  useLayoutEffect(() => edgeGeometries.set(id, geom), [id, geom]);
  useEffect(() => () => edgeGeometries.delete(id), [id]);
  return <BaseEdge id={id} path={geom.path} markerEnd={markerEnd} className={selected ? 'flow-edge flow-edge--selected' : 'flow-edge'} interactionWidth={24} />;
});
