/**
 * Turning untrusted input (a file, a share link, a form) into a Scenario, or into a list of
 * problems each naming the field path and what is wrong. Never throws.
 */
import type { z } from 'zod';
import { scenarioSchema, nodeSchema, type NodeConfig, type Scenario, type EdgeConfig, type EdgeKind } from './schema';
import { checkEvents } from './events';
import { checkLesson } from './lesson';
import { checkLock } from './lockChecks';
import { migrateScenario } from './migrate';
import { checkAlerts, checkScalesEdges, scalesWiringError } from './scalingChecks';
import { checkStreamsEdges, streamsWiringError } from './streamsChecks';

import { SCHEMA_KEY } from './constants';
import type { Parsed, ScenarioIssue } from './issues';

export { formatIssues, type Parsed, type ScenarioIssue } from './issues';
export { SCHEMA_KEY } from './constants';

/** Parses JSON text; a syntax error is reported with its line and column. */
export function parseScenarioText(text: string): Parsed<Scenario> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [{ path: '(file)', message: `not valid JSON: ${describeJsonError(text, e)}` }] };
  }
  return parseScenario(data);
}

function describeJsonError(text: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(msg);
  if (!m) return msg;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  return `${msg.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${col}`;
}

function withoutSchemaKey(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || !(SCHEMA_KEY in input)) return input;
  const { [SCHEMA_KEY]: _schema, ...rest } = input as Record<string, unknown>;
  return rest;
}

export function parseScenario(input: unknown): Parsed<Scenario> {
  const r = parseScenarioUnclipped(input);
  return r.ok ? r : { ok: false, issues: r.issues.map(clipIssue) };
}

/** A long quoted value, or a long node id in parentheses (ids have no spaces), is cut to 40 characters and an ellipsis. */
function clipIssue(iss: ScenarioIssue): ScenarioIssue {
  const clip = (t: string) => t.replace(/"([^"]{41,})"/g, (_m, v: string) => `"${v.slice(0, 40)}…"`).replace(/\(([^\s)]{41,})\)/g, (_m, v: string) => `(${v.slice(0, 40)}…)`);
  return { path: clip(iss.path), message: clip(iss.message) };
}

function parseScenarioUnclipped(input: unknown): Parsed<Scenario> {
  // Old versions are brought up to date first (migrate.ts), a newer one is refused.
  const migrated = migrateScenario(withoutSchemaKey(input));
  if (!migrated.ok) return migrated;
  const data = migrated.value;
  const r = scenarioSchema.safeParse(data, { reportInput: true });
  if (!r.success) return { ok: false, issues: zodIssues(r.error, data) };
  const graphIssues = checkGraph(r.data.nodes, r.data.edges);
  if (graphIssues.length > 0) return { ok: false, issues: graphIssues };
  const { nodes, events, lesson, durationMs } = r.data;
  const lessonIssues = [
    ...(events ? checkEvents(nodes, events, durationMs, parseNode) : []),
    ...(lesson ? checkLesson(lesson, new Set(nodes.map((n) => n.id)), durationMs) : []),
  ];
  if (lessonIssues.length > 0) return { ok: false, issues: lessonIssues };
  const alertIssues = r.data.alerts ? checkAlerts(nodes, r.data.alerts) : [];
  if (alertIssues.length > 0) return { ok: false, issues: alertIssues };
  const lockIssues = r.data.lock ? checkLock(r.data.lock, nodes) : [];
  if (lockIssues.length > 0) return { ok: false, issues: lockIssues };
  return { ok: true, value: r.data };
}

/** Validates one node's configuration (the inspector uses this for live edits). */
export function parseNode(data: unknown): Parsed<NodeConfig> {
  const r = nodeSchema.safeParse(data, { reportInput: true });
  if (!r.success) return { ok: false, issues: zodIssues(r.error, { nodes: [data] }, 'nodes.0') };
  return { ok: true, value: r.data };
}

function zodIssues(error: z.ZodError, data: unknown, stripPrefix?: string): ScenarioIssue[] {
  return error.issues.slice(0, 20).map((iss) => {
    let path = iss.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (stripPrefix) path = ['nodes', 0, ...path];
    let text = formatPath(path, data);
    if (stripPrefix) text = text.replace(/^nodes\[0\](?: \([^)]*\))?\.?/, '') || '(node)';
    return { path: text || '(scenario)', message: describeIssue(iss) };
  });
}

function describeIssue(iss: z.core.$ZodIssue): string {
  const m = iss.message;
  if (iss.code === 'unrecognized_keys') return `unknown field${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => `"${k}"`).join(', ')}`;
  if (iss.code === 'invalid_type' && /^Invalid input/.test(m)) {
    return iss.expected === 'undefined' ? 'not allowed here' : `expected ${iss.expected}, got ${describeValue(iss.input)}`;
  }
  if (iss.code === 'invalid_union' && 'discriminator' in iss && typeof iss.discriminator === 'string' && !/got /.test(m)) {
    const given = iss.input && typeof iss.input === 'object' ? (iss.input as Record<string, unknown>)[iss.discriminator] : undefined;
    return `${m}; got ${describeValue(given)}`;
  }
  if ((iss.code === 'too_small' || iss.code === 'too_big') && Array.isArray(iss.input) && !/got /.test(m)) {
    return `${m}; got ${iss.input.length} item${iss.input.length === 1 ? '' : 's'}`;
  }
  if (iss.code === 'invalid_type' && iss.input !== null && typeof iss.input === 'object' && !/got /.test(m)) {
    return `${m}; got ${describeValue(iss.input)}`;
  }
  if ('input' in iss && iss.input !== undefined && typeof iss.input !== 'object' && !/got /.test(m)) {
    return `${m}; got ${describeValue(iss.input)}`;
  }
  if (iss.code === 'invalid_type' && iss.input === undefined && !/missing/.test(m)) return `missing: ${m}`;
  return m;
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (Array.isArray(v)) return 'a list';
  return 'an object';
}

