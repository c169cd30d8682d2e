/**
 * Running a point and summing up its seeds: the mean and the 95% half-width (Student's t, the
 * seeds being independent replications) of every number of the report, and the main figures
 * a sweep draws.
 */
import { createSimulation } from '../simulation';
import type { Report } from '../metrics/report';
import type { SweepPlan } from './plan';
import { pointScenario } from './plan';

/** The report's numbers a sweep keeps: the single run's report shape, without its timeline. */
export interface SweepReport {
  simulatedMs: number;
  events: number;
  endToEnd: Report['endToEnd'];
  totals: Report['totals'];
  nodes: Report['nodes'];
  reasons: Report['reasons'];
}

/** What the sweep charts draw, per run (then mean and half-width over the seeds). */
export interface Figures {
  p50: number;
  p99: number;
  p999: number;
  meanLatency: number;
  /** Items/s produced, completed, completed within deadline. */
  offered: number;
  throughput: number;
  goodput: number;
  /** Share of produced items lost (not completed, not in the system at the end), 0..1. */
  lost: number;
  /** Share of produced items lost, by reason code. */
  lostBy: Record<string, number>;
  /** The highest utilization of any part that reports one, and which part. */
  busiest: number;
  busiestId: string;
  /** Mean depth of each part that reports one (queues, topics...). */
  depth: Record<string, number>;
}

/** Runs the whole design once with the point's values and seed k of the plan. */
export function runPoint(plan: SweepPlan, pointIndex: number, k: number): SweepReport {
  const scenario = pointScenario(plan, plan.points[pointIndex]!.values);
  const sim = createSimulation(scenario, { seed: plan.seeds[k]! });
  sim.runToEnd();
  return trimReport(sim.report(0));
}

export function trimReport(r: Report): SweepReport {
  return { simulatedMs: r.simulatedMs, events: r.events, endToEnd: r.endToEnd, totals: r.totals, nodes: r.nodes, reasons: r.reasons };
}

const fin = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

export function figuresOf(r: SweepReport): Figures {
  const secs = r.simulatedMs / 1000;
  const t = r.totals;
  const perS = (n: number) => (secs > 0 ? n / secs : 0);
  const lostBy: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(r.reasons)) lostBy[code] = t.produced > 0 ? count / t.produced : 0;
  let busiest = 0;
  let busiestId = '';
  const depth: Record<string, number> = {};
  for (const [id, n] of Object.entries(r.nodes)) {
    if (fin(n.utilization) && (busiestId === '' || n.utilization > busiest)) {
      busiest = n.utilization;
      busiestId = id;
    }
    if (fin(n.meanDepth)) depth[id] = n.meanDepth;
  }
  const lost = t.refused + t.dropped + t.expired + t.failed + t.timedOut;
  const e = r.endToEnd;
  const q = (x: number) => (e.completed > 0 ? x : NaN);
  return {
    p50: q(e.p50LatencyMs),
    p99: q(e.p99LatencyMs),
    p999: q(e.p999LatencyMs),
    meanLatency: q(e.meanLatencyMs),
    offered: perS(t.produced),
    throughput: perS(t.completed),
    goodput: perS(t.goodput),
    lost: t.produced > 0 ? lost / t.produced : 0,
    lostBy,
    busiest,
    busiestId,
    depth,
  };
}

// Student's t, two-sided 95%, by degrees of freedom (1..30); beyond, the normal's 1.96.
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];
export function tQuantile975(df: number): number {
  return df >= 1 && df <= 30 ? T975[df - 1]! : 1.96;
}

/**
 * Mean and 95% half-width of one number over the seeds. Values that are not finite (a latency
 * with no completions) are left out; none finite gives NaN. One value: its half-width is NaN (unknown).
 */
