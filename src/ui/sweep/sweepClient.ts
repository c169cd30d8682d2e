/**
 * The door to the sweep workers: a pool of Web Workers, one per spare core (at least one), each
 * running whole headless runs of the design (src/worker/sweepWorker.ts). Runs are handed to the
 * next free worker; points are summed up from their seeds in seed order (SweepCollector), so the
 * results never depend on how many workers there are or which finished first. The live
 * simulation keeps its own worker meanwhile.
 */
import { SweepCollector, type FromSweepWorker, type PointResult, type SweepPlan, type ToSweepWorker } from '../../engine/sweep/index';

/** Workers for a sweep: the cores left over by the page and the live simulation, at least one, at most eight. */
export function sweepWorkerCount(runs: number, cores = navigator.hardwareConcurrency || 2): number {
  return Math.max(1, Math.min(8, runs, cores - 1));
}

export interface SweepProgress {
  runsDone: number;
  runs: number;
  pointsDone: number;
  points: number;
}

export interface SweepJob {
  /** Stops every worker at once; `done` then resolves with the points complete so far. */
  cancel(): void;
  done: Promise<{ points: PointResult[]; cancelled: boolean }>;
  workers: number;
}

export function startSweep(plan: SweepPlan, on: { point?: (p: PointResult) => void; progress?: (p: SweepProgress) => void }, workers = sweepWorkerCount(plan.runs)): SweepJob {
  const collector = new SweepCollector(plan);
  const pool: Worker[] = [];
  let next = 0;
  let runsDone = 0;
  let pointsDone = 0;
  let over = false;
  let settle: (v: { points: PointResult[]; cancelled: boolean }) => void = () => {};
  let fail: (e: Error) => void = () => {};
  const done = new Promise<{ points: PointResult[]; cancelled: boolean }>((res, rej) => {
    settle = res;
    fail = rej;
  });
  const stop = (how: 'finished' | 'cancelled' | Error) => {
    if (over) return;
    over = true;
    for (const w of pool) w.terminate();
    if (how instanceof Error) fail(how);
    else settle({ points: collector.results(), cancelled: how === 'cancelled' });
  };
  const feed = (w: Worker) => {
    if (next < plan.runs) w.postMessage({ kind: 'run', r: next++ } satisfies ToSweepWorker);
  };
  for (let i = 0; i < workers; i++) {
    const w = new Worker(new URL('../../worker/sweepWorker.ts', import.meta.url), { type: 'module', name: `sweep ${i + 1}` });
    pool.push(w);
    w.addEventListener('message', (e: MessageEvent<FromSweepWorker>) => {
      if (over) return;
      const m = e.data;
      if (m.kind === 'error') return stop(new Error(m.message));
      runsDone++;
      const p = collector.add(m.r, m.report);
      if (p) {
        pointsDone++;
        on.point?.(p);
      }
      on.progress?.({ runsDone, runs: plan.runs, pointsDone, points: plan.points.length });
      if (runsDone === plan.runs) return stop('finished');
      feed(w);
    });
    w.addEventListener('error', (e) => {
      e.preventDefault(); // the panel says the sweep failed: not also an uncaught error of the page
      stop(new Error(e.message || 'a sweep worker failed'));
    });
    w.postMessage({ kind: 'plan', plan } satisfies ToSweepWorker);
    feed(w);
  }
  return { cancel: () => stop('cancelled'), done, workers };
}
