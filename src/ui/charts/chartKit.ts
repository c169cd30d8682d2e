/**
 * What the charts are made of: a chart's lines read one value per history row, rates come from
 * differencing cumulative counters (frames/derive.ts). The colours and the charts several views
 * share are here; each part's own charts are in its module (src/ui/parts), the views that span
 * the design in metrics.ts.
 */
import { BREAKER_STATES, F, G, NODE_KIND_CODES, REASONS } from '../../engine/snapshot';
import { nodeBase, rateAt } from '../frames/derive';
import type { RowHistory } from '../frames/history';

/**
 * `node` is the node's index in the run's snapshot layout, -1 for the whole system; `ix` finds
 * another node's index by id (lines that follow a named node, such as one caller of several).
 */
export type Reader = (h: RowHistory, i: number, node: number, ix: ReadonlyMap<string, number>) => number;

export interface LineSpec {
  name: string;
  color: string;
  read: Reader;
  dashed?: boolean;
  /**
   * Shown (legend and line) only once this cumulative count is above 0 at the newest row: one line
   * per refusal reason would crowd the legend, the reasons that happened are what matter.
   */
  seen?: Reader;
  /** A state, not a quantity: drawn as a band coloured by the state the value indexes. */
  states?: readonly { label: string; color: string }[];
}

export interface ChartSpec {
  key: string;
  title: string;
  unit: string;
  lines: LineSpec[];
  /** Fixed y range (percentages), else 0..max of what is visible. */
  yMax?: number;
}

export const C = { in: '#2b6cb0', out: '#2f855a', good: '#276749', p50: '#6b46c1', p99: '#c05621', bad: '#c53030', bad2: '#dd6b20', level: '#2c7a7b', cap: '#718096', waste: '#975a16' };
/** Distinct colours for one line per node or per reason, in order. */
export const SERIES = ['#2b6cb0', '#c05621', '#6b46c1', '#2c7a7b', '#b83280', '#718096', '#975a16', '#2f855a'];
const REASON_COLORS = ['#c53030', '#dd6b20', '#b7791f', '#975a16', '#6b46c1', '#9b2c2c', '#805ad5', '#d53f8c', '#1a202c', '#c05621', '#2b6cb0', '#2c7a7b', '#718096', '#b83280', '#744210', '#285e61'];

export const g = (field: number): Reader => (h, i) => h.get(i, field);
export const gRate = (field: number): Reader => (h, i) => rateAt(h, i, field);
export const n = (field: number): Reader => (h, i, node) => h.get(i, nodeBase(node) + field);
export const nRate = (field: number): Reader => (h, i, node) => rateAt(h, i, nodeBase(node) + field);

export const nodesIn = (h: RowHistory): number => (h.rowLength - nodeBase(0)) / (nodeBase(1) - nodeBase(0));

/** A reader over every node of some kinds: the sum of `value` at each. */
export function sumOver(kinds: readonly number[], value: (h: RowHistory, i: number, node: number) => number): Reader {
  return (h, i) => {
    let sum = 0;
    for (let k = 0; k < nodesIn(h); k++) if (kinds.includes(h.get(i, nodeBase(k) + F.kind))) sum += value(h, i, k);
    return sum;
  };
}

/** Attempts per request at a caller over the last second: 1 means no retries, 4 a storm. */
export const amplification = (node: number, h: RowHistory, i: number): number => {
  const b = nodeBase(node);
  const isClient = h.get(i, b + F.kind) === NODE_KIND_CODES.client;
  // A client's requests are what it accepted; a calling service's are the items it started.
  const requests = rateAt(h, i, b + (isClient ? F.accepted : F.arrived));
  const attempts = rateAt(h, i, b + F.attempts);
  return requests > 0 ? attempts / requests : NaN;
};

const reasonLines: LineSpec[] = REASONS.map((r, k) => ({
  name: `${r.status} ${r.code}`,
  color: REASON_COLORS[k % REASON_COLORS.length]!,
  read: gRate(G.reasons + k),
  seen: g(G.reasons + k),
}));

export const LOST_BY_REASON: ChartSpec = { key: 'reasons', title: 'Lost, by reason', unit: 'items/s', lines: reasonLines };

export const SYSTEM_FLOW: ChartSpec = {
  key: 'flow',
  title: 'Throughput',
  unit: 'items/s',
  lines: [
    { name: 'arrivals', color: C.in, read: gRate(G.produced) },
    { name: 'completions', color: C.out, read: gRate(G.completed) },
    { name: 'in time', color: C.good, dashed: true, read: gRate(G.goodput) },
  ],
};
export const SYSTEM_DEPTH: ChartSpec = { key: 'depth', title: 'In the system', unit: 'items', lines: [{ name: 'items', color: C.level, read: g(G.inSystem) }] };
export const SYSTEM_LATENCY: ChartSpec = { key: 'latency', title: 'Latency, end to end', unit: 'ms', lines: [{ name: 'p50', color: C.p50, read: g(G.e2eP50) }, { name: 'p99', color: C.p99, read: g(G.e2eP99) }] };

export const BREAKER_BAND = BREAKER_STATES.map((label, k) => ({ label, color: ['#38a169', '#e53e3e', '#d69e2e'][k] ?? '#a0aec0' }));

export const capacityLine: LineSpec = {
  name: 'capacity',
  color: C.cap,
  dashed: true,
  read: (h, i, node) => {
    const cap = h.get(i, nodeBase(node) + F.capacity);
    return cap < 0 ? NaN : cap;
  },
};

export const fullness: Reader = (h, i, node) => {
  const cap = h.get(i, nodeBase(node) + F.capacity);
  return cap > 0 ? (100 * h.get(i, nodeBase(node) + F.utilization)) / cap : NaN;
};

/** What every guard shows first: what came, what passed, what was turned away. */
export const guardFlow = (refusedName: string): ChartSpec => ({
  key: 'passed',
  title: 'Passed vs refused',
  unit: 'items/s',
  lines: [
    { name: 'arrived', color: C.in, read: nRate(F.arrived) },
    { name: 'passed', color: C.out, read: nRate(F.accepted) },
    { name: refusedName, color: C.bad, read: nRate(F.rejected) },
  ],
});

export const level = (title: string, unit: string, name: string, field: number, capName?: string, key = 'level'): ChartSpec => ({
  key,
  title,
  unit,
  lines: [{ name, color: C.level, read: n(field) }, ...(capName ? [{ ...capacityLine, name: capName }] : [])],
});

export const inFlight = level('In flight', 'items', 'in flight', F.level, undefined, 'inFlight');

export const nodeAmplification: Reader = (h, i, node) => amplification(node, h, i);

/** Consumer lag as Kafka people read it: records behind, and how old the oldest of them is. */
export const lagCharts = (what: string): ChartSpec[] => [
  { key: 'lag', title: 'Lag', unit: 'records', lines: [{ name: 'behind', color: C.bad2, read: n(F.lag) }] },
  { key: 'lagMs', title: 'Lag in time', unit: 's', lines: [{ name: 'oldest waiting', color: C.p99, read: (h, i, node) => h.get(i, nodeBase(node) + F.lagMs) / 1000 }] },
  { key: 'flow', title: `${what}`, unit: 'records/s', lines: [{ name: 'in', color: C.in, read: nRate(F.arrived) }, { name: 'out', color: C.out, read: nRate(F.completed) }] },
];

