/**
 * Runs a sweep's runs on this thread and a pool of worker threads (N workers: this thread and
 * N - 1 more): each run is handed to the next free one, and the collector sums up each point from
 * its seeds in seed order, so the results are the same for any number of workers. Once none is
 * left to hand out, this thread repeats the runs still out with slower threads (a run's report is
 * the same wherever it runs; the first answer counts), so a sweep never waits on a thread still
 * loading: with more workers it is never much slower than with one.
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

/** What the pool needs of a thread (a worker_threads Worker; a stand-in in tests). */
export interface SweepThread {
  on(ev: 'message', f: (m: FromWorker) => void): unknown;
  on(ev: 'error', f: (e: unknown) => void): unknown;
  postMessage(m: ToWorker): void;
  terminate(): Promise<unknown>;
}

export class SweepPool {
  /** Runs sent to each thread and not answered yet, over all sweeps: a thread answers in order. */
  private readonly held: number[];

  /** Of those, how many the sweep now running did not send (it ignores their answers). */
  private readonly stale: number[];
  /** The running sweep's handlers, or null between sweeps. */
  private onAnswer: ((t: number, m: FromWorker) => void) | null = null;
  private onFailure: ((e: unknown) => void) | null = null;

  private constructor(private readonly threads: SweepThread[]) {
    this.held = threads.map(() => 0);
    this.stale = threads.map(() => 0);
    // One listener a thread for its whole life, so every answer is counted, between sweeps too.
    threads.forEach((w, t) => {
      w.on('message', (m: FromWorker) => {
        this.held[t]!--;
        if (this.stale[t]! > 0) this.stale[t]!--;
        else this.onAnswer?.(t, m);
      });
      w.on('error', (e: unknown) => this.onFailure?.(e));
    });
  }

  /** `workers` in all: this thread and `workers - 1` threads, started now. */
  static async start(workers: number, workerUrl: URL = defaultWorkerUrl()): Promise<SweepPool> {
    const n = Math.max(1, Math.floor(workers));
    const script = n > 1 ? await workerScript(workerUrl) : null;
    return new SweepPool(Array.from({ length: n - 1 }, () => new Worker(script!)));
  }

  /** A pool over threads already started (each serving engine/sweep/serve.ts's messages). */
  static over(threads: SweepThread[]): SweepPool {
    return new SweepPool(threads);
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
      // A run is answered once: a run this thread also did (below) may come back from a thread too.
      const answered = new Uint8Array(plan.runs);
      const finish = (r: number, report: SweepReport) => {
        if (answered[r]) return;
        answered[r] = 1;
        const p = collector.add(r, report);
        if (p) onPoint?.(p, ++points, total);
        if (++finished === plan.runs) stop();
      };
      // Each thread holds AHEAD runs: the next one is already there when it finishes one, even
      // while this thread is busy with a run of its own and cannot answer its message yet. What a
      // thread still owes an earlier sweep comes first, and is not this one's.
      const feed = (t: number) => {
        while (this.held[t]! - this.stale[t]! < AHEAD && next < plan.runs) {
          this.threads[t]!.postMessage({ kind: 'run', r: next++ } satisfies ToWorker);
          this.held[t]!++;
        }
      };
      this.onAnswer = (t, m) => {
        if (over) return;
        if (m.kind === 'error') return stop(new Error(m.message));
        finish(m.r, m.report);
        feed(t);
      };
      this.onFailure = (e) => stop(e);
      cleanups.push(() => {
        this.onAnswer = null;
        this.onFailure = null;
      });
      this.threads.forEach((w, t) => {
        this.stale[t] = this.held[t]!;
        w.postMessage({ kind: 'plan', plan } satisfies ToWorker);
        feed(t);
      });
      // This thread takes one run at a time between messages: it is warm and starts at once,
      // while new threads load. With none left to hand out, it does the runs still out with the
      // threads, last first (a thread just started may be slow to answer the runs it holds): the
      // same run gives the same report anywhere, and whichever answer comes first counts.
      let late = plan.runs - 1;
      const here = () => {
        if (over) return;
        let r: number;
        if (next < plan.runs) r = next++;
        else {
          while (late >= 0 && answered[late]) late--;
          if (late < 0) return;
          r = late--;
        }
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
