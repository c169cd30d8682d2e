/**
 * The graph on the canvas IS the scenario: xyflow nodes whose `data` is the node's serializable
 * config, plus edges. Pure conversions and checks between the two shapes.
 */
import type { Edge, Node, XYPosition } from '@xyflow/react';
import type { EdgeKind, FlowConfig, NodeConfig, NodeType, Parsed, Scenario } from '../../engine/core';
import { validation } from '../validation';
import { STARTERS } from './starters';

export type FlowNode = Node<NodeConfig, NodeType>;
/** The config of one kind, e.g. ConfigOf<'circuit-breaker'>. */
export type ConfigOf<K extends NodeType> = Extract<NodeConfig, { type: K }>;
/** An edge's `data` holds its kind: send (hand on), call (wait for the answer), fallback. */
export interface FlowEdgeData extends Record<string, unknown> {
  kind: EdgeKind;
  /** Credit-based flow control on a send edge (engine/scenario/flow.ts), if any. */
  flow?: FlowConfig;
}
export type FlowEdge = Edge<FlowEdgeData>;

export const edgeFlow = (e: FlowEdge): FlowConfig | undefined => e.data?.flow;

export const edgeKind = (e: FlowEdge): EdgeKind => e.data?.kind ?? 'send';

/**
 * Every scenario field except the graph (name, seed, duration, and whatever scenario-level fields
 * the schema grows, such as timed events): kept whole, so a file or share link loses nothing.
 */
export type ScenarioMeta = Omit<Scenario, 'nodes' | 'edges'>;

/** Rough node footprint, for finding free room on the canvas. */
export const NODE_W = 208;
export const NODE_H = 190;

function withoutPosition(cfg: NodeConfig): NodeConfig {
  const { position: _p, ...rest } = cfg;
  return rest as NodeConfig;
}

export function nodesFromScenario(s: Scenario): FlowNode[] {
  return s.nodes.map((cfg, i) => ({
    id: cfg.id,
    type: cfg.type,
    position: cfg.position ?? { x: i * (NODE_W + 80), y: 0 },
    data: withoutPosition(cfg),
  }));
}

export const edgeId = (from: string, to: string): string => `${from}->${to}`;

export function makeEdge(from: string, to: string, kind: EdgeKind = 'send', flow?: FlowConfig): FlowEdge {
  return { id: edgeId(from, to), source: from, target: to, type: 'flow', data: flow ? { kind, flow } : { kind } };
}

export function edgesFromScenario(s: Scenario): FlowEdge[] {
  return s.edges.map((e) => makeEdge(e.from, e.to, e.kind, e.flow));
}

export function toScenario(meta: ScenarioMeta, nodes: readonly FlowNode[], edges: readonly FlowEdge[]): Scenario {
  return {
    ...meta,
    nodes: nodes.map((n) => ({ ...n.data, position: { x: Math.round(n.position.x), y: Math.round(n.position.y) } })),
    // "send" is the default: left out, so a plain design reads as it always did.
    edges: edges.map((e) => {
      const kind = edgeKind(e);
      const flow = edgeFlow(e);
      if (flow) return kind === 'send' ? { from: e.source, to: e.target, flow } : { from: e.source, to: e.target, kind, flow };
      return kind === 'send' ? { from: e.source, to: e.target } : { from: e.source, to: e.target, kind };
    }),
  };
}

/** A new node's config: modest values that run without surprises (starters.ts says why each). */
export function starterConfig(type: NodeType, id: string): NodeConfig {
  const p = validation().parseNode({ id, type, ...STARTERS[type] });
  if (!p.ok) throw new Error(`starter config for ${type} is invalid`);
  return p.value;
}

/** Short enough to read as a node's title (the kind is written above it anyway). */
const ID_PREFIX: Partial<Record<NodeType, string>> = {
  'rate-limiter': 'limiter',
  'circuit-breaker': 'breaker',
  'load-balancer': 'balancer',
  'load-shedder': 'shedder',
  'concurrency-limiter': 'conc-limit',
  'consumer-group': 'group',
};

