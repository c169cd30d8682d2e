/** The report as a readable table for a terminal. */
import { groupDigits, NODE_KIND_CODES, PARTS, type Report } from '../engine/index';

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

// Sections in the order of the snapshot's kind codes, whatever the order of the parts list.
const SECTIONS = PARTS.flatMap((p) => (p.table ? [{ type: p.type, ...p.table }] : [])).sort((a, b) => NODE_KIND_CODES[a.type] - NODE_KIND_CODES[b.type]);

export function formatReport(name: string, r: Report): string {
  const out: string[] = [];
  out.push(`${name}: ${num(r.simulatedMs / 1000)} s simulated, ${groupDigits(r.events)} events, ${num(r.wallMs)} ms wall`);
  for (const { type, title, columns: cols } of SECTIONS) {
    const ids = Object.keys(r.nodes).filter((id) => r.nodes[id]!.type === type);
    if (ids.length === 0) continue;
    out.push('', title);
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
