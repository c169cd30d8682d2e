/**
 * "Report JSON" in the browser is the CLI's `--json`: the default design and a lesson, run by the
 * worker's own Runner (as the browser runs them, stepped to a simulated time), give the same
 * document as the CLI run as a child process for the same duration, wallMs aside.
 */
import { describe, expect, it } from 'vitest';
import { parseScenarioText, type Scenario } from '../../engine/index';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- the test runs the worker's own Runner, not the page's door to it
import { Runner, SAMPLE_MS, type Host } from '../../worker/runner';
import { scenarioFileText } from '../share/scenarioFile';
import { defaultScenario } from '../store/defaultScenario';
import { reportJsonText } from './reportJson';

// Node's modules, typed here: this is a UI-layer file (DOM types, no Node types), run by vitest in Node.
interface NodeApi {
  spawnSync(cmd: string, args: string[], o: { encoding: 'utf8'; cwd: string }): { status: number | null; stdout: string; stderr: string };
  mkdtempSync(prefix: string): string;
  writeFileSync(path: string, text: string): void;
  readFileSync(path: string, encoding: 'utf8'): string;
  tmpdir(): string;
}
const load = (m: string) => import(/* @vite-ignore */ m) as Promise<Record<string, unknown>>;
const nodeApi = async (): Promise<NodeApi> => ({ ...(await load('node:child_process')), ...(await load('node:fs')), ...(await load('node:os')) }) as unknown as NodeApi;
const root = decodeURIComponent(new URL('../../../', import.meta.url).pathname);

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

async function cliJson(scenario: Scenario, name: string, durationMs: number): Promise<Record<string, unknown>> {
  const node = await nodeApi();
  // The file the app's Export writes: what the browser ran, as the CLI reads it.
  const file = `${node.mkdtempSync(`${node.tmpdir()}/bp-report-`)}/${name}`;
  node.writeFileSync(file, scenarioFileText(scenario, 'scenario.schema.json'));
  const r = node.spawnSync(`${root}node_modules/.bin/tsx`, [`${root}src/cli/main.ts`, file, '--json', '--duration', String(durationMs)], { encoding: 'utf8', cwd: root });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

const withoutWall = (doc: Record<string, unknown>) => ({ ...doc, wallMs: 0 });

describe('the browser’s report JSON', () => {
  it('equals the CLI’s for the default design at 20 s', async () => {
    const scenario = defaultScenario();
    const browser = await browserJson(scenario, 20_000);
    const cli = await cliJson(scenario, 'default.json', 20_000);
    expect(browser.wallMs).toBe(0);
    expect(typeof cli.wallMs).toBe('number');
    expect(Object.keys(browser)).toEqual(Object.keys(cli));
    expect(withoutWall(browser)).toEqual(withoutWall(cli));
    // Not an empty run: items went through and the bounded queue turned some away.
    expect((browser.totals as { completed: number; refused: number; dropped: number }).completed).toBeGreaterThan(1000);
  });

  it('carries a lesson’s verdict as the CLI does', async () => {
    const p = parseScenarioText((await nodeApi()).readFileSync(`${root}scenarios/lessons/01-flash-sale-unbounded-queue.json`, 'utf8'));
    if (!p.ok) throw new Error('lesson 01 is invalid');
    const browser = await browserJson(p.value, 15_000);
    const cli = await cliJson(p.value, 'lesson.json', 15_000);
    expect(browser.check).toBeDefined();
    expect(withoutWall(browser)).toEqual(withoutWall(cli));
  });
});
