/**
 * The app's worker and the CLI run the same engine: the same scenario and seed must give the same
 * report, number for number (only `wallMs`, the caller's stopwatch, differs). The browser side
 * goes through the app's test hooks (`?testhooks`), which load the scenario as the canvas does and
 * step the worker to the same simulated time the CLI runs to.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';
import { openApp } from './app';
import { scenario30 } from '../bench/ui/scenario30';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

type Report = Record<string, unknown> & { wallMs?: number };

function cli(file: string, durationMs: number, seed: number): Report {
  const out = execFileSync('npm', ['run', '--silent', 'sim', '--', file, '--json', '--duration', String(durationMs), '--seed', String(seed)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(out) as Report;
}

const withoutWall = ({ wallMs: _w, ...rest }: Report): Report => rest;

/** Every leaf where the two reports differ, as "path: cli → worker" (readable where toEqual's diff is not). */
function differences(cliReport: unknown, workerReport: unknown, path = ''): string[] {
  if (typeof cliReport === 'object' && cliReport !== null && typeof workerReport === 'object' && workerReport !== null) {
    const keys = new Set([...Object.keys(cliReport), ...Object.keys(workerReport)]);
    return [...keys].flatMap((k) => differences((cliReport as Record<string, unknown>)[k], (workerReport as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  }
  return Object.is(cliReport, workerReport) ? [] : [`${path}: ${JSON.stringify(cliReport)} (CLI) vs ${JSON.stringify(workerReport)} (worker)`];
}

const CASES = [
  { name: 'the default scenario', file: join(ROOT, 'scenarios/default.json'), durationMs: 20_000, seed: 42 },
  { name: 'M/M/1/K', file: join(ROOT, 'scenarios/mm1k.json'), durationMs: 10_000, seed: 7 },
  { name: 'the 30-node bench scenario', file: 'bench30', durationMs: 2_000, seed: 3 },
  { name: 'Kafka lag (topic, consumer group, dead letters)', file: join(ROOT, 'scenarios/kafka-lag.json'), durationMs: 300_000, seed: 5 },
];

for (const c of CASES) {
  test(`worker and CLI agree on ${c.name}`, async ({ page }) => {
    let file = c.file;
    if (file === 'bench30') {
      file = join(mkdtempSync(join(tmpdir(), 'bp-e2e-')), 'bench30.json');
      writeFileSync(file, JSON.stringify(scenario30()));
    }
    const expected = withoutWall(cli(file, c.durationMs, c.seed));

    await openApp(page, '?testhooks');
    await page.waitForFunction(() => 'bpTest' in window);
    const scenario: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const got = await page.evaluate(
      ({ scenario, seed, ms }) => (window as unknown as { bpTest: { run(s: unknown, seed: number, ms: number): Promise<Report> } }).bpTest.run(scenario, seed, ms),
      { scenario, seed: c.seed, ms: c.durationMs },
    );
    expect(got.simulatedMs).toBe(c.durationMs);
    expect(differences(expected, withoutWall(got)), 'fields where the worker report differs from the CLI report').toEqual([]);
    expect(withoutWall(got)).toEqual(expected);
  });
}
