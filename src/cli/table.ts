/** The report as a readable table for a terminal. */
import { groupDigits, type Report } from '../engine/index';

function num(v: number | string | null | undefined): string {
  if (v === null || v === undefined) return '∞';
  if (typeof v === 'string') return v;
  if (Number.isInteger(v)) return groupDigits(v);
  if (Math.abs(v) >= 100) return groupDigits(Math.round(v));
  return v.toFixed(Math.abs(v) >= 10 ? 1 : 3);
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n');
}

const COLUMNS: Record<string, [string, string][]> = {
  producer: [
    ['produced', 'produced'],
    ['accepted', 'accepted'],
    ['refused', 'refused'],
    ['blockedMs', 'blocked ms'],
  ],
  queue: [
    ['capacity', 'capacity'],
    ['arrived', 'arrived'],
    ['accepted', 'accepted'],
    ['rejected', 'rejected'],
    ['dropped', 'dropped'],
    ['expired', 'expired'],
    ['departed', 'departed'],
    ['meanDepth', 'mean depth'],
    ['maxDepth', 'max depth'],
    ['meanWaitMs', 'mean wait ms'],
  ],
  service: [
    ['concurrency', 'workers'],
    ['arrived', 'arrived'],
    ['completed', 'completed'],
    ['failed', 'failed'],
    ['meanServiceMs', 'mean service ms'],
    ['utilization', 'utilization'],
    ['expired', 'expired'],
    ['wasted', 'wasted'],
  ],
  client: [
    ['requests', 'requests'],
    ['attempts', 'attempts'],
    ['amplification', 'attempts/request'],
    ['timeouts', 'timeouts'],
    ['completed', 'completed'],
    ['failed', 'failed'],
    ['p99LatencyMs', 'p99 ms'],
  ],
  'rate-limiter': [
    ['arrived', 'arrived'],
    ['passed', 'passed'],
    ['rejected', '429s'],
    ['tokens', 'tokens'],
  ],
  'circuit-breaker': [
    ['state', 'state'],
    ['passed', 'passed'],
    ['notPermitted', 'not permitted'],
    ['fallbacks', 'fallbacks'],
    ['transitions', 'transitions'],
    ['msOpen', 'ms open'],
  ],
  bulkhead: [
    ['passed', 'passed'],
    ['rejected', 'rejected'],
    ['inFlight', 'in flight'],
    ['maxConcurrentCalls', 'max'],
  ],
  'load-balancer': [
    ['strategy', 'strategy'],
    ['replicas', 'replicas'],
    ['passed', 'passed'],
  ],
  'load-shedder': [
    ['passed', 'passed'],
    ['rejected', 'shed'],
    ['load', 'load'],
    ['limit', 'limit'],
  ],
  'concurrency-limiter': [
    ['algorithm', 'algorithm'],
    ['limit', 'limit'],
    ['passed', 'passed'],
    ['rejected', 'rejected'],
  ],
  topic: [
    ['partitions', 'partitions'],
    ['appended', 'appended'],
    ['unread', 'unread'],
    ['lagMs', 'oldest unread ms'],
    ['lostToRetention', 'lost (retention)'],
    ['skippedByOffsetReset', 'skipped (reset)'],
  ],
  'consumer-group': [
    ['consumers', 'consumers'],
    ['activeConsumers', 'active'],
    ['processed', 'processed'],
    ['lag', 'lag'],
    ['lagMs', 'lag ms'],
    ['rebalances', 'rebalances'],
    ['leftGroup', 'left group'],
    ['redelivered', 'redelivered'],
    ['deadLettered', 'dead letters'],
  ],
  autoscaler: [
    ['target', 'scales'],
    ['replicas', 'replicas'],
    ['starting', 'starting'],
    ['maxReplicasReached', 'most'],
    ['lastMetric', 'last metric'],
    ['scaleUps', 'ups'],
    ['scaleDowns', 'downs'],
  ],
  'connection-pool': [
    ['maxConnections', 'connections'],
    ['acquired', 'acquired'],
    ['timedOut', 'timed out'],
    ['waiting', 'waiting'],
    ['p99AcquireWaitMs', 'p99 wait ms'],
  ],
};

