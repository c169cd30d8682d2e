/**
 * `sim sweep` run the way people and tools run it (a child process): the JSON against M/M/1
 * theory over a range of loads, the same numbers for any number of workers, and refusals that
 * name what is wrong.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const main = join(root, 'src', 'cli', 'main.ts');
const dir = mkdtempSync(join(tmpdir(), 'bp-sweep-'));

function sweep(...args: string[]) {
  const r = spawnSync(tsx, [main, 'sweep', ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(content));
  return p;
}

/** M/M/1: Poisson arrivals, an unbounded FIFO queue, one worker with exponential 10 ms service (mu = 100/s). */
const mm1 = file('mm1.json', {
  version: 1,
  name: 'M/M/1',
  seed: 3,
  durationMs: 60000,
  nodes: [
    { id: 'clients', type: 'producer', rate: 50, arrival: 'poisson' },
    { id: 'buffer', type: 'queue', capacity: null },
    { id: 'workers', type: 'service', concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 10 } },
  ],
  edges: [
    { from: 'clients', to: 'buffer' },
    { from: 'buffer', to: 'workers' },
  ],
  sweep: { vary: [{ node: 'buffer', field: 'capacity', from: 1, to: 3, steps: 3 }], seeds: 2, durationMs: 5000 },
});

describe('sim sweep --json', () => {
  it('matches M/M/1 theory over a range of loads (mean and p99 sojourn, utilization)', () => {
    const r = sweep(mm1, '--vary', 'clients.rate=10:70:7', '--seeds', '4', '--duration', '200000', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.vary).toEqual([expect.objectContaining({ node: 'clients', field: 'rate', key: 'clients.rate', values: [10, 20, 30, 40, 50, 60, 70] })]);
    expect(out.points).toHaveLength(7);
    const mu = 0.1; // per ms
    for (const p of out.points) {
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['values', 'seeds', 'mean', 'ci95']));
      expect(Object.keys(p.mean)).toEqual(expect.arrayContaining(['endToEnd', 'totals', 'nodes', 'reasons']));
      expect(p.seeds).toBe(4);
      const lambda = p.values['clients.rate'] / 1000;
      const w = 1 / (mu - lambda); // mean sojourn of M/M/1, ms
      const p99 = Math.log(100) / (mu - lambda); // its sojourn is Exp(mu - lambda)
      // Four runs of 200 s: within 12% of theory (the run-to-run spread at 70% load is about 5%).
      expect(Math.abs(p.mean.endToEnd.meanLatencyMs - w) / w).toBeLessThan(0.12);
      expect(Math.abs(p.mean.endToEnd.p99LatencyMs - p99) / p99).toBeLessThan(0.15);
      expect(Math.abs(p.mean.nodes.workers.utilization - lambda / mu)).toBeLessThan(0.03);
      expect(p.ci95.endToEnd.meanLatencyMs).toBeGreaterThan(0);
      expect(p.mean.totals.refused).toBe(0);
    }
    // Latency rises with load, steeply near the end: the knee is where p99 doubles from the first point.
    const p99s = out.points.map((p: { mean: { endToEnd: { p99LatencyMs: number } } }) => p.mean.endToEnd.p99LatencyMs);
    for (let i = 1; i < p99s.length; i++) expect(p99s[i]).toBeGreaterThan(p99s[i - 1]);
    // Theory: p99 = 4.6 / (0.1 - lambda) doubles from 51 ms (10/s) once lambda > 55/s: the knee is 60.
    expect(out.knees.p99).toBe(60);
  });

  it('gives the same numbers with one worker and with two', () => {
    const args = [mm1, '--vary', 'clients.rate=20:90:8', '--seeds', '3', '--duration', '20000', '--json'];
    const one = sweep(...args, '--workers', '1');
    const two = sweep(...args, '--workers', '2');
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('sweeps a grid of two parameters, and prints CSV with one row per point', () => {
    const r = sweep(mm1, '--vary', 'clients.rate=50:150:3', '--vary', 'buffer.capacity=10:1000:3', '--log', '--seeds', '2', '--duration', '5000', '--csv');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(/^clients\.rate,buffer\.capacity,seeds,p50_ms,p99_ms/);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(' '))).toEqual(['50 10', '86.6 10', '150 10', '50 100', '86.6 100', '150 100', '50 1000', '86.6 1000', '150 1000']);
  });

  it("runs the scenario's own sweep settings without --vary", () => {
    const r = sweep(mm1, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.points.map((p: { values: Record<string, number> }) => p.values['buffer.capacity'])).toEqual([1, 2, 3]);
    expect(out.points[0].seeds).toBe(2);
    expect(out.points[0].mean.simulatedMs).toBe(5000);
  });
});

describe('sim sweep refuses', () => {
  const cases: [string[], RegExp][] = [
    [['--vary', 'nope.rate=1:2:3'], /no node with id "nope"/],
    [['--vary', 'clients.arrival=1:2:3'], /"arrival" is not a numeric parameter of producer "clients"/],
    [['--vary', 'clients.speed=1:2:3'], /producer "clients" has no parameter "speed"/],
    [['--vary', 'workers.concurrency=0:4:4'], /0 is outside workers\.concurrency's valid values \(1 to 10000\)/],
    [['--vary', 'workers.errorRate=0:1.5:4'], /1\.5 is outside workers\.errorRate's valid values \(0 to 1\)/],
    [['--vary', 'clients.rate=1:50:50', '--vary', 'buffer.capacity=1:50:50', '--seeds', '2'], /5000 runs; at most 2500/],
  ];
  for (const [args, message] of cases) {
    it(args.join(' '), () => {
      const r = sweep(mm1, ...args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
      expect(r.stdout).toBe('');
    });
  }
  it('a malformed --vary is a usage error', () => {
    const r = sweep(mm1, '--vary', 'clients.rate=1:2');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected NODE\.FIELD=FROM:TO:STEPS, got "clients\.rate=1:2"/);
  });
});
