/**
 * The graph on the canvas IS the scenario: xyflow nodes whose `data` is the node's serializable
 * config, plus edges. Pure conversions and checks between the two shapes.
 */
import type { Edge, Node, XYPosition } from '@xyflow/react';
import { checkGraph, parseNode, wiringError, type NodeConfig, type NodeType, type Parsed, type Scenario } from '../../engine/index';

export type FlowNode = Node<NodeConfig, NodeType>;
export type FlowEdge = Edge;

export interface ScenarioMeta {
  name: string;
  description?: string;
  durationMs: number;
  seed: number;
}

/** Rough node footprint, for finding free room on the canvas. */
export const NODE_W = 208;
export const NODE_H = 150;

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

export function edgesFromScenario(s: Scenario): FlowEdge[] {
  return s.edges.map((e) => ({ id: edgeId(e.from, e.to), source: e.from, target: e.to, type: 'flow' }));
}

export function toScenario(meta: ScenarioMeta, nodes: readonly FlowNode[], edges: readonly FlowEdge[]): Scenario {
  return {
    version: 1,
    name: meta.name,
    ...(meta.description !== undefined ? { description: meta.description } : {}),
    seed: meta.seed,
    durationMs: meta.durationMs,
    nodes: nodes.map((n) => ({ ...n.data, position: { x: Math.round(n.position.x), y: Math.round(n.position.y) } })),
    edges: edges.map((e) => ({ from: e.source, to: e.target })),
  };
}

const STARTERS: Record<NodeType, Record<string, unknown>> = {
  producer: { rate: 50, arrival: 'poisson' },
  queue: { capacity: 20, overflow: 'drop-newest' },
  service: { concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 20 } },
};

/** A new node's config: modest values that run without surprises. */
export function starterConfig(type: NodeType, id: string): NodeConfig {
  const p = parseNode({ id, type, ...STARTERS[type] });
  if (!p.ok) throw new Error(`starter config for ${type} is invalid`);
  return p.value;
}

/** "queue-2": the kind and the smallest number not taken. */
export function nextId(type: NodeType, nodes: readonly FlowNode[]): string {
  const taken = new Set(nodes.map((n) => n.id));
  for (let i = 1; ; i++) {
    const id = `${type}-${i}`;
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

/** Why from → to may not be drawn (wiring rules, duplicates, loops), or null. */
export function connectionError(nodes: readonly FlowNode[], edges: readonly FlowEdge[], from: string, to: string): string | null {
  const a = nodes.find((n) => n.id === from);
  const b = nodes.find((n) => n.id === to);
  if (!a || !b) return 'that node no longer exists';
  const rule = wiringError(a.data, b.data);
  if (rule) return rule;
  if (edges.some((e) => e.source === from && e.target === to)) return `"${from}" already feeds "${to}"`;
  const candidate = [...edges.map((e) => ({ from: e.source, to: e.target })), { from, to }];
  const issues = checkGraph(
    nodes.map((n) => n.data),
    candidate,
  );
  return issues[0]?.message ?? null;
}

/** A node's config with `patch` merged over it, validated as a whole (undefined removes a field). */
export function mergeConfig(cfg: NodeConfig, patch: Record<string, unknown>): Parsed<NodeConfig> {
  const merged: Record<string, unknown> = { ...cfg, ...patch, id: cfg.id, type: cfg.type };
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  return parseNode(merged);
}
