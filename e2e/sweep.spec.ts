/**
 * Sweeps in the app: the panel plans a sweep of the design on the canvas, runs it in worker
 * threads while the live run goes on, streams points into the curves with a progress bar, marks
 * the knee, cancels, refuses bad settings with the planner's words, and opens a point's design.
 * The app's numbers are checked against the CLI's `sim sweep` of the same design and settings:
 * one engine, the same seeds, so the same CSV to the last digit.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect, snap } from './fixtures';
import { node, openApp, playButton, selectNode, simMs } from './app';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

async function openSweep(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Sweep/ }).click();
  await expect(page.getByRole('region', { name: 'Sweep' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run sweep' })).toBeEnabled();
}

const panel = (page: Page) => page.getByRole('region', { name: 'Sweep' });
const progress = (page: Page) => panel(page).locator('.bp-sweep__progress [data-status]');
const axis = (page: Page, i: number) => panel(page).getByRole('group').nth(i);

async function setAxis(page: Page, i: number, param: string, from: string, to: string, steps: string): Promise<void> {
  const a = axis(page, i);
  await a.getByLabel('Parameter').selectOption(param);
  await a.getByLabel('From', { exact: true }).fill(from);
  await a.getByLabel('To', { exact: true }).fill(to);
  await a.getByLabel('Steps', { exact: true }).fill(steps);
}

test('a sweep runs with a progress bar while the live run goes on, draws the knee, matches the CLI, and a point opens its design', async ({ page }) => {
  await openApp(page);
  await playButton(page).click();
  await openSweep(page);
  await setAxis(page, 0, 'clients.rate', '20', '200', '10');
  await panel(page).getByLabel('Seeds per point').fill('3');
  await panel(page).getByLabel('Simulated s per point').fill('30');
  await expect(panel(page).getByText('30 runs')).toBeVisible();
  const before = await simMs(page);
  await panel(page).getByRole('button', { name: 'Run sweep' }).click();

  await expect(progress(page)).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(progress(page)).toContainText('10 / 10 points, 30 / 30 runs');
  await expect(panel(page).getByRole('progressbar', { name: 'Sweep progress' })).toHaveAttribute('value', '30');
  // The live run went on behind the panel.
  expect(await simMs(page)).toBeGreaterThan(before);

  // Four charts, every point on each; the knee marked where p99 doubles, and goodput's ceiling.
  const charts = panel(page).getByRole('img', { name: / against clients\.rate$/ });
  await expect(charts).toHaveCount(4);
  for (const c of await charts.all()) await expect(c).toHaveAttribute('data-points', '10');
  const grid = panel(page).locator('.bp-sweep__grid');
  const kneeP99 = Number(await grid.getAttribute('data-knee-p99'));
  const kneeGoodput = Number(await grid.getAttribute('data-knee-goodput'));
  // One worker finishes about 100 items/s: p99 takes off before the rate reaches it, goodput stops at it.
  expect(kneeP99).toBeGreaterThan(20);
  expect(kneeP99).toBeLessThanOrEqual(100);
  expect(kneeGoodput).toBeGreaterThanOrEqual(80);
  expect(kneeGoodput).toBeLessThanOrEqual(120);
  await expect(panel(page).getByText(/^knee: p99 over 2x at /)).toBeVisible();
  // The design is one M/M/1/51 queue: the textbook's mean latency is drawn beside the measured one.
  await expect(panel(page).getByText('mean, M/M/1/51 theory (steady state)')).toBeVisible();
  await snap(page, 'sweep-knee');

  // The CSV is the CLI's for the same design and settings, number for number.
  const [download] = await Promise.all([page.waitForEvent('download'), panel(page).getByRole('button', { name: 'CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('sweep.csv');
  const appCsv = readFileSync((await download.path())!, 'utf8');
  const cliCsv = execFileSync('npm', ['run', '--silent', 'sim', '--', 'sweep', join(ROOT, 'scenarios/default.json'), '--vary', 'clients.rate=20:200:10', '--seeds', '3', '--duration', '30000', '--workers', '1', '--csv'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(appCsv.split('\n')[0]).toMatch(/^clients\.rate,seeds,p50_ms,p99_ms/);
  expect(appCsv).toBe(cliCsv);

  // The PNG is the charts as drawn.
  const [png] = await Promise.all([page.waitForEvent('download'), panel(page).getByRole('button', { name: 'PNG' }).click()]);
  const bytes = readFileSync((await png.path())!);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(400); // width

  // A point opens the design with its value, run from 0 s.
  await charts.first().locator('.bp-sweep-chart__hit').nth(2).click(); // the third value: 60
  await expect(panel(page)).toHaveCount(0);
  await expect(node(page, 'clients')).toContainText('offered 60/s');
  await expect(page.getByLabel('Rate', { exact: true })).toHaveValue('60');
  // The sweep's settings are part of the design now: opening the panel again shows them.
  await openSweep(page);
  await expect(axis(page, 0).getByLabel('From', { exact: true })).toHaveValue('20');
  await expect(axis(page, 0).getByLabel('Steps', { exact: true })).toHaveValue('10');
  await expect(progress(page)).toContainText('10 / 10 points');
});

test('a sweep cancels at once and keeps the points done; bad settings are refused with what and where', async ({ page }) => {
  await openApp(page);
  await openSweep(page);
  // Refusals: the planner's words, the field marked, nothing run.
  await setAxis(page, 0, 'buffer.capacity', '10', '5000000000000000000', '5');
  await panel(page).getByRole('button', { name: 'Run sweep' }).click();
  await expect(panel(page).getByRole('alert')).toContainText('vary buffer.capacity');
  await expect(panel(page).getByRole('alert')).toContainText("outside buffer.capacity's valid values");
  await setAxis(page, 0, 'clients.rate', 'abc', '100', '5');
  await panel(page).getByRole('button', { name: 'Run sweep' }).click();
  await expect(panel(page).getByRole('alert')).toContainText('sweep.vary[0].from: expected a number');
  await expect(axis(page, 0).getByLabel('From', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await setAxis(page, 0, 'clients.rate', '10', '100', '50');
  await panel(page).getByLabel('Seeds per point').fill('60');
  await panel(page).getByRole('button', { name: 'Run sweep' }).click();
  await expect(panel(page).getByRole('alert')).toContainText('sweep.seeds: at most 20 seeds');
  await expect(progress(page)).toHaveCount(0);

  // A long sweep: cancelled once some points are in, it stops, and those points stay drawn.
  await panel(page).getByLabel('Seeds per point').fill('20');
  await panel(page).getByLabel('Simulated s per point').fill('300');
  await panel(page).getByRole('button', { name: 'Run sweep' }).click();
  await expect(panel(page).getByRole('alert')).toHaveCount(0);
  await expect(progress(page)).toHaveAttribute('data-status', 'running');
  await expect(progress(page)).toContainText(/left/);
  await expect.poll(async () => Number(/(\d+) \/ 50 points/.exec((await progress(page).textContent()) ?? '')?.[1] ?? 0), { timeout: 60_000 }).toBeGreaterThan(1);
  await panel(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(progress(page)).toHaveAttribute('data-status', 'cancelled');
  const done = Number(/(\d+) \/ 50 points/.exec((await progress(page).textContent()) ?? '')![1]);
  expect(done).toBeGreaterThan(1);
  expect(done).toBeLessThan(50);
  const charts = panel(page).getByRole('img', { name: / against clients\.rate$/ });
  await expect(charts.first()).toHaveAttribute('data-points', String(done));
  // Stopped means stopped: nothing more arrives.
  await page.waitForTimeout(1500);
  await expect(progress(page)).toContainText(`${done} / 50 points`);
  await expect(panel(page).getByRole('button', { name: 'Run sweep' })).toBeEnabled();
  await snap(page, 'sweep-cancelled');
});

test('two parameters sweep as a grid drawn as a heat map; a cell opens its design', async ({ page }) => {
  await openApp(page);
  await openSweep(page);
  await setAxis(page, 0, 'clients.rate', '50', '150', '3');
  await panel(page).getByRole('button', { name: /second parameter/ }).click();
  await setAxis(page, 1, 'workers.concurrency', '1', '3', '3');
  await panel(page).getByLabel('Seeds per point').fill('2');
  await panel(page).getByLabel('Simulated s per point').fill('20');
  await panel(page).getByRole('button', { name: 'Run sweep' }).click();
  await expect(progress(page)).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(progress(page)).toContainText('9 / 9 points, 18 / 18 runs');
  const heat = panel(page).getByRole('img', { name: /clients\.rate across, workers\.concurrency up/ });
  await expect(heat).toHaveAttribute('data-points', '9');
  await snap(page, 'sweep-grid');
  await heat.locator('.bp-sweep-chart__cell[data-x="150"][data-y="3"]').click();
  await expect(node(page, 'clients')).toContainText('offered 150/s');
  await expect(node(page, 'workers')).toContainText('3 ×');
});

test('comparing, the kept copy A is swept on the same seeds and drawn faded beside the design', async ({ page }) => {
  await openApp(page);
  const charts = page.getByRole('region', { name: 'Charts' });
  await charts.getByRole('button', { name: 'Compare', exact: true }).click();
  // B: a queue of 10 instead of 50.
  await selectNode(page, 'buffer');
  const capacity = page.getByRole('textbox', { name: 'Capacity', exact: true });
  await capacity.fill('10');
  await capacity.press('Enter');
  await openSweep(page);
  await setAxis(page, 0, 'clients.rate', '50', '150', '5');
  await panel(page).getByLabel('Seeds per point').fill('2');
  await panel(page).getByLabel('Simulated s per point').fill('20');
  await expect(panel(page).getByLabel(/Sweep the kept copy A too/)).toBeChecked();
  await expect(panel(page).getByText('20 runs')).toBeVisible();
  await panel(page).getByRole('button', { name: 'Run sweep' }).click();
  await expect(progress(page)).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(progress(page)).toContainText('5 / 5 points (A: 5), 20 / 20 runs');
  const latency = panel(page).getByRole('img', { name: 'End-to-end latency against clients.rate' });
  await expect(latency.locator('[data-series="A: p99"]')).toHaveCount(1);
  // A's bigger queue waits longer at overload: its p99 line lies above B's at the last point.
  const lastY = async (series: string) => {
    const d = (await latency.locator(`[data-series="${series}"] path`).last().getAttribute('d')) ?? '';
    return Number(d.split(',').at(-1));
  };
  expect(await lastY('A: p99')).toBeLessThan(await lastY('p99')); // SVG y grows downwards
});

test('a lesson built on a sweep runs it from its panel: the knee comes at half the capacity', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await page.getByRole('menuitem', { name: /The knee comes before 100%/ }).click();
  await page.getByRole('button', { name: 'Run the sweep' }).click();
  await expect(progress(page)).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(progress(page)).toContainText('19 / 19 points, 57 / 57 runs');
  // What the lesson's text says: p99 has doubled by about 50/s, on a server that finishes 100/s.
  const grid = panel(page).locator('.bp-sweep__grid');
  const knee = Number(await grid.getAttribute('data-knee-p99'));
  expect(knee).toBeGreaterThanOrEqual(40);
  expect(knee).toBeLessThanOrEqual(60);
  await expect(panel(page).getByText('mean, M/M/1 theory (steady state)')).toBeVisible();
});
