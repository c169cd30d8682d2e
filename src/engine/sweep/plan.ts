/**
 * The sweep planner: from a design and its sweep settings, the points to run (every value, or
 * every pair of values on a grid) and the seeds of each, or the list of what is wrong.
 *
 * Seeds are common random numbers: seed k of every point is the same, derived from the scenario's
 * seed and k alone (seed 0 is the scenario's own seed, so a point's first run is exactly the run
 * the app makes when the design is opened with that value). Neighbouring points then differ by the
 * parameter, not by luck, and two designs swept over the same range see the same traffic. Nothing
 * depends on how many workers run the points or in which order they finish.
 */
import { fmix32 } from '../kernel/rng';
import { detExp, detLog } from '../kernel/detmath';
import type { NodeConfig, Scenario } from '../scenario/schema';
import { parseScenario, type Parsed, type ScenarioIssue } from '../scenario/validate';
import { numericParams, withField } from './params';
import { MAX_SWEEP_RUNS, sweepSettingsSchema, type SweepSettings, type SweepSettingsInput, type SweepVary } from './settings';

export interface SweepAxis extends SweepVary {
  /** "NODE.FIELD" */
  key: string;
  /** The values run, in order (whole numbers for a whole-number field, repeats removed). */
  values: number[];
}

export interface SweepPoint {
  index: number;
  /** "NODE.FIELD" -> value */
  values: Record<string, number>;
}

export interface SweepPlan {
  base: Scenario;
  axes: SweepAxis[];
  /** Points in grid order: the first parameter varies fastest. */
  points: SweepPoint[];
  /** The seed of each replicate, the same at every point. */
  seeds: number[];
  durationMs: number;
  runs: number;
}

/** Seed k of every point: the scenario's seed for k = 0, then a well-mixed 32-bit value from (seed, k). */
export function replicateSeed(scenarioSeed: number, k: number): number {
  if (k === 0) return scenarioSeed;
  const lo = scenarioSeed >>> 0;
  const hi = Math.floor(scenarioSeed / 4294967296) | 0;
  return fmix32(fmix32(lo ^ Math.imul(k, 0x9e3779b9)) ^ Math.imul(hi + 1, 0x85ebca6b));
}

/** The values of one axis: linear or logarithmic steps from `from` to `to`, both included. */
export function axisValues(v: Pick<SweepVary, 'from' | 'to' | 'steps' | 'log'>, int: boolean): number[] {
  const out: number[] = [];
  const n = v.steps;
  for (let i = 0; i < n; i++) {
    const t = i / (n - 1);
    let x = i === 0 ? v.from : i === n - 1 ? v.to : v.log ? detExp(detLog(v.from) + t * (detLog(v.to) - detLog(v.from))) : v.from + t * (v.to - v.from);
    // Tidy values: linear steps to twelve significant digits (0.30000000000000004 -> 0.3), log
    // steps to four (13.13, not 13.1303243449), whole-number fields to whole numbers; the ends as given.
    const inner = i > 0 && i < n - 1;
    x = int ? Math.round(x) : inner ? Number(x.toPrecision(v.log ? 4 : 12)) : x;
    if (out.length === 0 || out[out.length - 1] !== x) out.push(x);
  }
  return out;
}

/** Finds the node of "NODE.FIELD" when node ids may themselves contain dots: the longest id that fits. */
export function splitKey(key: string, nodes: readonly Pick<NodeConfig, 'id'>[]): { node: string; field: string } | null {
  let best: { node: string; field: string } | null = null;
  for (const n of nodes) {
    if (key.startsWith(`${n.id}.`) && key.length > n.id.length + 1 && (!best || n.id.length > best.node.length)) best = { node: n.id, field: key.slice(n.id.length + 1) };
  }
  return best;
}

