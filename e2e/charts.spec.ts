/**
 * The charts say what the resilience parts do: goodput against throughput, attempts per
 * request at each caller, wasted work, losses by reason with their status, breaker states as a
 * band, and the breaker's transitions marked on the time axis. The design is loaded through the
 * test hooks (as the determinism spec does), then everything is read off the page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, snap } from './fixtures';
import { node, openApp, playButton, selectNode, setSpeed } from './app';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The breaker example with its database already slow (mean 900 ms): the breaker will open. */
function slowDatabase(): unknown {
  const s = JSON.parse(readFileSync(join(ROOT, 'scenarios/breaker.json'), 'utf8')) as { nodes: { id: string; serviceTime?: unknown }[] };
  for (const n of s.nodes) if (n.id === 'database') n.serviceTime = { dist: 'lognormal', meanMs: 900, sigma: 0.5 };
  return s;
}

const chart = (page: import('@playwright/test').Page, title: string) => page.locator('figure.bp-chart', { has: page.getByRole('img', { name: `${title} chart`, exact: false }) });
const legendValue = (page: import('@playwright/test').Page, title: string, key: string) =>
  chart(page, title).locator('.bp-chart__key', { hasText: key }).locator('.bp-chart__value:not(.bp-chart__value--kept)');

test('the calls view shows goodput, amplification, wasted work, losses by status and breaker states', async ({ page }) => {
  await openApp(page, '?testhooks');
  await page.evaluate((s) => (window as unknown as { bpTest: { load(s: unknown): Promise<void> } }).bpTest.load(s), slowDatabase());
  await expect(node(page, 'breaker')).toBeVisible();

  const charts = page.getByRole('region', { name: 'Charts' });
  await charts.getByRole('button', { name: 'Calls & retries' }).click();
  for (const title of ['Goodput', 'Calls per request', 'Wasted work', 'Lost, by reason', 'Breaker state']) {
    await expect(page.getByRole('img', { name: new RegExp(`^${title} chart`) })).toBeVisible();
  }
  // One amplification line per caller, named after it: the client and the API that calls the breaker.
  await expect(chart(page, 'Calls per request').locator('.bp-chart__key')).toHaveText([/client/, /api/]);

  await setSpeed(page, '10x');
  await playButton(page).click();
  await expect(legendValue(page, 'Breaker state', 'breaker')).toHaveText('OPEN', { timeout: 20_000 });
  // The breaker's transitions are marked on the other charts' time axis.
  await expect.poll(async () => Number(await page.getByRole('img', { name: /^Goodput chart/ }).getAttribute('data-marks'))).toBeGreaterThan(0);
  // Calls that waited out the client's 1 s timeout show up as a reason with its status.
  await expect(chart(page, 'Lost, by reason').locator('.bp-chart__key:not([hidden])')).not.toHaveCount(0);
  await expect(chart(page, 'Lost, by reason').locator('.bp-chart__key:not([hidden])').first()).toHaveText(/^50\d /);
  await snap(page, 'c1-calls-view');

  // The breaker's own charts: calls against not permitted, its state band, the fallback route.
  await selectNode(page, 'breaker');
  await expect(charts.getByRole('button', { name: 'Node “breaker”' })).toHaveAttribute('aria-pressed', 'true');
  await expect(legendValue(page, 'State', 'state')).toHaveText(/OPEN|HALF_OPEN/);
  await expect.poll(async () => Number(((await legendValue(page, 'Calls vs not permitted', 'to fallback').textContent()) ?? '0').replace(/,/g, ''))).toBeGreaterThan(0);
  await snap(page, 'c2-breaker-charts');

  // A client's charts: attempts per request above 1 while calls time out and are retried.
  await selectNode(page, 'client');
  await expect(page.getByRole('img', { name: /^Calls per request chart/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Requests vs answers chart/ })).toBeVisible();
  await snap(page, 'c3-client-charts');
});

test('the whole-system view names what is lost: a full queue is 503 queue-full', async ({ page }) => {
  await openApp(page);
  const charts = page.getByRole('region', { name: 'Charts' });
  // The default design has no calls: no calls view to offer.
  await expect(charts.getByRole('button', { name: 'Calls & retries' })).toHaveCount(0);
  await setSpeed(page, '10x');
  await playButton(page).click();
  await expect(chart(page, 'Lost, by reason').locator('.bp-chart__key:not([hidden])')).toHaveText([/^503 queue-full/], { timeout: 20_000 });
});

test('at 1280x720 no chart title or legend key is cut, for the system, the calls view and every part of every lesson', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page, '?testhooks');
  const dir = join(ROOT, 'scenarios/lessons');
  const cut = new Set<string>();
  const look = async (where: string) => {
    const texts = await page.$$eval('.bp-chart__title, .bp-chart__key:not([hidden])', (els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent ?? ''));
    for (const t of texts) cut.add(`${t} (${where})`);
  };
  const charts = page.getByRole('region', { name: 'Charts' });
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const s = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: { id: string }[] };
    await page.evaluate((x) => (window as unknown as { bpTest: { load(s: unknown): Promise<void> } }).bpTest.load(x), s);
    await expect(node(page, s.nodes[0]!.id)).toBeVisible();
    await charts.getByRole('button', { name: 'Whole system' }).click();
    await look(`${file}, whole system`);
    const calls = charts.getByRole('button', { name: 'Calls & retries' });
    if ((await calls.count()) > 0) {
      await calls.click();
      await look(`${file}, calls`);
    }
    for (const n of s.nodes) {
      await selectNode(page, n.id);
      await look(`${file}, ${n.id}`);
    }
  }
  expect([...cut]).toEqual([]);
});
