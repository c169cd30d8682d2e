/**
 * What each chart plots, for the whole system, for the calls in it, or for one node of each kind.
 * A line reads one value per history row; rates come from differencing cumulative counters
 * (frames/derive.ts).
 */
import type { NodeType } from '../../engine/index';
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

const C = { in: '#2b6cb0', out: '#2f855a', good: '#276749', p50: '#6b46c1', p99: '#c05621', bad: '#c53030', bad2: '#dd6b20', level: '#2c7a7b', cap: '#718096', waste: '#975a16' };
/** Distinct colours for one line per node or per reason, in order. */
const SERIES = ['#2b6cb0', '#c05621', '#6b46c1', '#2c7a7b', '#b83280', '#718096', '#975a16', '#2f855a'];
const REASON_COLORS = ['#c53030', '#dd6b20', '#b7791f', '#975a16', '#6b46c1', '#9b2c2c', '#805ad5', '#d53f8c', '#1a202c', '#c05621', '#2b6cb0', '#2c7a7b', '#718096', '#b83280', '#744210', '#285e61'];

const g = (field: number): Reader => (h, i) => h.get(i, field);
const gRate = (field: number): Reader => (h, i) => rateAt(h, i, field);
const n = (field: number): Reader => (h, i, node) => h.get(i, nodeBase(node) + field);
const nRate = (field: number): Reader => (h, i, node) => rateAt(h, i, nodeBase(node) + field);

const nodesIn = (h: RowHistory): number => (h.rowLength - nodeBase(0)) / (nodeBase(1) - nodeBase(0));

