/**
 * Runs a sweep's runs on this thread and a pool of worker threads (N workers: this thread and
 * N - 1 more): each run is handed to the next free one, and the collector sums up each point from
 * its seeds in seed order, so the results are the same for any number of workers.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runPoint, SweepCollector, type FromSweepWorker, type PointResult, type SweepPlan, type SweepReport, type ToSweepWorker } from '../engine/sweep/index';

type ToWorker = ToSweepWorker;

/** Runs sent to a thread before it answers: 2 keeps it busy; more only unbalances the last runs. */
const AHEAD = 2;
type FromWorker = FromSweepWorker;

export function defaultWorkerUrl(): URL {
  return new URL('./sweepWorker.ts', import.meta.url);
}

/**
 * A TypeScript worker script (under tsx, `npm run sim`) is bundled once with esbuild into a
 * temporary file: a thread then loads one file, where tsx in every thread took seconds. A
 * JavaScript one (the benchmark's bundle) is used as it is.
 */
let bundled: Promise<URL> | null = null;
async function workerScript(url: URL): Promise<URL> {
  if (!url.pathname.endsWith('.ts')) return url;
  bundled ??= import('esbuild').then(async (esbuild) => {
    const out = await esbuild.build({ entryPoints: [url.pathname], bundle: true, minify: true, platform: 'node', format: 'esm', write: false, logLevel: 'error' });
    const file = join(mkdtempSync(join(tmpdir(), 'bp-sweep-')), 'sweepWorker.mjs');
    writeFileSync(file, out.outputFiles[0]!.contents);
    return pathToFileURL(file);
  });
  return bundled;
}

export class SweepPool {
  private constructor(private readonly threads: Worker[]) {}

  /** `workers` in all: this thread and `workers - 1` threads, started now. */
  static async start(workers: number, workerUrl: URL = defaultWorkerUrl()): Promise<SweepPool> {
    const n = Math.max(1, Math.floor(workers));
    const script = n > 1 ? await workerScript(workerUrl) : null;
    return new SweepPool(Array.from({ length: n - 1 }, () => new Worker(script!)));
  }

  get size(): number {
    return this.threads.length + 1;
  }

  run(plan: SweepPlan, onPoint?: (p: PointResult, done: number, total: number) => void): Promise<PointResult[]> {
    const collector = new SweepCollector(plan);
    const total = plan.points.length;
    const k = plan.seeds.length;
    let points = 0;
    return new Promise<PointResult[]>((resolve, reject) => {
      let next = 0;
      let finished = 0;
      let over = false;
      const cleanups: (() => void)[] = [];
      const stop = (e?: unknown) => {
        if (over) return;
        over = true;
        cleanups.forEach((c) => c());
        if (e === undefined) resolve(collector.results());
        else reject(e instanceof Error ? e : new Error(String(e)));
      };
      const finish = (r: number, report: SweepReport) => {
        const p = collector.add(r, report);
        if (p) onPoint?.(p, ++points, total);
        if (++finished === plan.runs) stop();
      };
      for (const w of this.threads) {
        // Each thread holds AHEAD runs: the next one is already there when it finishes one, even
        // while this thread is busy with a run of its own and cannot answer its message yet.
        let held = 0;
        const feed = () => {
          while (held < AHEAD && next < plan.runs) {
            w.postMessage({ kind: 'run', r: next++ } satisfies ToWorker);
            held++;
          }
        };
        const onMessage = (m: FromWorker) => {
          if (over) return;
          if (m.kind === 'error') return stop(new Error(m.message));
          held--;
          finish(m.r, m.report);
          feed();
        };
        const onError = (e: unknown) => stop(e);
        w.on('message', onMessage);
        w.on('error', onError);
        cleanups.push(() => {
          w.off('message', onMessage);
          w.off('error', onError);
        });
        w.postMessage({ kind: 'plan', plan } satisfies ToWorker);
        feed();
      }
      // This thread takes one run at a time between messages: it is warm and starts at once,
      // while new threads load.
      const here = () => {
        if (over || next >= plan.runs) return;
        const r = next++;
        try {
          finish(r, runPoint(plan, Math.floor(r / k), r % k));
        } catch (e) {
          return stop(e);
        }
        setImmediate(here);
      };
      setImmediate(here);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((w) => w.terminate()));
  }
}

/** Starts a pool, runs the plan, stops the pool. */
export async function runSweep(plan: SweepPlan, opts: { workers: number; workerUrl?: URL; onPoint?: (p: PointResult, done: number, total: number) => void }): Promise<PointResult[]> {
  const pool = await SweepPool.start(Math.min(opts.workers, plan.runs), opts.workerUrl);
  try {
    return await pool.run(plan, opts.onPoint);
  } finally {
    await pool.close();
  }
}
