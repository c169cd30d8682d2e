/**
 * `npm run --silent sim -- sweep FILE --vary NODE.FIELD=FROM:TO:STEPS [--vary ...] [--seeds K]
 * [--duration MS] [--log] [--workers N] [--json | --csv]`
 *
 * Runs the design over a range of one parameter (a curve) or two (a grid), K seeds per point, in
 * parallel worker threads, and prints each point's mean report and 95% half-widths. Exit codes as
 * for a single run: 0 ran, 1 the scenario or the sweep is invalid, 2 bad command line.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs as nodeParseArgs } from 'node:util';
import { formatIssues, parseScenarioText, type SweepSettingsInput } from '../engine/index';
import { findKnees, planSweep, splitKey, sweepCsv, type PointResult, type SweepPlan } from '../engine/sweep/index';
import { UsageError } from './args';
import { runSweep } from './sweepPool';

export const SWEEP_USAGE = `Usage: npm run --silent sim -- sweep FILE --vary NODE.FIELD=FROM:TO:STEPS [--vary ...] [--seeds K]
                                  [--duration MS] [--log] [--workers N] [--json | --csv]

Runs a scenario over a range of values of one parameter (or a grid of two) and prints, for each
point, the mean of its runs' reports with 95% half-widths.
  --vary NODE.FIELD=FROM:TO:STEPS  a node id and one of its numeric parameters as in the file
                   (e.g. clients.rate=10:120:12, workers.serviceTime.meanMs=5:20:4); twice for a grid
  --seeds K        runs per point, 1 to 20 (default 3); seed 1 is the scenario's own
  --duration MS    simulated milliseconds per run (default: the scenario's durationMs)
  --log            steps evenly spaced on a log scale
  --workers N      runs at once: this thread and N - 1 worker threads (default: one per core, so
                   cores - 1 worker threads); results do not depend on it
  --json           one JSON object: { vary, seeds, points: [ { values, seeds, mean, ci95, figures } ], knees }
  --csv            one row per point with the main figures
Without a --vary, the scenario's own "sweep" settings are used.`;

export interface SweepArgs {
  file: string;
  vary: { key: string; from: number; to: number; steps: number }[];
  seeds?: number;
  durationMs?: number;
  log: boolean;
  workers: number;
  format: 'table' | 'json' | 'csv';
  help: boolean;
}

export function parseSweepArgs(argv: string[]): SweepArgs {
  // "--vary x=-5:5:3" and "--seeds -1" should reach our own checks, not be taken for flags.
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (['--vary', '--seeds', '--duration', '--workers'].includes(a) && i + 1 < argv.length) joined.push(`${a}=${argv[++i]}`);
    else joined.push(a);
  }
  let parsed;
  try {
    parsed = nodeParseArgs({
      args: joined,
      allowPositionals: true,
      options: {
        vary: { type: 'string', multiple: true },
        seeds: { type: 'string' },
        duration: { type: 'string' },
        workers: { type: 'string' },
        log: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        csv: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  const defaults = { file: '', vary: [], log: false, workers: 1, format: 'table' as const };
  if (values.help) return { ...defaults, help: true };
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing the scenario FILE' : `expected one FILE, got ${positionals.length}`);
  if (values.json && values.csv) throw new UsageError('choose one of --json and --csv');
  const vary = (values.vary ?? []).map((v) => {
    const m = /^(.+)=([^:]+):([^:]+):([^:]+)$/.exec(v);
    if (!m) throw new UsageError(`--vary: expected NODE.FIELD=FROM:TO:STEPS, got "${v}"`);
    const [from, to, steps] = [m[2]!, m[3]!, m[4]!].map(Number) as [number, number, number];
    if (!Number.isFinite(from) || !Number.isFinite(to)) throw new UsageError(`--vary ${m[1]}: FROM and TO must be numbers, got "${m[2]}" and "${m[3]}"`);
    if (!Number.isInteger(steps)) throw new UsageError(`--vary ${m[1]}: STEPS must be a whole number, got "${m[4]}"`);
    return { key: m[1]!, from, to, steps };
  });
  if (vary.length > 2) throw new UsageError(`--vary: at most two parameters (a grid), got ${vary.length}`);
  const args: SweepArgs = { file: positionals[0]!, vary, log: values.log ?? false, workers: Math.max(1, availableParallelism()), format: values.json ? 'json' : values.csv ? 'csv' : 'table', help: false };
  const whole = (name: string, s: string, min: number, max: number) => {
    const n = Number(s);
    if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name}: expected a whole number from ${min} to ${max}, got "${s}"`);
    return n;
  };
  if (values.seeds !== undefined) args.seeds = whole('seeds', values.seeds, 1, 20);
  if (values.workers !== undefined) args.workers = whole('workers', values.workers, 1, 64);
  if (values.duration !== undefined) {
    const d = Number(values.duration);
    if (!Number.isFinite(d) || d <= 0 || d > 24 * 3600 * 1000) throw new UsageError(`--duration: expected milliseconds > 0 (at most one day), got "${values.duration}"`);
    args.durationMs = d;
  }
  return args;
}

function fmt(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return '-';
  return Math.abs(x) >= 100 ? String(Math.round(x)) : x.toPrecision(digits);
}

function formatTable(name: string, plan: SweepPlan, points: PointResult[]): string {
  const head = [...plan.axes.map((a) => a.key), 'p50 ms', 'p99 ms', '± 95%', 'p999 ms', 'goodput/s', 'throughput/s', 'lost', 'busiest'];
  const rows = points.map((p) => {
    const f = p.figures.mean;
    return [...plan.axes.map((a) => String(p.values[a.key])), fmt(f.p50), fmt(f.p99), fmt(p.figures.ci95.p99, 2), fmt(f.p999), fmt(f.goodput), fmt(f.throughput), `${(f.lost * 100).toFixed(1)}%`, `${f.busiestId} ${(f.busiest * 100).toFixed(0)}%`];
  });
  const all = [head, ...rows];
  const widths = head.map((_, c) => Math.max(...all.map((r) => r[c]!.length)));
  const lines = all.map((r) => r.map((cell, c) => cell.padStart(widths[c]!)).join('  '));
  const out = [`${name}: ${points.length} points x ${plan.seeds.length} seeds, ${plan.durationMs / 1000} s simulated each`, '', ...lines];
  const k = knees(plan, points);
  if (k) out.push('', `knee: p99 over twice the first point's from ${plan.axes[0]!.key} = ${k.p99 ?? '(not reached)'}; goodput stops rising at ${k.goodput ?? '(not reached)'}`);
  return out.join('\n') + '\n';
}

function knees(plan: SweepPlan, points: PointResult[]) {
  if (plan.axes.length !== 1) return null;
  const key = plan.axes[0]!.key;
  return findKnees({ values: points.map((p) => p.values[key]!), p99: points.map((p) => p.figures.mean.p99), goodput: points.map((p) => p.figures.mean.goodput) });
}

export async function sweepMain(argv: string[]): Promise<number> {
  let args: SweepArgs;
  try {
    args = parseSweepArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n\n${SWEEP_USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    process.stdout.write(`${SWEEP_USAGE}\n`);
    return 0;
  }
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    process.stderr.write(`${args.file}: cannot read the scenario: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : String(code ?? e)}\n`);
    return 1;
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) {
    process.stderr.write(`${args.file}: invalid scenario\n${formatIssues(parsed.issues).replace(/^/gm, '  ')}\n`);
    return 1;
  }
  const base = parsed.value;
  let settings: SweepSettingsInput;
  if (args.vary.length === 0) {
    if (!base.sweep) {
      process.stderr.write(`${args.file}: nothing to sweep: give --vary NODE.FIELD=FROM:TO:STEPS (the scenario has no "sweep" settings)\n\n${SWEEP_USAGE}\n`);
      return 2;
    }
    settings = { ...base.sweep, ...(args.seeds !== undefined ? { seeds: args.seeds } : {}), ...(args.durationMs !== undefined ? { durationMs: args.durationMs } : {}) };
  } else {
    const vary = [];
    for (const v of args.vary) {
      const split = splitKey(v.key, base.nodes);
      if (!split) {
        const id = v.key.includes('.') ? v.key.slice(0, v.key.indexOf('.')) : v.key;
        process.stderr.write(`${args.file}: --vary ${v.key}: ${v.key.includes('.') ? `no node with id "${id}"` : 'expected NODE.FIELD'} (the design has ${base.nodes.map((n) => `"${n.id}"`).join(', ')})\n`);
        return 1;
      }
      vary.push({ ...split, from: v.from, to: v.to, steps: v.steps, log: args.log });
    }
    settings = { vary, ...(args.seeds !== undefined ? { seeds: args.seeds } : {}), ...(args.durationMs !== undefined ? { durationMs: args.durationMs } : {}) };
  }
  const plan = planSweep(base, settings);
  if (!plan.ok) {
    process.stderr.write(`${args.file}: cannot sweep\n${plan.issues.map((i) => `  ${i.path.replace(/^vary /, '--vary ')}: ${i.message}`).join('\n')}\n`);
    return 1;
  }
  const p = plan.value;
  const tty = process.stderr.isTTY === true;
  const t0 = Date.now();
  const points = await runSweep(p, {
    workers: args.workers,
    onPoint: tty
      ? (_pt, done, total) => {
          const el = (Date.now() - t0) / 1000;
          const left = done > 0 ? (el / done) * (total - done) : 0;
          process.stderr.write(`\r${done}/${total} points, ${el.toFixed(1)} s, about ${left.toFixed(0)} s left   `);
          if (done === total) process.stderr.write('\n');
        }
      : undefined,
  });
  if (args.format === 'json') {
    const out = {
      vary: p.axes.map((a) => ({ node: a.node, field: a.field, key: a.key, from: a.from, to: a.to, steps: a.steps, log: a.log, values: a.values })),
      seeds: p.seeds,
      durationMs: p.durationMs,
      points: points.map((pt) => ({ values: pt.values, seeds: pt.seeds, mean: pt.mean, ci95: pt.ci95, figures: pt.figures })),
      ...(p.axes.length === 1 ? { knees: knees(p, points) } : {}),
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } else if (args.format === 'csv') process.stdout.write(sweepCsv(p.axes, points));
  else process.stdout.write(formatTable(base.name, p, points));
  return 0;
}