/** A reader over every node of some kinds: the sum of `value` at each. */
function sumOver(kinds: readonly number[], value: (h: RowHistory, i: number, node: number) => number): Reader {
  return (h, i) => {
    let sum = 0;
    for (let k = 0; k < nodesIn(h); k++) if (kinds.includes(h.get(i, nodeBase(k) + F.kind))) sum += value(h, i, k);
    return sum;
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

/** Attempts per request at a caller over the last second: 1 means no retries, 4 a storm. */
const amplification = (node: number, h: RowHistory, i: number): number => {
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

const LOST_BY_REASON: ChartSpec = { key: 'reasons', title: 'Lost, by reason', unit: 'items/s', lines: reasonLines };

const SYSTEM_FLOW: ChartSpec = {
  key: 'flow',
  title: 'Throughput',
  unit: 'items/s',
  lines: [
    { name: 'arrivals', color: C.in, read: gRate(G.produced) },
    { name: 'completions', color: C.out, read: gRate(G.completed) },
    { name: 'in time', color: C.good, dashed: true, read: gRate(G.goodput) },
  ],
};
const SYSTEM_DEPTH: ChartSpec = { key: 'depth', title: 'In the system', unit: 'items', lines: [{ name: 'items', color: C.level, read: g(G.inSystem) }] };
const SYSTEM_LATENCY: ChartSpec = { key: 'latency', title: 'Latency, end to end', unit: 'ms', lines: [{ name: 'p50', color: C.p50, read: g(G.e2eP50) }, { name: 'p99', color: C.p99, read: g(G.e2eP99) }] };

const SYSTEM: ChartSpec[] = [
  SYSTEM_FLOW,
  SYSTEM_DEPTH,
  SYSTEM_LATENCY,
  LOST_BY_REASON,
  { key: 'util', title: 'Services busy', unit: '%', yMax: 100, lines: [{ name: 'busy', color: C.level, read: systemUtilization }] },
];

const CALLERS = [NODE_KIND_CODES.client, NODE_KIND_CODES.service];
const BREAKER_BAND = BREAKER_STATES.map((label, k) => ({ label, color: ['#38a169', '#e53e3e', '#d69e2e'][k] ?? '#a0aec0' }));

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
  {
    key: 'loss',
    title: 'Turned away',
    unit: 'items/s',
    lines: [
      { name: 'refused', color: C.bad, read: nRate(F.rejected) },
      { name: 'dropped', color: C.bad2, read: nRate(F.dropped) },
      { name: 'expired', color: C.waste, read: nRate(F.expired), seen: n(F.expired) },
    ],
  },
  { key: 'util', title: 'Fullness', unit: '%', yMax: 100, lines: [{ name: 'full', color: C.level, read: fullness }] },
];

const SERVICE: ChartSpec[] = [
  { key: 'flow', title: 'In vs out', unit: 'items/s', lines: [{ name: 'started', color: C.in, read: nRate(F.arrived) }, { name: 'finished', color: C.out, read: nRate(F.completed) }] },
  {
    key: 'depth',
    title: 'In service',
    unit: 'items',
    lines: [
      { name: 'busy', color: C.level, read: n(F.level) },
      { name: 'held', color: C.bad2, read: n(F.held) },
      { name: 'waiting on calls', color: C.p50, read: n(F.calling), seen: n(F.attempts) },
      { ...capacityLine, name: 'workers' },
    ],
  },
  { key: 'latency', title: 'Time in service', unit: 'ms', lines: [{ name: 'p50', color: C.p50, read: n(F.latP50) }, { name: 'p99', color: C.p99, read: n(F.latP99) }] },
  {
    key: 'loss',
    title: 'Failed or wasted',
    unit: 'items/s',
    lines: [
      { name: 'failed', color: C.bad, read: nRate(F.failed) },
      { name: 'expired', color: C.bad2, read: nRate(F.expired), seen: n(F.expired) },
      { name: 'served late', color: C.waste, read: nRate(F.wasted), seen: n(F.wasted) },
    ],
  },
  {
    key: 'util',
    title: 'Utilization',
    unit: '%',
    yMax: 100,
    lines: [{ name: 'busy', color: C.level, read: (h, i, node) => 100 * h.get(i, nodeBase(node) + F.utilization) }],
  },
];

const PRODUCER: ChartSpec[] = [
  { key: 'flow', title: 'Sent, completed', unit: 'items/s', lines: [{ name: 'sent', color: C.in, read: nRate(F.arrived) }, { name: 'completed', color: C.out, read: nRate(F.completed) }] },
  SYSTEM_DEPTH,
  SYSTEM_LATENCY,
  { key: 'loss', title: 'Turned away', unit: 'items/s', lines: [{ name: 'refused', color: C.bad, read: nRate(F.rejected) }, { name: 'dropped', color: C.bad2, read: nRate(F.dropped) }] },
  { key: 'util', title: 'Time blocked', unit: '%', yMax: 100, lines: [{ name: 'blocked', color: C.bad2, read: (h, i, node) => rateAt(h, i, nodeBase(node) + F.blockedMs) / 10 }] },
];

const nodeAmplification: Reader = (h, i, node) => amplification(node, h, i);

const CLIENT: ChartSpec[] = [
  {
    key: 'flow',
    title: 'Requests vs answers',
    unit: 'items/s',
    lines: [
      { name: 'requests', color: C.in, read: nRate(F.accepted) },
      { name: 'answered', color: C.out, read: nRate(F.completed) },
      { name: 'in time', color: C.good, dashed: true, read: nRate(F.goodput) },
    ],
  },
  { key: 'amplification', title: 'Calls per request', unit: '×', lines: [{ name: 'attempts', color: C.p99, read: nodeAmplification }] },
  { key: 'latency', title: 'Answer time', unit: 'ms', lines: [{ name: 'p50', color: C.p50, read: n(F.latP50) }, { name: 'p99', color: C.p99, read: n(F.latP99) }] },
  {
    key: 'loss',
    title: 'Failed calls',
    unit: 'items/s',
    lines: [
      { name: 'retries', color: C.p50, read: nRate(F.retries) },
      { name: 'timeouts', color: C.bad2, read: nRate(F.timeouts) },
      { name: 'failed', color: C.bad, read: nRate(F.failed) },
      { name: 'late answers', color: C.waste, read: nRate(F.wasted), seen: n(F.wasted) },
    ],
  },
  {
    key: 'level',
    title: 'In flight, budget',
    unit: 'items',
    lines: [
      { name: 'waiting', color: C.level, read: n(F.level) },
      // -1 when the client has no retry budget: no line then.
      {
        name: 'budget tokens',
        color: C.good,
        read: (h, i, node) => (h.get(i, nodeBase(node) + F.gauge) < 0 ? NaN : h.get(i, nodeBase(node) + F.gauge)),
        seen: (h, i, node) => (h.get(i, nodeBase(node) + F.gauge) >= 0 ? 1 : 0),
      },
    ],
  },
];

/** What every guard shows first: what came, what passed, what was turned away. */
const guardFlow = (refusedName: string): ChartSpec => ({
  key: 'passed',
  title: 'Passed vs refused',
  unit: 'items/s',
  lines: [
    { name: 'arrived', color: C.in, read: nRate(F.arrived) },
    { name: 'passed', color: C.out, read: nRate(F.accepted) },
    { name: refusedName, color: C.bad, read: nRate(F.rejected) },
  ],
});

const level = (title: string, unit: string, name: string, field: number, capName?: string, key = 'level'): ChartSpec => ({
  key,
  title,
  unit,
  lines: [{ name, color: C.level, read: n(field) }, ...(capName ? [{ ...capacityLine, name: capName }] : [])],
});

const inFlight = level('In flight', 'items', 'in flight', F.level, undefined, 'inFlight');

const GUARD: Partial<Record<NodeType, ChartSpec[]>> = {
  'rate-limiter': [guardFlow('429'), level('Token bucket', 'tokens', 'tokens', F.gauge, 'burst'), SYSTEM_LATENCY, LOST_BY_REASON, SYSTEM_FLOW],
  'circuit-breaker': [
    {
      // With a fallback route, calls that are not permitted go there instead of being refused:
      // the breaker counts them as fallbacks, not as arrivals or refusals.
      key: 'flow',
      title: 'Calls vs not permitted',
      unit: 'items/s',
      lines: [
        { name: 'arrived', color: C.in, read: (h, i, node) => rateAt(h, i, nodeBase(node) + F.arrived) + rateAt(h, i, nodeBase(node) + F.fallbacks) },
        { name: 'called', color: C.out, read: nRate(F.accepted) },
        { name: 'not permitted', color: C.bad, read: (h, i, node) => rateAt(h, i, nodeBase(node) + F.rejected) + rateAt(h, i, nodeBase(node) + F.fallbacks) },
        { name: 'to fallback', color: C.good, dashed: true, read: nRate(F.fallbacks), seen: n(F.fallbacks) },
      ],
    },
    { key: 'state', title: 'State', unit: 'over time', lines: [{ name: 'state', color: '#4a5568', states: BREAKER_BAND, read: n(F.state) }] },
    // -1 before the window has calls: no line then.
    { key: 'rate', title: 'Failure rate', unit: '%', yMax: 100, lines: [{ name: 'failing', color: C.bad, read: (h, i, node) => (h.get(i, nodeBase(node) + F.gauge) < 0 ? NaN : h.get(i, nodeBase(node) + F.gauge)) }] },
    inFlight,
    LOST_BY_REASON,
  ],
  bulkhead: [guardFlow('full (503)'), level('Calls in flight', 'calls', 'in flight', F.level, 'max'), SYSTEM_LATENCY, LOST_BY_REASON, SYSTEM_FLOW],
  'load-shedder': [guardFlow('shed (503)'), level('Load', 'items', 'load', F.gauge, 'limit'), inFlight, LOST_BY_REASON, SYSTEM_LATENCY],
  'concurrency-limiter': [guardFlow('over limit (503)'), { ...level('Limit and in flight', 'calls', 'in flight', F.level), lines: [{ name: 'in flight', color: C.level, read: n(F.level) }, { name: 'limit', color: C.p99, read: n(F.gauge) }] }, SYSTEM_LATENCY, LOST_BY_REASON, SYSTEM_FLOW],
  'load-balancer': [guardFlow('no route'), inFlight, SYSTEM_LATENCY, LOST_BY_REASON, SYSTEM_FLOW],
};

/** Scatter-gather: one call's tail beside a whole request's (The Tail at Scale). */
const TAILS: Partial<Record<NodeType, ChartSpec[]>> = {
  'fan-out': [
    {
      key: 'tail',
      title: 'Call vs request',
      unit: 'ms',
      lines: [
        { name: 'call p50', color: C.p50, dashed: true, read: n(F.callP50) },
        { name: 'call p99', color: C.p50, read: n(F.callP99) },
        { name: 'request p50', color: C.p99, dashed: true, read: n(F.latP50) },
        { name: 'request p99', color: C.p99, read: n(F.latP99) },
      ],
    },
    {
      key: 'flow',
      title: 'Requests vs answers',
      unit: 'items/s',
      lines: [
        { name: 'requests', color: C.in, read: nRate(F.accepted) },
        { name: 'answered', color: C.out, read: nRate(F.completed) },
        { name: 'failed', color: C.bad, read: nRate(F.failed) },
      ],
    },
    { key: 'calls', title: 'Calls made', unit: 'calls/s', lines: [{ name: 'calls', color: C.level, read: nRate(F.attempts) }, { name: 'retries', color: C.bad2, read: nRate(F.retries) }] },
    SYSTEM_LATENCY,
  ],
  'shared-row': [
    { key: 'flow', title: 'Writes vs conflicts', unit: 'per s', lines: [{ name: 'writes', color: C.out, read: nRate(F.completed) }, { name: 'conflicts (409)', color: C.bad, read: nRate(F.failed) }] },
    level('In flight', 'calls', 'in flight', F.level),
    SYSTEM_LATENCY,
    LOST_BY_REASON,
  ],
};

/** Consumer lag as Kafka people read it: records behind, and how old the oldest of them is. */
const lagCharts = (what: string): ChartSpec[] => [
  { key: 'lag', title: 'Lag', unit: 'records', lines: [{ name: 'behind', color: C.bad2, read: n(F.lag) }] },
  { key: 'lagMs', title: 'Lag in time', unit: 's', lines: [{ name: 'oldest waiting', color: C.p99, read: (h, i, node) => h.get(i, nodeBase(node) + F.lagMs) / 1000 }] },
  { key: 'flow', title: `${what}`, unit: 'records/s', lines: [{ name: 'in', color: C.in, read: nRate(F.arrived) }, { name: 'out', color: C.out, read: nRate(F.completed) }] },
];

const STREAMS: Partial<Record<NodeType, ChartSpec[]>> = {
  topic: [
    ...lagCharts('Appended vs read'),
    { key: 'loss', title: 'Retention loss', unit: 'records/s', lines: [{ name: 'deleted unread', color: C.bad, read: nRate(F.lostToRetention) }] },
    SYSTEM_LATENCY,
  ],
  'consumer-group': [
    ...lagCharts('Fetched vs done'),
    {
      key: 'loss',
      title: 'Redelivered',
      unit: 'records/s',
      lines: [
        { name: 'redelivered', color: C.bad2, read: nRate(F.redelivered) },
        { name: 'dead letters', color: C.bad, read: nRate(F.deadLettered) },
        { name: 'failed', color: C.waste, read: nRate(F.failed), seen: n(F.failed) },
      ],
    },
    {
      key: 'consumers',
      title: 'Consumers',
      unit: 'consumers',
      lines: [
        { name: 'active', color: C.level, read: n(F.activeConsumers) },
        { name: 'wanted', color: C.cap, dashed: true, read: n(F.capacity) },
        { name: 'rebalancing', color: C.bad, read: n(F.rebalancing) },
      ],
    },
  ],
};

/** The charts for a view: the whole system, its calls, or a node of this kind. */
export function chartsFor(view: ChartKind, design: DesignShape): ChartSpec[] {
  switch (view) {
    case 'system':
      return SYSTEM;
    case 'calls':
      return callCharts(design);
    case 'producer':
      return PRODUCER;
    case 'queue':
      return QUEUE;
    case 'service':
      return SERVICE;
    case 'client':
      return CLIENT;
    default:
      return GUARD[view] ?? STREAMS[view] ?? TAILS[view] ?? SYSTEM;
  }
}
