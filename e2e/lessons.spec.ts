/**
 * Lessons, as a teacher uses them: pick one from the toolbar's menu, run it at Max speed, read
 * whether it showed its point; go back to one's own design; script an event from the inspector
 * and watch it happen.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, snap } from './fixtures';
import { counter, node, openApp, pauseButton, playButton, selectNode, setSpeed, steadyClock } from './app';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const lessonsButton = (page: import('@playwright/test').Page) => page.getByRole('button', { name: 'Lessons', exact: true });
const lessonPanel = (page: import('@playwright/test').Page) => page.getByRole('region', { name: 'Lesson' });
const check = (page: import('@playwright/test').Page) => page.getByRole('status', { name: 'Lesson check' });

test('every lesson opens from the menu, runs at Max speed and shows its point', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page);
  await lessonsButton(page).click();
  const items = page.getByRole('menu', { name: 'Lessons' }).getByRole('menuitem');
  await expect(items.first()).toBeFocused(); // fetched on first open, then focused for the keyboard
  await snap(page, 'l0-lessons-menu');
  const titles = (await items.allTextContents()).map((t) => t.replace(/^\d+/, '').trim());
  expect(titles.length).toBeGreaterThanOrEqual(13);
  await page.keyboard.press('Escape');
  await setSpeed(page, 'Max');

  for (const [i, title] of titles.entries()) {
    await lessonsButton(page).click();
    await page.getByRole('menuitem', { name: title }).click();
    await expect(lessonPanel(page).getByRole('heading', { level: 3 })).toBeVisible();
    await expect(playButton(page)).toBeEnabled();
    await expect(check(page)).toContainText('Press Play');
    await playButton(page).click();
    // The final verdict (no "So far"): the run stopped at the lesson's duration.
    await expect(check(page)).toContainText('Showed the point', { timeout: 30_000 });
    await expect(check(page)).not.toContainText('So far');
    await expect(playButton(page)).toBeVisible();
    if (i === 0) await snap(page, 'l1-lesson-passed');
  }
});

test('"Try it" applies the change, reruns from 0 s, and the check says "Not yet"', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 'Max');
  await lessonsButton(page).click();
  await page.getByRole('menuitem', { name: 'Flash sale into an unbounded queue' }).click();
  await playButton(page).click();
  await expect(check(page)).toContainText('Showed the point', { timeout: 30_000 });
  await lessonPanel(page).getByRole('button', { name: 'Try it' }).click();
  await expect(check(page)).toContainText('Press Play');
  await playButton(page).click();
  await expect(check(page)).toContainText('Not yet', { timeout: 30_000 });
  await expect(check(page)).not.toContainText('So far');
  await expect(check(page)).toContainText('measured 100');
  await snap(page, 'l2-lesson-not-yet');
});

test('opening a lesson keeps my design: "Back to my design" brings it back', async ({ page }) => {
  await openApp(page);
  await expect(node(page, 'buffer')).toBeVisible();
  await lessonsButton(page).click();
  await page.getByRole('menuitem', { name: 'Bulkheads keep one flood from sinking everything' }).click();
  await expect(node(page, 'reports-pool')).toBeVisible();
  await expect(node(page, 'buffer')).toHaveCount(0);
  // A node selected: the lesson shrinks to its title and check, and the inspector has room.
  await selectNode(page, 'db');
  await expect(lessonPanel(page).getByRole('button', { name: 'Show the lesson' })).toBeVisible();
  await snap(page, 'l3-lesson-compact');
  await lessonPanel(page).getByRole('button', { name: 'Show the lesson' }).click();
  await lessonPanel(page).getByRole('button', { name: 'Back to my design' }).click();
  await expect(node(page, 'buffer')).toBeVisible();
  await expect(node(page, 'reports-pool')).toHaveCount(0);
  await expect(lessonPanel(page)).toHaveCount(0);
});

test('a scripted event added in the inspector happens at its time: the producer stops at 2 s', async ({ page }) => {
  await openApp(page);
  await selectNode(page, 'clients');
  const events = page.getByRole('region', { name: 'Scripted events' });
  await events.getByLabel('At t =').fill('2');
  await events.getByLabel('Change').selectOption({ label: 'set rate to' });
  await events.getByLabel('New value').fill('0');
  await events.getByRole('button', { name: 'Add event' }).click();
  await expect(events.getByRole('listitem')).toHaveText([/At 2 s: rate = 0/]);

  // A bad one is refused with its reason, and nothing is added.
  await events.getByLabel('At t =').fill('abc');
  await events.getByLabel('New value').fill('5');
  await events.getByRole('button', { name: 'Add event' }).click();
  await expect(events.getByRole('alert')).toContainText('expected a time in seconds');
  await expect(events.getByRole('listitem')).toHaveCount(1);
  await snap(page, 'l4-scripted-event');

  await setSpeed(page, '1x');
  await playButton(page).click();
  await expect.poll(async () => (await steadyClockWhilePlaying(page)) >= 4000, { timeout: 15_000 }).toBe(true);
  await pauseButton(page).click();
  await steadyClock(page);
  const sent = await counter(page, 'clients', 'Sent');
  await selectNode(page, 'clients');
  await snap(page, 'l5-event-marker');
  // About 2 s at the default scenario's rate, then nothing more.
  expect(sent).toBeGreaterThan(0);
  await playButton(page).click();
  await page.waitForTimeout(1500);
  await pauseButton(page).click();
  await steadyClock(page);
  expect(await counter(page, 'clients', 'Sent')).toBe(sent);

  // Removed, the producer sends again (the run restarts with the event gone).
  await events.getByRole('button', { name: /^Remove event/ }).click();
  await expect(events.getByRole('listitem')).toHaveCount(0);
});

async function steadyClockWhilePlaying(page: import('@playwright/test').Page): Promise<number> {
  const { simMs } = await import('./app');
  return simMs(page);
}

/** The CLI's verdict on a lesson file (the same engine in Node). */
function cliCheck(file: string): { name: string; clauses: { says: string; measured: string }[] } {
  const path = join(ROOT, 'scenarios/lessons', file);
  const out = JSON.parse(execFileSync('npm', ['run', '--silent', 'sim', '--', path, '--json'], { cwd: ROOT, encoding: 'utf8' })) as {
    check: { clauses: { says: string; measured: string }[] };
  };
  return { name: (JSON.parse(readFileSync(path, 'utf8')) as { name: string }).name, clauses: out.check.clauses };
}

