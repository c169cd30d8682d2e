/**
 * Offline after one visit: the service worker precaches the build, so with the network gone the
 * app opens, runs, opens a lesson and a share link. A newer version waits and says so; the page
 * reloads only when the person presses Reload.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { clock, openApp, playButton, simMs } from './app';

test.use({ serviceWorkers: 'allow' });

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SW = join(ROOT, process.env.E2E_OUT ?? 'dist', 'sw.js');

/** Opens the app and waits until its service worker has installed the offline copy and controls the page. */
async function visitOnce(page: Page): Promise<void> {
  await openApp(page);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // The first visit installs it; from the next load on it answers the page's requests.
  await page.reload();
  await expect(playButton(page)).toBeEnabled({ timeout: 15_000 });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test('after one visit the app works offline: it opens, runs, opens a lesson and a share link', async ({ page, context }) => {
  await visitOnce(page);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByRole('dialog', { name: 'Share this design' }).getByLabel('Share link', { exact: true }).inputValue();
  await page.keyboard.press('Escape');

  await context.setOffline(true);
  await page.reload();
  await expect(playButton(page)).toBeEnabled({ timeout: 15_000 });
  await playButton(page).click();
  await expect.poll(() => simMs(page), { timeout: 15_000 }).toBeGreaterThan(500);

  // A lesson is its own chunk: precached with the rest.
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await page.getByRole('menuitem', { name: /Flash sale into an unbounded queue/ }).click();
  await expect(page.getByRole('region', { name: 'Lesson' })).toContainText('Flash sale into an unbounded queue');

  // A share link opened with no network.
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByRole('button', { name: 'Play', exact: true })).toBeEnabled({ timeout: 15_000 });
  await expect(other.locator('.react-flow__node[data-id="buffer"]')).toBeVisible();
  await expect(clock(other)).toHaveText(/^0\.0 s$/);
  await context.setOffline(false);
});

test('a newer version waits and says so; the page reloads only on Reload', async ({ page }) => {
  await visitOnce(page);
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  const original = readFileSync(SW, 'utf8');
  try {
    // A new build: a different service worker script at the same address.
    writeFileSync(SW, `${original}\n// a newer version\n`);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    const notice = page.getByRole('status').filter({ hasText: 'A new version of the playground is ready.' });
    await expect(notice).toBeVisible({ timeout: 20_000 });
    // Nothing swapped under the class: the same page, still running its design.
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await notice.getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(() => !(window as unknown as { stillHere?: boolean }).stillHere, undefined, { timeout: 20_000 });
    await expect(playButton(page)).toBeEnabled({ timeout: 15_000 });
    await expect(page.getByRole('status').filter({ hasText: 'A new version' })).toHaveCount(0);
  } finally {
    writeFileSync(SW, original);
  }
});
