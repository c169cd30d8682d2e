/**
 * Engine throughput: items/s and events/s through the full engine (metrics on), for M/M/1, M/M/8
 * and a 10-stage pipeline, plus whether throughput holds as a run gets longer, and memory per
 * million items. Prints numbers; passes or fails nothing (timings on a shared machine are noisy:
 * compare the ratios within one run).
 *
 * The engine's M/M/8 is set against a hand-written typed-array M/M/8 loop (referenceLoop.ts) in the
 * same run, with the same random numbers and metrics: target at least half its items/s.
 *
 * The scaling row runs one total item rate through designs of 5 to 1,000 parts: wall time per item
 * (target: within 25% from smallest to largest) and heap per part.
 *
 * The sweep row runs the default design's knee curve (20 points x 3 seeds x 60 s simulated) with one
 * worker and with one per core, through the CLI's pool, and prints the speed-up.
 *
 *   npm run bench             full run (about a minute)
 *   npm run bench -- --quick  smaller runs
 */
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createSimulation, parseScenario, type Scenario, type ScenarioInput } from '../src/engine/index';
import { planSweep } from '../src/engine/sweep/index';
import { runSweep, SweepPool } from '../src/cli/sweepPool';
import { referenceMmc } from './referenceLoop';
import { LINE_PARTS, scenarioLines } from './ui/scenarioLines';

const quick = process.argv.includes('--quick');
const ITEMS = quick ? 1_000_000 : 4_000_000;

function scenario(input: ScenarioInput): Scenario {
  const p = parseScenario(input);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.value;
}

function mmc(c: number, rho: number): Scenario {
  const meanMs = 10;
  return scenario({
    version: 1,
    name: `M/M/${c}`,
    seed: 1,
    nodes: [
      { id: 'src', type: 'producer', rate: (rho * c * 1000) / meanMs },
      { id: 'q', type: 'queue', capacity: null },
      { id: 'svc', type: 'service', concurrency: c, serviceTime: { dist: 'exponential', meanMs } },
    ],
    edges: [
      { from: 'src', to: 'q' },
      { from: 'q', to: 'svc' },
    ],
  });
}

function pipeline(stages: number): Scenario {
  const nodes: ScenarioInput['nodes'] = [{ id: 'src', type: 'producer', rate: 80 }];
  const edges: { from: string; to: string }[] = [];
  let prev = 'src';
  for (let i = 0; i < stages; i++) {
    nodes.push({ id: `q${i}`, type: 'queue', capacity: 1000, overflow: 'block' });
    nodes.push({ id: `s${i}`, type: 'service', concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 10 } });
    edges.push({ from: prev, to: `q${i}` }, { from: `q${i}`, to: `s${i}` });
    prev = `s${i}`;
  }
  return scenario({ version: 1, name: `${stages}-stage pipeline`, seed: 1, nodes, edges });
}

interface Row {
  name: string;
  items: number;
  events: number;
  wallMs: number;
  firstHalf: number;
  secondHalf: number;
}

function run(s: Scenario, items: number): Row {
  const rate = (s.nodes[0] as { rate: number }).rate;
  const simMs = (items / rate) * 1000;
  const sim = createSimulation(s);
  // Warm up the JIT on a short prefix that is part of the run.
  sim.runUntil(simMs * 0.02);
  const t0 = performance.now();
  const c0 = sim.sim.completed;
  const e0 = sim.sim.events;
  sim.runUntil(simMs * 0.51);
  const t1 = performance.now();
  const c1 = sim.sim.completed;
  sim.runUntil(simMs);
  const t2 = performance.now();
  const c2 = sim.sim.completed;
  const e = sim.sim.events - e0;
  return {
    name: s.name,
    items: c2 - c0,
    events: e,
    wallMs: t2 - t0,
    firstHalf: (c1 - c0) / ((t1 - t0) / 1000),
    secondHalf: (c2 - c1) / ((t2 - t1) / 1000),
  };
}

