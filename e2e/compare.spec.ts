/**
 * Compare mode: keep the design as A, change it (B), and see both runs on one seed on
 * the same charts; a queue that is a textbook model shows the theory beside the run.
 */
import { test, expect, snap } from './fixtures';
import { openApp, playButton, selectNode, setSpeed } from './app';

const plot = (page: import('@playwright/test').Page, title: string) => page.getByRole('img', { name: new RegExp(`^${title} chart`) });

test('compare: the kept copy A is drawn under the changed design B, on the same traffic', async ({ page }) => {
  await openApp(page);
  const charts = page.getByRole('region', { name: 'Charts' });
  await charts.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(charts.getByRole('group', { name: 'Comparing' })).toContainText('A: the kept copy');

  // B: the same design with a queue of 10 instead of 50.
  await selectNode(page, 'buffer');
  const capacity = page.getByRole('textbox', { name: 'Capacity', exact: true });
  await capacity.fill('10');
  await capacity.press('Enter');
  await setSpeed(page, '10x');
  await playButton(page).click();

  const depth = plot(page, 'Queue depth');
  await expect.poll(async () => (await depth.getAttribute('data-kept-path')) ?? '', { timeout: 15_000 }).not.toBe('');
  // Both lines drawn, and they differ: B's queue holds at most 10, A's fills towards 50.
  await expect.poll(async () => ((await depth.getAttribute('data-path')) ?? '') !== ((await depth.getAttribute('data-kept-path')) ?? '')).toBe(true);
  const keptDepth = page.locator('figure.bp-chart', { has: depth }).locator('.bp-chart__value--kept').first();
  await expect(keptDepth).toBeVisible();
  await expect.poll(async () => Number(((await keptDepth.textContent()) ?? '').replace(/^A\s*/, '').replace(/,/g, '')), { timeout: 15_000 }).toBeGreaterThan(10);
  await snap(page, 'k1-compare');

  await charts.getByRole('button', { name: 'Stop comparing' }).click();
  await expect(charts.getByRole('button', { name: 'Compare', exact: true })).toBeVisible();
  await expect.poll(async () => (await depth.getAttribute('data-kept-path')) ?? null).toBeNull();
  await expect(keptDepth).toBeHidden();
});

test('a queue that is M/M/1/K shows what queueing theory predicts beside the run', async ({ page }) => {
  await openApp(page);
  await selectNode(page, 'buffer');
  const theory = page.getByRole('group', { name: 'Textbook prediction' });
  await expect(theory).toContainText('M/M/1/51');
  const refusedTheory = theory.getByRole('row', { name: /Refused/ }).getByRole('cell').first();
  // 110/s into one 10 ms worker with 50 places: about 9.2% refused (M/M/1/K blocking).
  await expect(refusedTheory).toHaveText('9.16%');
  await setSpeed(page, '100x');
  await playButton(page).click();
  const refusedRun = theory.getByRole('row', { name: /Refused/ }).getByRole('cell').nth(1);
  await expect(refusedRun).toHaveText(/%$/, { timeout: 15_000 });
  // A service that is not exponential is no textbook M/M/c: the box goes.
  await selectNode(page, 'workers');
  await page.getByLabel('Service time', { exact: true }).selectOption({ label: 'Constant (always the same)' });
  await selectNode(page, 'buffer');
  await expect(page.getByRole('group', { name: 'Textbook prediction' })).toHaveCount(0);
});