const PLURAL: Record<string, string> = { 'load-balancer': 'load balancers', 'rate-limiter': 'rate limiters', 'circuit-breaker': 'circuit breakers', bulkhead: 'bulkheads', 'load-shedder': 'load shedders', 'concurrency-limiter': 'concurrency limiters', 'consumer-group': 'consumer groups', autoscaler: 'autoscalers', 'connection-pool': 'connection pools' };

export function formatReport(name: string, r: Report): string {
  const out: string[] = [];
  out.push(`${name}: ${num(r.simulatedMs / 1000)} s simulated, ${groupDigits(r.events)} events, ${num(r.wallMs)} ms wall`);
  for (const [type, cols] of Object.entries(COLUMNS)) {
    const ids = Object.keys(r.nodes).filter((id) => r.nodes[id]!.type === type);
    if (ids.length === 0) continue;
    out.push('', PLURAL[type] ?? `${type}s`);
    out.push(table([['  id', ...cols.map(([, h]) => h)], ...ids.map((id) => [`  ${id}`, ...cols.map(([k]) => num(r.nodes[id]![k]))])]));
  }
  const killed = Object.keys(r.nodes).filter((id) => ((r.nodes[id]!.oomKills as number | undefined) ?? 0) > 0);
  if (killed.length > 0) {
    const cols: [string, string][] = [['memoryLimitBytes', 'limit bytes'], ['peakMemoryBytes', 'peak bytes'], ['oomKills', 'OOM kills'], ['lostToOom', 'lost'], ['refusedWhileRestarting', 'refused restarting']];
    out.push('', 'memory (OOM-killed nodes)');
    out.push(table([['  id', ...cols.map(([, h]) => h)], ...killed.map((id) => [`  ${id}`, ...cols.map(([k]) => num(r.nodes[id]![k]))])]));
  }
  if (r.edges) {
    const cols: [string, string][] = [['mode', 'mode'], ['window', 'window'], ['unit', 'unit'], ['credit', 'credit'], ['maxBufferedUnits', 'max buffered'], ['sent', 'sent'], ['updates', 'updates'], ['stalls', 'stalls']];
    out.push('', 'flow-controlled edges');
    out.push(table([['  edge', ...cols.map(([, h]) => h)], ...Object.entries(r.edges).map(([id, e]) => [`  ${id}`, ...cols.map(([k]) => num(e[k]))])]));
  }
  const e = r.endToEnd;
  const latency = (l: typeof e) => `latency mean ${num(l.meanLatencyMs)} ms, p50 ${num(l.p50LatencyMs)} ms, p90 ${num(l.p90LatencyMs)} ms, p99 ${num(l.p99LatencyMs)} ms`;
  out.push('', `end to end: ${groupDigits(e.completed)} completed, ${latency(e)}`);
  const classes = Object.entries(e.byPriority ?? {});
  if (classes.length > 1) for (const [cls, l] of classes) out.push(`  ${cls}: ${groupDigits(l.completed)} completed, ${latency({ ...l, byPriority: {} })}`);
  const t = r.totals;
  out.push(
    `totals: produced ${groupDigits(t.produced)} = completed ${groupDigits(t.completed)} + refused ${groupDigits(t.refused)} + dropped ${groupDigits(t.dropped)} + expired ${groupDigits(t.expired)} + failed ${groupDigits(t.failed)} + timed out ${groupDigits(t.timedOut)} + in system ${groupDigits(t.inSystem)}`,
    `goodput (completed within deadline): ${groupDigits(t.goodput)}`,
  );
  const reasons = Object.entries(r.reasons);
  if (reasons.length > 0) out.push(`not completed, by reason: ${reasons.map(([code, { status, count }]) => `${code} (${status}) ${groupDigits(count)}`).join(', ')}`);
  for (const e of r.timeline.slice(-10)) out.push(`  at ${num(e.atMs / 1000)} s: ${e.node} ${e.kind}`);
  if (r.halted) out.push('', `HALTED: ${r.halted.message}`);
  return out.join('\n') + '\n';
}
