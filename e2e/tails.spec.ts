/**
 * Tails, as an engineer builds them on the canvas: a fan-out in front of a service whose calls are
 * sometimes slow (a mixture), its per-call and per-request latency side by side, hedging that cuts
 * the request's tail; a shared row whose writers conflict; the retry budgets of real clients.
 * Bad values typed into the new editors are refused with the reason, and the design keeps its own.
 */
import { test, expect, snap } from './fixtures';
import { addFromPalette, canvasSettled, counter, deleteNode, dragWire, edges, node, nodes, openApp, playButton, selectNode, setField, setSpeed, tick } from './app';
import type { Locator, Page } from '@playwright/test';

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const chart = (page: Page, title: string) => page.locator('figure.bp-chart', { has: page.getByRole('img', { name: `${title} chart`, exact: false }) });
const legendValue = (page: Page, title: string, key: string): Locator =>
  chart(page, title).locator('.bp-chart__key', { hasText: key }).locator('.bp-chart__value:not(.bp-chart__value--kept)');

/** A legend value of a chart in ms (its unit is in the title): "23.6" → 23.6, "1,020" → 1020; NaN while nothing was measured ("–"). */
async function legendMs(l: Locator): Promise<number> {
  const text = ((await l.first().textContent()) ?? '').trim();
  return /^[\d,]+(?:\.\d+)?$/.test(text) ? Number(text.replace(/,/g, '')) : NaN;
}

/** The starting design's producer → fan-out → service, with the fan-out in the queue's place. */
async function fanOutDesign(page: Page): Promise<void> {
  await openApp(page);
  await deleteNode(page, 'buffer');
  await selectNode(page, 'clients');
  await addFromPalette(page, 'Fan-out');
  await expect(nodes(page)).toHaveCount(3);
  await canvasSettled(page);
  await dragWire(page, 'clients', 'fan-out-1');
  await dragWire(page, 'fan-out-1', 'workers');
  await expect(edges(page)).toHaveCount(2);
  await expect(page.getByRole('alert')).toHaveCount(0);
}

