/**
 * The sweep pool in-process: one pool kept for several sweeps gives each the results a single
 * thread gives (a thread's answers owed to an earlier sweep are not taken for the next one's), and
 * so does a pool of more threads than runs keep busy, where this thread repeats runs still out.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioInput } from '../engine/index';
import { planSweep, runPoint, type FromSweepWorker, type SweepPlan, type ToSweepWorker } from '../engine/sweep/index';
import { runSweep, SweepPool, type SweepThread } from './sweepPool';

const design = (() => {
  const p = parseScenario({
    version: 1,
    name: 'M/M/1/K',
    seed: 11,
    durationMs: 1000,
    nodes: [
      { id: 'clients', type: 'producer', rate: 80, arrival: 'poisson' },
      { id: 'buffer', type: 'queue', capacity: 20 },
      { id: 'workers', type: 'service', concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 10 } },
    ],
    edges: [
      { from: 'clients', to: 'buffer' },
      { from: 'buffer', to: 'workers' },
    ],
  } as ScenarioInput);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.value;
})();

function plan(from: number, to: number, steps: number, seeds: number, durationMs: number): SweepPlan {
  const p = planSweep(design, { vary: [{ node: 'clients', field: 'rate', from, to, steps }], seeds, durationMs });
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.value;
}

/** What a point says, as plain data to compare (its figures, per seed and summed up). */
const shown = (points: Awaited<ReturnType<typeof runSweep>>) => JSON.stringify(points);

describe('SweepPool', () => {
  it('kept for three sweeps, gives each what one thread gives', async () => {
    const plans = [plan(20, 120, 6, 2, 20_000), plan(50, 90, 3, 3, 5_000), plan(10, 200, 8, 2, 10_000)];
    const alone = await Promise.all(plans.map((p) => runSweep(p, { workers: 1 })));
    const pool = await SweepPool.start(3);
    try {
      for (let i = 0; i < plans.length; i++) expect(shown(await pool.run(plans[i]!))).toBe(shown(alone[i]!));
      // Each point complete, in plan order, however the runs were shared out.
      expect(alone[2]!.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('with more threads than the sweep has runs, still answers every run once', async () => {
    const p = plan(40, 60, 2, 1, 2_000);
    const pool = await SweepPool.start(4);
    try {
      const points = await pool.run(p);
      expect(points.map((x) => x.seeds)).toEqual([1, 1]);
      expect(shown(points)).toBe(shown(await runSweep(p, { workers: 1 })));
    } finally {
      await pool.close();
    }
  }, 120_000);
});

/**
 * A thread that serves runs like a real one (serve.ts's messages, engine/sweep's runPoint) but
 * answers only when told: a slow thread, on cue.
 */
class HeldThread implements SweepThread {
  private plan: SweepPlan | null = null;
  private readonly outbox: FromSweepWorker[] = [];
  private readonly listeners: ((m: FromSweepWorker) => void)[] = [];
  answering = false;

  on(ev: 'message' | 'error', f: (m: never) => void): this {
    if (ev === 'message') this.listeners.push(f as (m: FromSweepWorker) => void);
    return this;
  }

  postMessage(m: ToSweepWorker): void {
    if (m.kind === 'plan') this.plan = m.plan;
    else {
      const n = this.plan!.seeds.length;
      this.outbox.push({ kind: 'done', r: m.r, report: runPoint(this.plan!, Math.floor(m.r / n), m.r % n) });
      if (this.answering) setImmediate(() => this.release());
    }
  }

  /** Sends every answer held so far, in order. */
  release(): void {
    for (const m of this.outbox.splice(0)) for (const f of this.listeners) f(m);
  }

  terminate(): Promise<void> {
    return Promise.resolve();
  }
}

describe('SweepPool with a slow thread', () => {
  it("does the slow thread's runs itself, and takes none of its late answers for the next sweep's", async () => {
    const a = plan(20, 50, 2, 2, 3_000);
    const b = plan(60, 120, 2, 2, 3_000);
    const slow = new HeldThread();
    const pool = SweepPool.over([slow]);
    // Sweep a: the thread holds two runs and does not answer; this thread does all four.
    expect(shown(await pool.run(a))).toBe(shown(await runSweep(a, { workers: 1 })));
    // Sweep b: the thread's answers to a come in first (runs 0 and 1, of a's values), then it
    // answers b's runs as they come.
    const running = pool.run(b);
    slow.release();
    slow.answering = true;
    expect(shown(await running)).toBe(shown(await runSweep(b, { workers: 1 })));
    await pool.close();
  });
});