export function meanCi(xs: readonly number[]): { mean: number; ci95: number } {
  const v = xs.filter(Number.isFinite);
  const n = v.length;
  if (n === 0) return { mean: NaN, ci95: NaN };
  let s = 0;
  for (const x of v) s += x;
  const mean = s / n;
  if (n === 1) return { mean, ci95: NaN };
  let ss = 0;
  for (const x of v) ss += (x - mean) * (x - mean);
  return { mean, ci95: tQuantile975(n - 1) * Math.sqrt(ss / (n - 1) / n) };
}

type Tree = number | string | null | boolean | undefined | { [k: string]: Tree };

/**
 * Mean and half-width of every number in the same place of `xs` (all of one design's shape).
 * A key missing from some runs (a reason that did not happen) counts as 0 where its siblings are
 * counts; text (a breaker's state) is the first run's; null (unbounded) stays null.
 */
function combine(xs: readonly Tree[], missingAsZero: boolean): { mean: Tree; ci95: Tree } {
  const first = xs.find((x) => x !== undefined);
  if (first === null || first === undefined || typeof first === 'string' || typeof first === 'boolean') return { mean: first, ci95: first };
  if (typeof first === 'number') {
    const { mean, ci95 } = meanCi(xs.map((x) => (typeof x === 'number' ? x : missingAsZero ? 0 : NaN)));
    return { mean, ci95 };
  }
  const keys: string[] = [];
  for (const x of xs) if (x && typeof x === 'object') for (const k of Object.keys(x)) if (!keys.includes(k)) keys.push(k);
  const mean: Record<string, Tree> = {};
  const ci95: Record<string, Tree> = {};
  for (const k of keys) {
    const r = combine(
      xs.map((x) => (x && typeof x === 'object' ? x[k] : undefined)),
      missingAsZero,
    );
    mean[k] = r.mean;
    ci95[k] = r.ci95;
  }
  return { mean, ci95 };
}

export interface Summary<T> {
  mean: T;
  ci95: T;
}

export function summarizeReports(reports: readonly SweepReport[]): Summary<SweepReport> {
  const parts = {
    simulatedMs: combine(reports.map((r) => r.simulatedMs), false),
    events: combine(reports.map((r) => r.events), false),
    endToEnd: combine(reports.map((r) => r.endToEnd as unknown as Tree), false),
    totals: combine(reports.map((r) => r.totals as unknown as Tree), false),
    nodes: combine(reports.map((r) => r.nodes as unknown as Tree), false),
  };
  const pick = (w: 'mean' | 'ci95') => Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v[w]])) as unknown as SweepReport;
  const mean = pick('mean');
  const ci95 = pick('ci95');
  // A reason absent from a run happened 0 times in it; its status is the same in every run.
  mean.reasons = {};
  ci95.reasons = {};
  const codes: string[] = [];
  for (const r of reports) for (const c of Object.keys(r.reasons)) if (!codes.includes(c)) codes.push(c);
  for (const code of codes) {
    const status = reports.find((r) => r.reasons[code])!.reasons[code]!.status;
    const m = meanCi(reports.map((r) => r.reasons[code]?.count ?? 0));
    mean.reasons[code] = { status, count: m.mean };
    ci95.reasons[code] = { status, count: m.ci95 };
  }
  return { mean, ci95 };
}

export function summarizeFigures(fs: readonly Figures[]): Summary<Figures> {
  const r = combine(fs as unknown as Tree[], true);
  const mean = r.mean as unknown as Figures;
  const ci95 = r.ci95 as unknown as Figures;
  // The busiest part: the one busiest most often (ties: the first run's).
  const counts = new Map<string, number>();
  for (const f of fs) counts.set(f.busiestId, (counts.get(f.busiestId) ?? 0) + 1);
  let best = fs[0]?.busiestId ?? '';
  for (const [id, c] of counts) if (c > (counts.get(best) ?? 0)) best = id;
  mean.busiestId = best;
  ci95.busiestId = best;
  return { mean, ci95 };
}
