/**
 * A design of 1,000 parts, as a person meets it: imported from a file, run, edited, exported, and
 * refused as a share link (too long) with the way out named. Only what is in view is mounted, and
 * zoomed out the nodes show their names and health, not their live values.
 */
import { readFileSync } from 'node:fs';
import { scenarioLines } from '../bench/ui/scenarioLines';
import { test, expect } from './fixtures';
import { nodes, openApp, pauseButton, playButton, setField, simMs } from './app';

test('a 1,000-part design imports, runs, stays editable, exports whole, and is too long for a link', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  const design = scenarioLines(1000);
  await page.getByLabel('Import scenario or workshop file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(design)) });
  await expect(page.getByRole('status').filter({ hasText: 'Imported “1000 parts” from big.json.' })).toBeVisible({ timeout: 30_000 });

  // Only the nodes in view are in the page; the canvas is zoomed out far, so names, not numbers.
  await expect(page.locator('.bp-canvas--far')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => nodes(page).count(), { timeout: 30_000 }).toBeGreaterThan(20);
  expect(await nodes(page).count()).toBeLessThan(500);
  const far = nodes(page).filter({ has: page.locator('.bp-node--producer') }).first();
  await expect(far.locator('.bp-node__title')).toBeVisible();
  await expect(far.locator('.bp-node__status')).toBeHidden();

  // It runs: the simulated clock moves on.
  await playButton(page).click();
  await expect.poll(() => simMs(page), { timeout: 60_000 }).toBeGreaterThan(1000);
  await pauseButton(page).click();

  // Editable: a producer in view, clicked, is inspected and its rate changed.
  const id = await far.getAttribute('data-id');
  expect(id).toMatch(/^p\d+$/);
  await expect(async () => {
    await far.locator('.bp-node__title').click({ timeout: 5000 });
    await expect(far).toHaveClass(/selected/, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await setField(page, 'Rate', '37');
  await expect(page.getByRole('textbox', { name: 'Rate', exact: true })).toHaveValue('37');

  // Exported whole, with the edit.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
  const file = test.info().outputPath('big-export.json');
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { nodes: { id: string; rate?: number }[]; edges: unknown[] };
  expect(exported.nodes).toHaveLength(1000);
  expect(exported.edges).toHaveLength(design.edges.length);
  expect(exported.nodes.find((n) => n.id === id)?.rate).toBe(37);

  // Too long for a link: the dialog says so and names Export.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText(/more than the 8,000 that chat tools and mail keep whole\. Use Export/);
});