/** "queue-2", "breaker-1": the kind and the smallest number not taken. */
export function nextId(type: NodeType, nodes: readonly FlowNode[]): string {
  const taken = new Set(nodes.map((n) => n.id));
  const prefix = ID_PREFIX[type] ?? type;
  for (let i = 1; ; i++) {
    const id = `${prefix}-${i}`;
    if (!taken.has(id)) return id;
  }
}

function overlaps(p: XYPosition, nodes: readonly FlowNode[]): boolean {
  return nodes.some((n) => Math.abs(n.position.x - p.x) < NODE_W + 20 && Math.abs(n.position.y - p.y) < NODE_H + 20);
}

/** Grid offsets nearest first; at equal distance rightwards, then downwards (where flows go). */
const OFFSETS: readonly [number, number][] = (() => {
  const out: [number, number][] = [];
  for (let dy = -6; dy <= 6; dy++) for (let dx = -6; dx <= 6; dx++) out.push([dx, dy]);
  return out.sort((a, b) => Math.hypot(a[0], a[1]) - Math.hypot(b[0], b[1]) || b[0] - a[0] || b[1] - a[1]);
})();

/** The free spot nearest `near` on a grid around it. */
export function freeSpot(nodes: readonly FlowNode[], near: XYPosition): XYPosition {
  const stepX = NODE_W + 60;
  const stepY = NODE_H + 40;
  for (const [dx, dy] of OFFSETS) {
    const p = { x: Math.round(near.x + dx * stepX), y: Math.round(near.y + dy * stepY) };
    if (!overlaps(p, nodes)) return p;
  }
  return { x: near.x, y: near.y + nodes.length * 20 };
}

/** The kind a new edge from this node gets: an autoscaler's only edge names the service it scales. */
export const defaultEdgeKind = (from: Pick<NodeConfig, 'type'> | undefined): EdgeKind => (from?.type === 'autoscaler' ? 'scales' : 'send');

/** Why from → to may not be drawn (wiring rules, duplicates, loops), or null. */
export function connectionError(nodes: readonly FlowNode[], edges: readonly FlowEdge[], from: string, to: string, kindAsked?: EdgeKind): string | null {
  const a = nodes.find((n) => n.id === from);
  const b = nodes.find((n) => n.id === to);
  if (!a || !b) return 'that node no longer exists';
  const kind = kindAsked ?? defaultEdgeKind(a.data);
  const rule = validation().wiringError(a.data, b.data, kind);
  if (rule) return rule;
  if (edges.some((e) => e.source === from && e.target === to)) return `"${from}" already feeds "${to}"`;
  const candidate = [...edges.map((e) => ({ from: e.source, to: e.target, kind: edgeKind(e) })), { from, to, kind }];
  const issues = validation().checkGraph(
    nodes.map((n) => n.data),
    candidate,
  );
  return issues[0]?.message ?? null;
}

/** A node's config with `patch` merged over it, validated as a whole (undefined removes a field). */
export function mergeConfig(cfg: NodeConfig, patch: Record<string, unknown>): Parsed<NodeConfig> {
  const merged: Record<string, unknown> = { ...cfg, ...patch, id: cfg.id, type: cfg.type };
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  return validation().parseNode(merged);
}

/** Why edge `id` may not become a `kind` edge (wiring rules, loops), or null. */
export function edgeKindError(nodes: readonly FlowNode[], edges: readonly FlowEdge[], id: string, kind: EdgeKind): string | null {
  const edge = edges.find((e) => e.id === id);
  if (!edge) return 'that connection no longer exists';
  const a = nodes.find((n) => n.id === edge.source);
  const b = nodes.find((n) => n.id === edge.target);
  if (!a || !b) return 'that node no longer exists';
  const rule = validation().wiringError(a.data, b.data, kind);
  if (rule) return rule;
  const issues = validation().checkGraph(
    nodes.map((n) => n.data),
    edges.map((e) => ({ from: e.source, to: e.target, kind: e.id === id ? kind : edgeKind(e) })),
  );
  return issues[0]?.message ?? null;
}
