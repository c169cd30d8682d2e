/**
 * What each chart plots, for the whole system, for the calls in it, or for one node of each kind
 * (each part's `charts`, src/ui/parts). A line reads one value per history row; rates come from
 * differencing cumulative counters (frames/derive.ts).
 */
import type { NodeType } from '../../engine/core';
import { F, G, NODE_KIND_CODES } from '../../engine/snapshot';
import { nodeBase, rateAt } from '../frames/derive';
import type { RowHistory } from '../frames/history';
import { PART } from '../parts/index';
import type { Part } from '../parts/part';
import { amplification, BREAKER_BAND, C, gRate, LOST_BY_REASON, nodesIn, SERIES, sumOver, SYSTEM_DEPTH, SYSTEM_FLOW, SYSTEM_LATENCY, type ChartSpec, type Reader } from './chartKit';

export type { ChartSpec, LineSpec, Reader } from './chartKit';

/** Which charts: the whole system's, its calls', or those of a node of a kind. */
export type ChartKind = 'system' | 'calls' | NodeType;

/** What the charts need to know of the design: its nodes in snapshot order, and who calls. */
export interface DesignShape {
  nodes: readonly { id: string; type: NodeType; calls: boolean }[];
}

/**
 * The design's shape as one string: it compares equal while the shape is unchanged (dragging a
 * node or editing a rate must not rebuild charts), and it is how the paint worker learns
 * the shape (parseShape).
 */
export function shapeKey(nodes: readonly { id: string; type: string }[], callers: ReadonlySet<string>): string {
  return nodes.map((n) => `${n.id}\u0000${n.type}\u0000${callers.has(n.id) ? 1 : 0}`).join('\u0001');
}

export function parseShape(key: string): DesignShape {
  if (key === '') return { nodes: [] };
  return {
    nodes: key.split('\u0001').map((part) => {
      const [id, type, calls] = part.split('\u0000');
      return { id: id!, type: type! in NODE_KIND_CODES ? (type as NodeType) : 'service', calls: calls === '1' };
    }),
  };
}

/** Mean busy fraction of every service, as a percentage. */
const systemUtilization: Reader = (h, i) => {
  let sum = 0, count = 0;
  for (let k = 0; k < nodesIn(h); k++) {
    if (h.get(i, nodeBase(k) + F.kind) !== NODE_KIND_CODES.service) continue;
    sum += h.get(i, nodeBase(k) + F.utilization);
    count++;
  }
  return count > 0 ? (100 * sum) / count : NaN;
};

const SYSTEM: ChartSpec[] = [
  SYSTEM_FLOW,
  SYSTEM_DEPTH,
  SYSTEM_LATENCY,
  LOST_BY_REASON,
  { key: 'util', title: 'Services busy', unit: '%', yMax: 100, lines: [{ name: 'busy', color: C.level, read: systemUtilization }] },
];

const CALLERS = [NODE_KIND_CODES.client, NODE_KIND_CODES.service];

/**
 * The calls view: goodput against throughput, how much each caller multiplies the load, work
 * nobody waited for, and the breakers' states over time. Lines that follow one node are made
 * from the design, at most a few, in the order the nodes were added.
 */
function callCharts(design: DesignShape): ChartSpec[] {
  const callers = design.nodes.filter((d) => d.type === 'client' || (d.type === 'service' && d.calls)).slice(0, SERIES.length);
  const breakers = design.nodes.filter((d) => d.type === 'circuit-breaker').slice(0, 4);
  const byId = (id: string, f: (node: number, h: RowHistory, i: number) => number): Reader => (h, i, _node, ix) => {
    const k = ix.get(id);
    return k === undefined ? NaN : f(k, h, i);
  };
  const charts: ChartSpec[] = [
    {
      key: 'goodput',
      title: 'Goodput',
      unit: 'items/s',
      lines: [
        { name: 'throughput', color: C.out, read: gRate(G.completed) },
        { name: 'goodput (in time)', color: C.good, dashed: true, read: gRate(G.goodput) },
        { name: 'timed out', color: C.bad, read: gRate(G.timedOut) },
      ],
    },
    {
      key: 'amplification',
      title: 'Calls per request',
      unit: '×',
      lines: callers.map((c, k) => ({ name: c.id, color: SERIES[k]!, read: byId(c.id, amplification) })),
    },
    {
      key: 'wasted',
      title: 'Wasted work',
      unit: 'items/s',
      lines: [
        // Services count what they finished after its deadline; callers, answers after they gave up.
        { name: 'served late', color: C.waste, read: sumOver([NODE_KIND_CODES.service], (h, i, k) => rateAt(h, i, nodeBase(k) + F.wasted)) },
        { name: 'late answers', color: C.bad2, read: sumOver([NODE_KIND_CODES.client], (h, i, k) => rateAt(h, i, nodeBase(k) + F.wasted)) },
        { name: 'retries', color: C.p50, dashed: true, read: sumOver(CALLERS, (h, i, k) => rateAt(h, i, nodeBase(k) + F.retries)) },
      ],
    },
    LOST_BY_REASON,
  ];
  if (breakers.length > 0) {
    charts.push({
      key: 'breakers',
      title: 'Breaker state',
      unit: 'over time',
      lines: breakers.map((b) => ({ name: b.id, color: '#4a5568', states: BREAKER_BAND, read: byId(b.id, (k, h, i) => h.get(i, nodeBase(k) + F.state)) })),
    });
  } else {
    charts.push(SYSTEM_LATENCY);
  }
  return charts;
}

/** Whether the calls view has anything to say about this design. */
export const hasCalls = (design: DesignShape): boolean => design.nodes.some((d) => d.type === 'client' || d.calls);

/** The charts for a view: the whole system, its calls, or a node of this kind. */
export function chartsFor(view: ChartKind, design: DesignShape): ChartSpec[] {
  if (view === 'system') return SYSTEM;
  if (view === 'calls') return callCharts(design);
  // A kind the snapshot knows and the palette does not (a flow window) has the system's charts.
  const part: Part | undefined = PART[view];
  return part?.charts ?? SYSTEM;
}
