/**
 * What each chart plots, for the whole system or for one node of each kind. A line reads one value
 * per history row; rates come from differencing cumulative counters (frames/derive.ts).
 */
import { F, G, NODE_KIND_CODES, type NodeType } from '../../engine/index';
import { nodeBase, rateAt } from '../frames/derive';
import type { RowHistory } from '../frames/history';

/** `node` is the node's index in the run's snapshot layout, -1 for the whole system. */
export type Reader = (h: RowHistory, i: number, node: number) => number;

export interface LineSpec {
  name: string;
  color: string;
  read: Reader;
  dashed?: boolean;
}

export interface ChartSpec {
  key: string;
  title: string;
  unit: string;
  lines: LineSpec[];
  /** Fixed y range (percentages), else 0..max of what is visible. */
  yMax?: number;
}

const C = { in: '#2b6cb0', out: '#2f855a', p50: '#6b46c1', p99: '#c05621', bad: '#c53030', bad2: '#dd6b20', level: '#2c7a7b', cap: '#718096' };

const g = (field: number): Reader => (h, i) => h.get(i, field);
const gRate = (field: number): Reader => (h, i) => rateAt(h, i, field);
const n = (field: number): Reader => (h, i, node) => h.get(i, nodeBase(node) + field);
const nRate = (field: number): Reader => (h, i, node) => rateAt(h, i, nodeBase(node) + field);

/** Mean busy fraction of every service, as a percentage. */
const systemUtilization: Reader = (h, i) => {
  let sum = 0, count = 0;
  const nodes = (h.rowLength - nodeBase(0)) / (nodeBase(1) - nodeBase(0));
  for (let k = 0; k < nodes; k++) {
    if (h.get(i, nodeBase(k) + F.kind) !== NODE_KIND_CODES.service) continue;
    sum += h.get(i, nodeBase(k) + F.utilization);
    count++;
  }
  return count > 0 ? (100 * sum) / count : NaN;
};

const SYSTEM: ChartSpec[] = [
  { key: 'flow', title: 'Throughput', unit: 'items/s', lines: [{ name: 'arrivals', color: C.in, read: gRate(G.produced) }, { name: 'completions', color: C.out, read: gRate(G.completed) }] },
  { key: 'depth', title: 'In the system', unit: 'items', lines: [{ name: 'items', color: C.level, read: g(G.inSystem) }] },
  { key: 'latency', title: 'Latency, end to end', unit: 'ms', lines: [{ name: 'p50', color: C.p50, read: g(G.e2eP50) }, { name: 'p99', color: C.p99, read: g(G.e2eP99) }] },
  { key: 'loss', title: 'Refused + dropped', unit: 'items/s', lines: [{ name: 'refused', color: C.bad, read: gRate(G.refused) }, { name: 'dropped', color: C.bad2, read: gRate(G.dropped) }] },
  { key: 'util', title: 'Utilization (services)', unit: '%', yMax: 100, lines: [{ name: 'busy', color: C.level, read: systemUtilization }] },
];

const capacityLine: LineSpec = {
  name: 'capacity',
  color: C.cap,
  dashed: true,
  read: (h, i, node) => {
    const cap = h.get(i, nodeBase(node) + F.capacity);
    return cap < 0 ? NaN : cap;
  },
};

const fullness: Reader = (h, i, node) => {
  const cap = h.get(i, nodeBase(node) + F.capacity);
  return cap > 0 ? (100 * h.get(i, nodeBase(node) + F.utilization)) / cap : NaN;
};

const QUEUE: ChartSpec[] = [
  { key: 'flow', title: 'In vs out', unit: 'items/s', lines: [{ name: 'arrivals', color: C.in, read: nRate(F.arrived) }, { name: 'departures', color: C.out, read: nRate(F.completed) }] },
  { key: 'depth', title: 'Queue depth', unit: 'items', lines: [{ name: 'waiting', color: C.level, read: n(F.level) }, capacityLine] },
  { key: 'latency', title: 'Wait in queue', unit: 'ms', lines: [{ name: 'p50', color: C.p50, read: n(F.latP50) }, { name: 'p99', color: C.p99, read: n(F.latP99) }] },
  { key: 'loss', title: 'Refused + dropped', unit: 'items/s', lines: [{ name: 'refused', color: C.bad, read: nRate(F.rejected) }, { name: 'dropped', color: C.bad2, read: nRate(F.dropped) }] },
  { key: 'util', title: 'Fullness (mean depth)', unit: '%', yMax: 100, lines: [{ name: 'full', color: C.level, read: fullness }] },
];

const SERVICE: ChartSpec[] = [
  { key: 'flow', title: 'In vs out', unit: 'items/s', lines: [{ name: 'started', color: C.in, read: nRate(F.arrived) }, { name: 'finished', color: C.out, read: nRate(F.completed) }] },
  { key: 'depth', title: 'In service', unit: 'items', lines: [{ name: 'busy', color: C.level, read: n(F.level) }, { name: 'held', color: C.bad2, read: n(F.held) }, { ...capacityLine, name: 'workers' }] },
  { key: 'latency', title: 'Time in service', unit: 'ms', lines: [{ name: 'p50', color: C.p50, read: n(F.latP50) }, { name: 'p99', color: C.p99, read: n(F.latP99) }] },
  { key: 'loss', title: 'Failed', unit: 'items/s', lines: [{ name: 'failed', color: C.bad, read: nRate(F.failed) }] },
  { key: 'util', title: 'Utilization', unit: '%', yMax: 100, lines: [{ name: 'busy', color: C.level, read: (h, i, node) => 100 * h.get(i, nodeBase(node) + F.utilization) }] },
];

const PRODUCER: ChartSpec[] = [
  { key: 'flow', title: 'Sent vs completed', unit: 'items/s', lines: [{ name: 'sent', color: C.in, read: nRate(F.arrived) }, { name: 'completed', color: C.out, read: nRate(F.completed) }] },
  SYSTEM[1]!,
  SYSTEM[2]!,
  { key: 'loss', title: 'Its items refused + dropped', unit: 'items/s', lines: [{ name: 'refused', color: C.bad, read: nRate(F.rejected) }, { name: 'dropped', color: C.bad2, read: nRate(F.dropped) }] },
  { key: 'util', title: 'Time blocked', unit: '%', yMax: 100, lines: [{ name: 'blocked', color: C.bad2, read: (h, i, node) => rateAt(h, i, nodeBase(node) + F.blockedMs) / 10 }] },
];

export function chartsFor(kind: NodeType | null): ChartSpec[] {
  switch (kind) {
    case 'producer':
      return PRODUCER;
    case 'queue':
      return QUEUE;
    case 'service':
      return SERVICE;
    default:
      return SYSTEM;
  }
}