export function planSweep(base: Scenario, input: SweepSettingsInput): Parsed<SweepPlan> {
  const parsed = sweepSettingsSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.slice(0, 10).map((i) => ({ path: `sweep${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`, message: i.message })) };
  }
  const s: SweepSettings = parsed.data;
  const issues: ScenarioIssue[] = [];
  const axes: SweepAxis[] = [];
  s.vary.forEach((v, i) => {
    const key = `${v.node}.${v.field}`;
    const where = `vary ${key}`;
    const node = base.nodes.find((n) => n.id === v.node);
    if (!node) {
      issues.push({ path: where, message: `no node with id "${v.node}" (the design has ${base.nodes.map((n) => `"${n.id}"`).join(', ')})` });
      return;
    }
    const params = numericParams(node);
    const param = params.find((p) => p.field === v.field);
    if (!param) {
      const known = node as unknown as Record<string, unknown>;
      const top = v.field.split('.')[0]!;
      const why = top in known || params.some((p) => p.field.startsWith(`${v.field}.`)) ? `"${v.field}" is not a numeric parameter of ${node.type} "${node.id}"` : `${node.type} "${node.id}" has no parameter "${v.field}"`;
      issues.push({ path: where, message: `${why}; its numeric parameters: ${params.map((p) => p.field).join(', ') || 'none'}` });
      return;
    }
    if (s.vary.slice(0, i).some((w) => w.node === v.node && w.field === v.field)) {
      issues.push({ path: where, message: 'is varied twice' });
      return;
    }
    if (v.from === v.to) {
      issues.push({ path: where, message: `from and to are both ${v.from}: nothing to sweep` });
      return;
    }
    if (v.log && !(v.from > 0 && v.to > 0)) {
      issues.push({ path: where, message: `log steps need from and to > 0, got ${v.from} to ${v.to}` });
      return;
    }
    for (const end of [v.from, v.to]) {
      if (param.int && !Number.isInteger(end)) {
        issues.push({ path: where, message: `${key} takes whole numbers; got ${end}` });
        return;
      }
      if (end < param.min || end > param.max) {
        issues.push({ path: where, message: `${end} is outside ${key}'s valid values (${param.min} to ${param.max})` });
        return;
      }
    }
    const values = axisValues(v, param.int);
    // Every value must make a valid design (the schema's own rules: > 0, ≤ a bound, cross-field checks).
    for (const x of values) {
      const node2 = withField(node, v.field, x);
      const r = parseScenario({ ...base, nodes: base.nodes.map((n) => (n.id === v.node ? node2 : n)) });
      if (!r.ok) {
        issues.push({ path: where, message: `${key} = ${x} is refused: ${r.issues[0]!.path}: ${r.issues[0]!.message}` });
        return;
      }
    }
    axes.push({ ...v, key, values });
  });
  if (issues.length > 0) return { ok: false, issues };
  const nPoints = axes.reduce((n, a) => n * a.values.length, 1);
  const runs = nPoints * s.seeds;
  if (runs > MAX_SWEEP_RUNS) {
    return { ok: false, issues: [{ path: 'sweep', message: `${axes.map((a) => a.values.length).join(' x ')} points x ${s.seeds} seeds = ${runs} runs; at most ${MAX_SWEEP_RUNS} in one sweep` }] };
  }
  const points: SweepPoint[] = [];
  for (let i = 0; i < nPoints; i++) {
    const values: Record<string, number> = {};
    let rest = i;
    for (const a of axes) {
      values[a.key] = a.values[rest % a.values.length]!;
      rest = Math.floor(rest / a.values.length);
    }
    points.push({ index: i, values });
  }
  const seeds = Array.from({ length: s.seeds }, (_, k) => replicateSeed(base.seed, k));
  return { ok: true, value: { base, axes, points, seeds, durationMs: s.durationMs ?? base.durationMs, runs } };
}

/** The design of one point: the base with the point's values set (its sweep settings left out). */
export function pointScenario(plan: Pick<SweepPlan, 'base' | 'axes' | 'durationMs'>, values: Record<string, number>): Scenario {
  const nodes = plan.base.nodes.map((n) => {
    let m = n;
    for (const a of plan.axes) if (a.node === n.id) m = withField(m, a.field, values[a.key]!);
    return m;
  });
  const { sweep: _sweep, ...rest } = plan.base as Scenario & { sweep?: unknown };
  return { ...rest, nodes, durationMs: plan.durationMs };
}