/** `nodes[1] (buffer).capacity`: the index for the program, the id for the person. */
function formatPath(path: (string | number)[], data: unknown): string {
  let out = '';
  let cur: unknown = data;
  for (const p of path) {
    if (typeof p === 'number') {
      out += `[${p}]`;
      cur = Array.isArray(cur) ? cur[p] : undefined;
      const nodeId = cur && typeof cur === 'object' && 'id' in cur ? (cur as { id: unknown }).id : undefined;
      if (out.startsWith('nodes[') && out.indexOf(']') === out.length - 1 && typeof nodeId === 'string') out += ` (${nodeId})`;
    } else {
      out += out ? `.${p}` : p;
      cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[p] : undefined;
    }
  }
  return out;
}

/** Wiring rules: ids unique, edges between existing nodes, nothing feeds a producer, no loops. */
export function checkGraph(nodes: readonly NodeConfig[], edges: readonly EdgeConfig[]): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const byId = new Map<string, NodeConfig>();
  nodes.forEach((n, i) => {
    if (byId.has(n.id)) issues.push({ path: `nodes[${i}].id`, message: `duplicate id "${n.id}"` });
    byId.set(n.id, n);
  });
  const seen = new Set<string>();
  edges.forEach((e, i) => {
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    if (!from) issues.push({ path: `edges[${i}].from`, message: `no node with id "${e.from}"` });
    if (!to) issues.push({ path: `edges[${i}].to`, message: `no node with id "${e.to}"` });
    if (!from || !to) return;
    const reason = wiringError(from, to, e.kind);
    if (reason) issues.push({ path: `edges[${i}]`, message: reason });
    if (e.flow && (e.kind ?? 'send') !== 'send') issues.push({ path: `edges[${i}].flow`, message: `flow control applies to "send" edges only; this is a "${e.kind}" edge` });
    const key = `${e.from}\u0000${e.to}`;
    if (seen.has(key)) issues.push({ path: `edges[${i}]`, message: `duplicate edge ${e.from} → ${e.to}` });
    seen.add(key);
  });
  issues.push(...checkScalesEdges(byId, edges));
  issues.push(...checkStreamsEdges(byId, edges));
  if (issues.length === 0) {
    const cycle = findCycle(nodes, edges);
    if (cycle) {
      issues.push({
        path: `edges[${cycle.edgeIndex}]`,
        message: `makes a loop (${cycle.ids.join(' → ')}); items would circulate forever. Loops are not supported yet`,
      });
    }
  }
  return issues;
}

/** Why an edge from → to is not allowed, or null. The canvas asks this before it draws an edge. */
export function wiringError(from: Pick<NodeConfig, 'id' | 'type'>, to: Pick<NodeConfig, 'id' | 'type'>, kind: EdgeKind = 'send'): string | null {
  if (from.id === to.id) return `a ${from.type} cannot feed itself`;
  if (to.type === 'producer') return `a producer cannot receive items (it only sends); "${to.id}" is a producer`;
  if (from.type === 'shared-row') return `a shared row answers its callers and sends nothing on; "${from.id}" is a shared row`;
  if (kind === 'call' && from.type !== 'service') {
    return from.type === 'client' || from.type === 'fan-out'
      ? `a ${from.type} calls through its ordinary outputs; use a plain edge`
      : `only a service makes calls; "${from.id}" is a ${from.type}`;
  }
  if (kind === 'fallback' && from.type !== 'circuit-breaker') return `only a circuit breaker has a fallback route; "${from.id}" is a ${from.type}`;
  const scaling = scalesWiringError(from, to, kind);
  if (scaling) return scaling;
  const streams = streamsWiringError(from, to, kind);
  if (streams) return streams;
  return null;
}

function findCycle(nodes: readonly NodeConfig[], edges: readonly EdgeConfig[]): { edgeIndex: number; ids: string[] } | null {
  const out = new Map<string, { to: string; index: number }[]>();
  for (const n of nodes) out.set(n.id, []);
  edges.forEach((e, index) => out.get(e.from)?.push({ to: e.to, index }));
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = done
  const path: string[] = [];
  const visit = (id: string): { edgeIndex: number; ids: string[] } | null => {
    state.set(id, 1);
    path.push(id);
    for (const { to, index } of out.get(id) ?? []) {
      const s = state.get(to);
      if (s === 1) return { edgeIndex: index, ids: [...path.slice(path.indexOf(to)), to] };
      if (s === undefined) {
        const c = visit(to);
        if (c) return c;
      }
    }
    path.pop();
    state.set(id, 2);
    return null;
  };
  for (const n of nodes) {
    if (!state.has(n.id)) {
      const c = visit(n.id);
      if (c) return c;
    }
  }
  return null;
}

export type { Scenario };
