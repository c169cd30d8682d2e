/**
 * "Report JSON" in the browser is the CLI's `--json`: the default design and a lesson, run by the
 * worker's own Runner (as the browser runs them, stepped to a simulated time), give the same
 * document as the CLI run as a child process for the same duration, wallMs aside.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, type Scenario } from '../../engine/index';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- the test runs the worker's own Runner, not the page's door to it
import { Runner, SAMPLE_MS, type Host } from '../../worker/runner';
import { scenarioFileText } from '../share/scenarioFile';
import { defaultScenario } from '../store/defaultScenario';
import { reportJsonText } from './reportJson';
import lesson01 from '../../../scenarios/lessons/01-flash-sale-unbounded-queue.json';

const root = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'bp-report-'));

/** A host whose clock never moves: every step runs to its end at once. */
const host: Host = { now: () => 0, later: () => undefined, soon: (fn) => void Promise.resolve().then(fn) };

async function browserJson(scenario: Scenario, atMs: number): Promise<Record<string, unknown>> {
  const runner = new Runner(host);
  runner.connect(() => undefined);
  runner.load(scenario, scenario.seed);
  for (let t = 0; t < atMs; t += SAMPLE_MS) await runner.step();
  const report = runner.report();
  if (!report) throw new Error('no report');
  expect(report.simulatedMs).toBe(atMs);
  return JSON.parse(reportJsonText(scenario, report)) as Record<string, unknown>;
}

function cliJson(scenario: Scenario, name: string, durationMs: number): Record<string, unknown> {
  // The file the app's Export writes: what the browser ran, as the CLI reads it.
  const file = join(dir, name);
  writeFileSync(file, scenarioFileText(scenario, 'scenario.schema.json'));
  const r = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'src', 'cli', 'main.ts'), file, '--json', '--duration', String(durationMs)], { encoding: 'utf8', cwd: root });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

const withoutWall = (doc: Record<string, unknown>) => ({ ...doc, wallMs: 0 });

describe('the browser’s report JSON', () => {
  it('equals the CLI’s for the default design at 20 s', async () => {
    const scenario = defaultScenario();
    const browser = await browserJson(scenario, 20_000);
    const cli = cliJson(scenario, 'default.json', 20_000);
    expect(browser.wallMs).toBe(0);
    expect(typeof cli.wallMs).toBe('number');
    expect(Object.keys(browser)).toEqual(Object.keys(cli));
    expect(withoutWall(browser)).toEqual(withoutWall(cli));
    // Not an empty run: items went through and the bounded queue turned some away.
    expect((browser.totals as { completed: number; refused: number; dropped: number }).completed).toBeGreaterThan(1000);
  });

  it('carries a lesson’s verdict as the CLI does', async () => {
    const p = parseScenarioText(JSON.stringify(lesson01));
    if (!p.ok) throw new Error('lesson 01 is invalid');
    const browser = await browserJson(p.value, 15_000);
    const cli = cliJson(p.value, 'lesson.json', 15_000);
    expect(browser.check).toBeDefined();
    expect(withoutWall(browser)).toEqual(withoutWall(cli));
  });
});
