/**
 * The worker side of a sweep, for any thread that runs sweep runs (the CLI's worker_threads, the
 * app's Web Workers): it keeps the plan it was sent and answers each run number with that run's
 * report. Plain messages, no transport of its own: the caller passes a port.
 */
import { runPoint, type SweepReport } from './aggregate';
import type { SweepPlan } from './plan';

/** What a sweep thread is told: a plan (plain data, already checked), then run numbers of it. */
export type ToSweepWorker = { kind: 'plan'; plan: SweepPlan } | { kind: 'run'; r: number };
export type FromSweepWorker = { kind: 'done'; r: number; report: SweepReport } | { kind: 'error'; message: string };

export interface SweepPort {
  on(ev: 'message', f: (m: ToSweepWorker) => void): void;
  postMessage(m: FromSweepWorker): void;
}

export function serveSweep(port: SweepPort): void {
  let plan: SweepPlan | null = null;
  port.on('message', (m) => {
    try {
      if (m.kind === 'plan') {
        plan = m.plan;
        return;
      }
      if (!plan) throw new Error('run before plan');
      const n = plan.seeds.length;
      port.postMessage({ kind: 'done', r: m.r, report: runPoint(plan, Math.floor(m.r / n), m.r % n) });
    } catch (e) {
      port.postMessage({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  });
}