test('a fan-out of 50 calls turns 2% slow calls into slow requests, and hedging takes the tail back', async ({ page }) => {
  test.setTimeout(120_000);
  await fanOutDesign(page);

  // The service: 98% of calls about 10 ms, 2% take 500 ms ("1% of requests hit a slow disk").
  await selectNode(page, 'workers');
  await setField(page, 'Concurrency', '200');
  await inspector(page).getByLabel('Service time', { exact: true }).selectOption({ label: 'Mixture (e.g. 1% slow)' });
  const c1 = inspector(page).getByRole('group', { name: 'Component 1' });
  const c2 = inspector(page).getByRole('group', { name: 'Component 2' });
  await expect(c2).toBeVisible();
  // A bad weight is refused where it was typed, and the design keeps the weight it had.
  await c2.getByRole('textbox', { name: 'Weight', exact: true }).fill('-1');
  await c2.getByRole('textbox', { name: 'Weight', exact: true }).press('Enter');
  await expect(c2.getByRole('alert')).toContainText('weight');
  await expect(node(page, 'workers')).toContainText('mix of 2');
  await c1.getByRole('textbox', { name: 'Weight', exact: true }).fill('0.98');
  await c1.getByRole('textbox', { name: 'Weight', exact: true }).press('Enter');
  await c2.getByRole('textbox', { name: 'Weight', exact: true }).fill('0.02');
  await c2.getByRole('textbox', { name: 'Weight', exact: true }).press('Enter');
  await c2.getByRole('textbox', { name: 'Time', exact: true }).fill('500');
  await c2.getByRole('textbox', { name: 'Time', exact: true }).press('Enter');
  await expect(c2).toContainText('2% of items');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The producer: 50 requests/s, 50 calls each (enough requests in each second's percentiles
  // for the median to hold still).
  await selectNode(page, 'clients');
  await setField(page, 'Rate', '50');
  await selectNode(page, 'fan-out-1');
  await setField(page, 'Calls', '50');
  await expect(node(page, 'fan-out-1')).toContainText('50 calls · wait for all');

  await setSpeed(page, '10x');
  await playButton(page).click();
  await expect.poll(() => counter(page, 'fan-out-1', 'Requests'), { timeout: 30_000 }).toBeGreaterThan(1000);
  // One call in fifty is slow, so the median call is fast; a request waits for its slowest call,
  // and 1 - 0.98^50 = 64% of requests include a slow one: the median request is slow.
  await expect.poll(() => legendMs(legendValue(page, 'Call vs request', 'call p50')), { timeout: 20_000 }).toBeLessThan(50);
  await expect.poll(() => legendMs(legendValue(page, 'Call vs request', 'request p50')), { timeout: 20_000 }).toBeGreaterThan(400);
  await snap(page, 't1-fan-out-tail');

  // Hedging (gRPC): a second copy after 50 ms; the first answer wins. Retries are off with it.
  await tick(inspector(page).getByRole('checkbox', { name: 'Hedging (gRPC)' }));
  await expect(inspector(page).getByRole('textbox', { name: 'Attempts', exact: true })).toHaveValue('1');
  // Both at once is refused, as gRPC refuses a method config with both.
  await setField(page, 'Attempts', '3');
  await expect(inspector(page).getByRole('alert')).toContainText('hedging and retries exclude each other');
  await setField(page, 'Attempts', '1');
  await setField(page, 'Hedge delay', '50');
  await expect(node(page, 'fan-out-1')).toContainText('hedged');
  // A call is slow now only when both copies are: 1 - (1 - 0.02²)^50 = 2% of requests.
  await expect.poll(() => legendMs(legendValue(page, 'Call vs request', 'request p50')), { timeout: 30_000 }).toBeLessThan(200);
  await snap(page, 't2-fan-out-hedged');
});

test('writers of one row conflict with 409s; the client retries them under a deposit budget', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  for (const id of ['buffer', 'workers']) await deleteNode(page, id);
  await selectNode(page, 'clients');
  await addFromPalette(page, 'Client');
  await addFromPalette(page, 'Shared row');
  await expect(nodes(page)).toHaveCount(3);
  await canvasSettled(page);
  await dragWire(page, 'clients', 'client-1');
  await dragWire(page, 'client-1', 'shared-row-1');
  await expect(edges(page)).toHaveCount(2);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The retry budgets real clients ship, each with its own fields.
  await selectNode(page, 'client-1');
  const budget = inspector(page).getByLabel('Retry budget', { exact: true });
  await budget.selectOption({ label: 'retry quota (AWS SDK)' });
  await expect(inspector(page).getByRole('textbox', { name: 'Quota', exact: true })).toHaveValue('500');
  await budget.selectOption({ label: 'breaker on retries' });
  await expect(inspector(page).getByRole('textbox', { name: 'Failure rate', exact: true })).toHaveValue('10');
  await budget.selectOption({ label: 'deposit bucket (Brooker)' });
  await expect(inspector(page).getByRole('textbox', { name: 'Deposit', exact: true })).toHaveValue('0.1');
  await setField(page, 'Deposit', 'lots');
  await expect(inspector(page).getByRole('alert')).toBeVisible();
  await expect(inspector(page).getByRole('textbox', { name: 'Deposit', exact: true })).toHaveAttribute('aria-invalid', 'true');
  await setField(page, 'Deposit', '0.5');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // 100 writes a second, each a read then a write 5 ms apart: writes race, the losers get 409.
  await selectNode(page, 'clients');
  await setField(page, 'Rate', '100');
  await setSpeed(page, '10x');
  await playButton(page).click();
  await expect.poll(() => counter(page, 'shared-row-1', 'Writes'), { timeout: 30_000 }).toBeGreaterThan(100);
  await expect.poll(() => counter(page, 'shared-row-1', 'Conflicts (409)'), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect.poll(() => counter(page, 'client-1', 'Retries'), { timeout: 30_000 }).toBeGreaterThan(0);
  await selectNode(page, 'shared-row-1');
  await expect(page.getByRole('img', { name: /^Writes vs conflicts chart/ })).toBeVisible();
  await snap(page, 't3-shared-row');
});

test('a service’s own latency percentiles: out-of-order points are refused with the reason', async ({ page }) => {
  await openApp(page);
  await selectNode(page, 'workers');
  await inspector(page).getByLabel('Service time', { exact: true }).selectOption({ label: 'Percentiles (your own profile)' });
  const points = inspector(page).getByRole('group', { name: 'Percentiles' });
  await expect(points.getByRole('textbox', { name: 'Point 1: p', exact: true })).toHaveValue('0.5');
  const before = await points.getByRole('textbox', { name: 'Point 2: time', exact: true }).inputValue();
  // Point 2's time below point 1's: the inverse CDF must not go down.
  await points.getByRole('textbox', { name: 'Point 2: time', exact: true }).fill('1');
  await points.getByRole('textbox', { name: 'Point 2: time', exact: true }).press('Enter');
  // The design keeps the value it had, and says so.
  await expect(points.getByRole('alert')).toContainText(`Keeping ${before}`);
  await expect(node(page, 'workers')).toContainText('(profile)');
  // Pareto: a shape of 1 or less has no finite mean, and is refused with that reason.
  await inspector(page).getByLabel('Service time', { exact: true }).selectOption({ label: 'Pareto (heavy tail)' });
  await setField(page, 'Shape', '1');
  await expect(inspector(page).getByRole('alert')).toContainText('mean');
  await snap(page, 't4-dist-refused');
});
