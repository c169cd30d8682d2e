/**
 * What the Sweep panel does: plan a sweep of the design on the canvas (refusing bad settings with
 * the planner's messages), keep its settings in the design, run it in the worker pool while the
 * live run goes on, cancel it (the points done stay), and open one point's design.
 */
import type { Scenario, ScenarioIssue } from '../../engine/index';
import { planSweep, sweepSettingsSchema, withField, type PointResult, type SweepPlan, type SweepSettingsInput } from '../../engine/sweep/index';
import { scenarioOf } from '../store/scenarioStore';
import { scenarioStore } from '../store/appStore';
import { compareStore } from '../store/compareStore';
import { sim } from '../simClient';
import { startSweep } from './sweepClient';
import { sweepStore, type SweepRunState } from './sweepStore';

const byIndex = (a: PointResult, b: PointResult) => a.index - b.index;

function planOrIssues(base: Scenario, settings: SweepSettingsInput, prefix: string): { plan: SweepPlan } | { issues: ScenarioIssue[] } {
  const r = planSweep(base, settings);
  return r.ok ? { plan: r.value } : { issues: r.issues.map((i) => ({ path: prefix + i.path, message: i.message })) };
}

/** Plans and starts a sweep of the design (and of the kept copy A when `withBaseline`); false when refused. */
export function runSweep(settings: SweepSettingsInput, withBaseline: boolean): boolean {
  const st = sweepStore.getState();
  const b = planOrIssues(scenarioOf(scenarioStore.getState()), settings, '');
  const kept = withBaseline ? compareStore.getState().baseline : null;
  const a = kept ? planOrIssues(kept, settings, 'the kept copy A: ') : null;
  const issues = [...('issues' in b ? b.issues : []), ...(a && 'issues' in a ? a.issues : [])];
  if ('issues' in b || (a && 'issues' in a)) {
    sweepStore.setState({ issues });
    return false;
  }
  st.job?.cancel();
  scenarioStore.getState().setSweep(sweepSettingsSchema.parse(settings));
  const planB = b.plan;
  const planA = a && 'plan' in a ? a.plan : null;
  const runs = planB.runs + (planA?.runs ?? 0);
  const run: SweepRunState = {
    axes: planB.axes,
    points: [],
    baseline: planA ? [] : null,
    runs,
    runsDone: 0,
    pointsTotal: planB.points.length,
    workers: 0,
    startedAt: performance.now(),
    leftMs: null,
    plan: planB,
  };
  sweepStore.setState({ status: 'running', run, issues: [], error: null });
  void (async () => {
    let offset = 0;
    for (const [plan, into] of [
      [planB, 'points'],
      [planA, 'baseline'],
    ] as const) {
      if (!plan) continue;
      const job = startSweep(plan, {
        point: (p) => update((r) => ({ [into]: [...(r[into] ?? []), p].sort(byIndex) })),
        progress: (g) =>
          update((r) => {
            const runsDone = offset + g.runsDone;
            const elapsed = performance.now() - r.startedAt;
            return { runsDone, leftMs: runsDone > 0 ? (elapsed / runsDone) * (r.runs - runsDone) : null };
          }),
      });
      sweepStore.setState((s) => ({ job, run: s.run ? { ...s.run, workers: job.workers } : s.run }));
      try {
        const { cancelled } = await job.done;
        if (sweepStore.getState().job !== job) return; // a newer sweep took over
        if (cancelled) {
          sweepStore.setState({ status: 'cancelled', job: null });
          return;
        }
      } catch (e) {
        if (sweepStore.getState().job === job) sweepStore.setState({ status: 'failed', job: null, error: e instanceof Error ? e.message : String(e) });
        return;
      }
      offset += plan.runs;
    }
    sweepStore.setState((s) => ({ status: 'done', job: null, run: s.run ? { ...s.run, leftMs: 0 } : s.run }));
  })();
  return true;
}

function update(f: (r: SweepRunState) => Partial<SweepRunState>): void {
  sweepStore.setState((s) => (s.run ? { run: { ...s.run, ...f(s.run) } } : s));
}

export function cancelSweep(): void {
  sweepStore.getState().job?.cancel();
}

/**
 * Opens the design with a point's values: each varied parameter set on the canvas's design (the
 * rest as it is now), then a normal run from 0 s on the design's own seed (the sweep's first seed).
 * Returns what stands in the way (a part deleted since the sweep), or null.
 */
export function openPoint(values: Record<string, number>): string | null {
  const run = sweepStore.getState().run;
  if (!run) return 'no sweep to open a point of';
  const store = scenarioStore.getState();
  for (const axis of run.axes) {
    const node = store.nodes.find((n) => n.id === axis.node);
    if (!node) return `the design has no part “${axis.node}” any more`;
    const top = axis.field.split('.')[0]!;
    const changed = withField(node.data, axis.field, values[axis.key]!) as unknown as Record<string, unknown>;
    const issues = store.setParam(axis.node, { [top]: changed[top] });
    if (issues) return `${axis.key} = ${values[axis.key]}: ${issues[0]!.message}`;
  }
  store.select(run.axes[0]!.node);
  sweepStore.getState().setOpen(false);
  void sim.reset().then(() => sim.play());
  return null;
}
