import { useCallback, useEffect, type DragEvent } from 'react';
import {
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type DefaultEdgeOptions,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
  type OnDelete,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { NODE_TYPES, type NodeType } from '../../engine/core';
import { scenarioStore, useScenario } from '../store/appStore';
import { connectionError, NODE_H, NODE_W, type FlowEdge, type FlowNode } from '../store/graph';
import { noticeStore } from '../store/noticeStore';
import { DotsLayer } from './DotsLayer';
import { CanvasNotices } from './CanvasNotices';
import { EdgeMarkers } from './EdgeMarkers';
import { edgeTypes, nodeTypes } from './nodeTypes';
import { holdNodes } from './nodes/nodeSurface';
import { usePresent } from '../present/presentStore';
import './canvas.css';

/** The drag-and-drop payload type for palette entries. */
export const DRAG_KIND = 'application/x-backpressure-kind';

const defaultEdgeOptions: DefaultEdgeOptions = { type: 'flow', markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: '#9aa5b1' } };
const deleteKeys = ['Delete', 'Backspace'];
const fitViewOptions = { padding: 0.12, maxZoom: 1.25 };
/**
 * From this many parts on, only the nodes and wires in view are in the DOM (xyflow mounts the rest
 * as they scroll in): a big design's cost per frame is then what the screen shows, not its size.
 */
const CULL_FROM = 60;
/**
 * Below this zoom a big design's nodes are drawn far: kind colour, health and name, large, and no
 * live values (at a fifth of their size nobody reads them, and they are most of a frame's paint).
 */
const FAR_ZOOM = 0.45;
const zoomedOut = (s: { transform: [number, number, number] }) => s.transform[2] < FAR_ZOOM;
/** How long after a load the fit waits for every node's size, then follows changes in it (frames). */
const WAIT_FRAMES = 30;
const FOLLOW_FRAMES = 90;

function refuse(from: string, to: string, why: string): void {
  noticeStore.getState().showAlert(`Cannot connect “${from}” → “${to}”: ${why}.`);
}

const onNodesChange = (changes: NodeChange<FlowNode>[]) => scenarioStore.getState().applyNodeChanges(changes);
// A dragged node's live values are drawn by the DOM meanwhile: on the canvas they would trail it.
const onNodeDragStart = (_: unknown, _node: FlowNode, nodes: FlowNode[]) => holdNodes(nodes.map((n) => n.id));
const onNodeDragStop = () => holdNodes([]);
const onEdgesChange = (changes: EdgeChange<FlowEdge>[]) => scenarioStore.getState().applyEdgeChanges(changes);
const onDelete: OnDelete<FlowNode, FlowEdge> = ({ nodes, edges }) =>
  scenarioStore.getState().remove(
    nodes.map((n) => n.id),
    edges.map((e) => e.id),
  );

function onConnect(c: Connection): void {
  const why = scenarioStore.getState().connect(c.source, c.target);
  if (why) refuse(c.source, c.target, why);
  else noticeStore.getState().dismissAlert();
}

// While dragging, xyflow marks the handle under the pointer valid or not using this.
function isValidConnection(c: FlowEdge | Connection): boolean {
  const { nodes, edges } = scenarioStore.getState();
  return connectionError(nodes, edges, c.source, c.target) === null;
}

// A drop on an invalid handle never reaches onConnect: say why here.
function onConnectEnd(_e: MouseEvent | TouchEvent, state: FinalConnectionState): void {
  if (state.isValid !== false || !state.fromNode || !state.toNode) return;
  const forward = state.fromHandle?.type !== 'target';
  const from = forward ? state.fromNode.id : state.toNode.id;
  const to = forward ? state.toNode.id : state.fromNode.id;
  const { nodes, edges } = scenarioStore.getState();
  const why = connectionError(nodes, edges, from, to);
  if (why) refuse(from, to, why);
}

function isKind(v: string): v is NodeType {
  return (NODE_TYPES as readonly string[]).includes(v);
}

/** The editor: the graph that is the scenario, with items animated on top. */
export function FlowCanvas() {
  const nodes = useScenario((s) => s.nodes);
  const edges = useScenario((s) => s.edges);
  const { screenToFlowPosition, fitView } = useReactFlow();
  const flow = useStoreApi();
  const loadVersion = useScenario((s) => s.loadVersion);
  // Presenting, the arrow keys step the run: a selected node (its charts on show) is not nudged.
  const present = usePresent((s) => s.present);
  const far = useStore(zoomedOut) && nodes.length > CULL_FROM;
  // A whole design loaded (a lesson, a link, a file) is shown whole. xyflow measures new nodes
  // first, and a fit before every node has its size would leave the unmeasured ones out: the fit
  // waits until all are measured (a few frames at most, half a second at the very most). A node
  // may still grow once the first snapshot fills it in (a retry budget's bar, a breaker's badge):
  // for a moment after that the fit follows the sizes, so nothing is left cut at the edge.
  useEffect(() => {
    if (loadVersion === 0) return;
    let raf = 0;
    let fitted = '';
    const sizes = () => {
      const all = [...flow.getState().nodeLookup.values()];
      return all.every((n) => n.measured.width && n.measured.height) ? all.map((n) => `${n.measured.width}x${n.measured.height}`).join() : null;
    };
    const follow = (frames: number) => {
      raf = requestAnimationFrame(() => {
        const now = sizes();
        if ((now !== null && now !== fitted) || (fitted === '' && frames <= FOLLOW_FRAMES - WAIT_FRAMES)) {
          fitted = now ?? 'unmeasured';
          void fitView(fitViewOptions);
        }
        if (frames > 0) follow(frames - 1);
      });
    };
    follow(FOLLOW_FRAMES);
    return () => cancelAnimationFrame(raf);
  }, [loadVersion, fitView, flow]);

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(DRAG_KIND)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(DRAG_KIND);
      if (!isKind(kind)) return;
      e.preventDefault();
      const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      scenarioStore.getState().addNode(kind, { x: p.x - NODE_W / 2, y: p.y - NODE_H / 2 });
    },
    [screenToFlowPosition],
  );

  return (
    <div className={far ? 'bp-canvas bp-canvas--far' : 'bp-canvas'} onDragOver={onDragOver} onDrop={onDrop}>
      <EdgeMarkers />
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onDelete={onDelete}
        deleteKeyCode={deleteKeys}
        fitView
        fitViewOptions={fitViewOptions}
        onlyRenderVisibleElements={nodes.length > CULL_FROM}
        minZoom={0.2}
        maxZoom={2}
        connectionRadius={28}
        disableKeyboardA11y={present}
        aria-label="Design canvas"
      >
        <Background gap={24} color="#d5dbe3" />
        <Controls showInteractive={false} />
        <DotsLayer />
      </ReactFlow>
      <CanvasNotices />
    </div>
  );
}