function fmt(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(0)}k` : n.toFixed(0);
}

function memoryPerMillion(): string {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return 'n/a (run with node --expose-gc to measure)';
  // Heap held by a run with 1M items waiting at once (an unbounded queue nobody drains fast).
  gc();
  const before = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const s = scenario({
    version: 1,
    nodes: [
      { id: 'src', type: 'producer', rate: 100000, arrival: 'constant' },
      // No memory limit: with the default 512 MiB it would be OOM-killed at 524,289 items.
      { id: 'q', type: 'queue', capacity: null, memoryLimitBytes: null },
    ],
    edges: [{ from: 'src', to: 'q' }],
  });
  const sim = createSimulation(s, { maxItemsInSystem: 2_000_000 });
  sim.runUntil(10_000);
  gc();
  const after = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  return `${((after - before) / 1e6 / (sim.sim.items.live / 1e6)).toFixed(1)} MB per million items held`;
}

const rows = [run(mmc(1, 0.9), ITEMS), run(mmc(8, 0.9), ITEMS), run(pipeline(10), ITEMS / 4)];
console.log(`engine benchmark (${quick ? 'quick' : 'full'}), node ${process.version}`);
console.log('scenario               items   wall ms   items/s  events/s  1st half  2nd half  (items/s, later half / earlier)');
for (const r of rows) {
  console.log(
    `${r.name.padEnd(20)} ${fmt(r.items).padStart(7)} ${r.wallMs.toFixed(0).padStart(9)} ${fmt((r.items / r.wallMs) * 1000).padStart(9)} ${fmt((r.events / r.wallMs) * 1000).padStart(9)} ${fmt(r.firstHalf).padStart(9)} ${fmt(r.secondHalf).padStart(9)}  ratio ${(r.secondHalf / r.firstHalf).toFixed(2)}`,
  );
}
console.log(`memory: ${memoryPerMillion()}`);
const mm8 = rows[1]!;
const target = 2e6;
console.log(`M/M/8 target >= ${fmt(target)} items/s: measured ${fmt((mm8.items / mm8.wallMs) * 1000)} items/s`);
// The yardstick, run after the engine's rows with the same item count (and once before, to warm it up).
referenceMmc(8, 0.9, ITEMS / 10, () => performance.now());
const loop = referenceMmc(8, 0.9, ITEMS, () => performance.now());
const engineRate = (mm8.items / mm8.wallMs) * 1000;
const loopRate = (loop.items / loop.wallMs) * 1000;
console.log(
  `M/M/8 engine ${fmt(engineRate)} items/s against a hand-written typed-array loop ${fmt(loopRate)} items/s (checksum ${loop.checksum.toFixed(0)}): ratio ${(engineRate / loopRate).toFixed(2)} (target >= 0.50: ${engineRate / loopRate >= 0.5 ? 'met' : 'MISSED'})`,
);

// Scaling: one total item rate (20k items/s) through designs of 5 to 1,000 parts, as lines of five
// (producer, queue, service, queue, service; bench:ui's designs): wall time per item, and the heap a
// part holds (its component, metrics, histograms and the items in its queues) after GC.
const gcNow = (globalThis as { gc?: () => void }).gc;
const heapNow = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
function scaling(parts: number, totalRate: number, items: number): { usPerItem: number; kbPerPart: number } {
  const lines = Math.ceil(parts / LINE_PARTS);
  const s = scenario(scenarioLines(parts, totalRate / lines) as unknown as ScenarioInput);
  let sim: ReturnType<typeof createSimulation> | null = createSimulation(s);
  const simMs = (items / totalRate) * 1000;
  sim.runUntil(simMs * 0.05); // JIT warm-up, part of the run
  const t0 = performance.now();
  const c0 = sim.sim.completed;
  sim.runUntil(simMs);
  const wall = performance.now() - t0;
  const done = sim.sim.completed - c0;
  // What the run holds: the heap with it, less the heap once it is let go (both after full GCs, so
  // garbage left by earlier rows counts in neither).
  const settle = () => {
    gcNow?.();
    gcNow?.();
    return heapNow();
  };
  const held = settle();
  sim = null;
  const kbPerPart = (held - settle()) / 1024 / parts;
  return { usPerItem: (wall * 1000) / done, kbPerPart };
}
const sizes = [5, 50, 200, 1000];
const scaled = sizes.map((n) => ({ n, ...scaling(n, 20_000, quick ? 500_000 : 2_000_000) }));
const spread = Math.max(...scaled.map((r) => r.usPerItem)) / Math.min(...scaled.map((r) => r.usPerItem));
console.log(
  `scaling at 20k items/s in all: ${scaled.map((r) => `${r.n} parts ${r.usPerItem.toFixed(2)} µs/item, ${r.kbPerPart.toFixed(0)} KB/part`).join('; ')}; slowest / fastest ${spread.toFixed(2)} (target <= 1.25: ${spread <= 1.25 ? 'met' : 'MISSED'})${gcNow ? '' : ' (memory needs node --expose-gc)'}`,
);

// The sweep: the same plan with 1 worker and with all of them (the worker script is bundled beside this
// file). A pool is started per sweep, as the CLI and the app do, so thread start-up counts; the longer
// sweep shows the speed-up once each run is more than a few milliseconds of work.
const defaultDesign = scenario(JSON.parse(readFileSync(new URL('../../scenarios/default.json', import.meta.url), 'utf8')));
const workerUrl = new URL('./sweepWorker.mjs', import.meta.url);
const cores = availableParallelism();
for (const seconds of [60, 600]) {
  const plan = planSweep(defaultDesign, { vary: [{ node: 'clients', field: 'rate', from: 20, to: 200, steps: 20 }], seeds: 3, durationMs: seconds * 1000 });
  if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
  const timeSweep = async (workers: number) => {
    const t0 = performance.now();
    await runSweep(plan.value, { workers, workerUrl });
    return performance.now() - t0;
  };
  await timeSweep(cores); // warm-up
  const one = await timeSweep(1);
  const all = await timeSweep(cores);
  // The same sweep on a pool already started (threads loaded, as a pool kept between sweeps is):
  // the parallel part alone, without thread start-up.
  const pool = await SweepPool.start(cores, workerUrl);
  await pool.run(plan.value); // warm-up: each thread has compiled the engine
  const t0 = performance.now();
  await pool.run(plan.value);
  const warm = performance.now() - t0;
  await pool.close();
  const targets = seconds === 60 ? ` (targets: under 3,000 ms with all workers: ${all < 3000 ? 'met' : 'MISSED'}; speed-up >= 1.7x: ${one / all >= 1.7 ? 'met' : 'MISSED'} cold, ${one / warm >= 1.7 ? 'met' : 'MISSED'} on a started pool)` : '';
  console.log(
    `sweep, default design, 20 points x 3 seeds x ${seconds} s: 1 worker ${one.toFixed(0)} ms, ${cores} workers ${all.toFixed(0)} ms (speed-up ${(one / all).toFixed(2)}x), on a started pool ${warm.toFixed(0)} ms (${(one / warm).toFixed(2)}x)${targets}`,
  );
}