for (const file of ['07-slow-database-breaker.json', '10-metastable-failure.json']) {
  test(`the app and the CLI measure the same on ${file} (scripted events in the worker)`, async ({ page }) => {
    const expected = cliCheck(file);
    await openApp(page);
    await setSpeed(page, 'Max');
    await lessonsButton(page).click();
    await page.getByRole('menuitem', { name: expected.name }).click();
    await playButton(page).click();
    await expect(check(page)).toContainText('Showed the point', { timeout: 30_000 });
    await expect(check(page)).not.toContainText('So far');
    await expect(check(page).getByRole('listitem')).toHaveText(expected.clauses.map((c) => `✓ ${c.says} (${c.measured})`));
  });
}

test('a lesson that ran to its end plays again from 0 s when Play is pressed', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 'Max');
  await lessonsButton(page).click();
  await page.getByRole('menuitem', { name: 'Queue sizing: throughput x acceptable latency' }).click();
  await playButton(page).click();
  await expect(check(page)).toContainText('Showed the point', { timeout: 30_000 });
  await expect(page.getByLabel('Simulated time', { exact: true })).toHaveText('60.0 s');
  await setSpeed(page, '10x');
  await playButton(page).click();
  // Started over: the clock is back in single-digit seconds and the verdict is about the new run.
  await expect(page.getByLabel('Simulated time', { exact: true })).toHaveText(/^\d\.\d s$/);
  await expect(check(page)).toContainText(/Press Play|So far/);
  await pauseButton(page).click();
});
