/**
 * Predict, then run, as a class does it: a lesson with a prediction holds Play until the
 * prediction is locked in (or skipped); at the moment it is about, the answer stands beside the
 * value the engine measured (the CLI's report, same file and seed) with how far off it was and the
 * lesson's explanation; a bad prediction in an imported file is refused, saying where.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect, snap } from './fixtures';
import { openApp, playButton, setSpeed, tick } from './app';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FLASH = '01-flash-sale-unbounded-queue.json';
const SIZING = '14-queue-sizing.json';
const BLOCK = '02-block-pushes-back.json';
const lessonFile = (file: string) => JSON.parse(readFileSync(join(ROOT, 'scenarios/lessons', file), 'utf8')) as { name: string; lesson: { predictions: { explain: string }[] } };

/** The CLI's report for a lesson file, to `durationMs` (default: the lesson's own). */
function cliReport(file: string, durationMs?: number): { totals: Record<string, number>; endToEnd: Record<string, number>; nodes: Record<string, Record<string, number>> } {
  const args = ['run', '--silent', 'sim', '--', join(ROOT, 'scenarios/lessons', file), '--json', ...(durationMs ? ['--duration', String(durationMs)] : [])];
  return JSON.parse(execFileSync('npm', args, { cwd: ROOT, encoding: 'utf8' })) as ReturnType<typeof cliReport>;
}

const lessonPanel = (page: Page) => page.getByRole('region', { name: 'Lesson' });
const outcomes = (page: Page) => lessonPanel(page).getByRole('region', { name: 'Your predictions' }).locator('.bp-predict__outcome');
const stepButton = (page: Page) => page.getByRole('button', { name: 'Step', exact: true });
const finalVerdict = (page: Page) => page.locator('[role="status"][aria-label="Lesson check"][data-final="true"]');

async function openLesson(page: Page, file: string): Promise<void> {
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await page.getByRole('menuitem', { name: lessonFile(file).name }).click();
}

test('a prediction holds Play until it is locked in; Skip lets it go too; opening the lesson again asks again', async ({ page }) => {
  await openApp(page);
  await openLesson(page, SIZING);
  const field = lessonPanel(page).getByLabel('Your prediction');
  await expect(field).toBeVisible();
  await expect(lessonPanel(page)).toContainText('What share of the orders is refused?');
  await expect(playButton(page)).toBeDisabled();
  await expect(playButton(page)).toHaveAttribute('title', /Lock in a prediction \(or Skip\)/);
  await expect(stepButton(page)).toBeDisabled();
  await snap(page, 'p1-question');

  // Nothing typed, or not a number: said under the field, Play still held.
  await lessonPanel(page).getByRole('button', { name: 'Lock in' }).click();
  await expect(lessonPanel(page).getByRole('alert')).toHaveText(/^Your prediction: type a number of % first/);
  await field.fill('a lot');
  await lessonPanel(page).getByRole('button', { name: 'Lock in' }).click();
  await expect(lessonPanel(page).getByRole('alert')).toHaveText('Your prediction: expected a number of % (0 or more), e.g. 250; got “a lot”');
  await expect(playButton(page)).toBeDisabled();

  await field.fill('30');
  await lessonPanel(page).getByRole('button', { name: 'Lock in' }).click();
  await expect(playButton(page)).toBeEnabled();
  await expect(stepButton(page)).toBeEnabled();
  await expect(outcomes(page)).toHaveText([/You said 30%\. Measured at the run’s end \(60\.0 s\)\./]);

  // Another lesson asks its own question; Skip lets Play go without an answer.
  await openLesson(page, BLOCK);
  await expect(lessonPanel(page).getByRole('group', { name: 'Your prediction' })).toBeVisible();
  await expect(playButton(page)).toBeDisabled();
  await lessonPanel(page).getByRole('button', { name: 'Skip', exact: true }).click();
  await expect(playButton(page)).toBeEnabled();
  await expect(outcomes(page)).toHaveText([/Skipped\./]);

  // Back to the first lesson: a fresh start, asked again.
  await openLesson(page, SIZING);
  await expect(lessonPanel(page).getByLabel('Your prediction')).toHaveValue('');
  await expect(playButton(page)).toBeDisabled();
});

test('a number prediction is scored at the run’s end: the measured value is the engine’s, and how far off it was', async ({ page }) => {
  const r = cliReport(SIZING);
  const refusedPct = (r.totals.refused! / r.totals.produced!) * 100;
  await openApp(page);
  await openLesson(page, SIZING);
  await lessonPanel(page).getByLabel('Your prediction').fill('30');
  await lessonPanel(page).getByRole('button', { name: 'Lock in' }).click();
  await setSpeed(page, 'Max');
  await playButton(page).click();
  await expect(finalVerdict(page)).toBeVisible({ timeout: 60_000 });
  const scored = outcomes(page).first();
  await expect(scored).toHaveAttribute('data-scored', 'true');
  expect(Number(await scored.getAttribute('data-measured'))).toBeCloseTo(refusedPct, 9);
  await expect(scored.locator('.bp-predict__measured')).toHaveText(`${refusedPct.toFixed(1)}%`);
  await expect(scored).toContainText('You said 30% · measured');
  await expect(scored).toContainText(`${(30 - refusedPct).toFixed(1)} percentage points lower than you said`);
  await expect(scored).toContainText(lessonFile(SIZING).lesson.predictions[0]!.explain);
  await expect(lessonPanel(page).locator('.bp-predict__latest')).toContainText('percentage points lower than you said');
});

test('a lesson pauses at the moment its prediction is about; each answer is scored on the engine’s value, and Reset keeps the scores', async ({ page }) => {
  test.setTimeout(120_000);
  const atSaleEnd = cliReport(FLASH, 50_000);
  const atEnd = cliReport(FLASH);
  const depth = atSaleEnd.nodes.orders!.depth!;
  await openApp(page);
  await openLesson(page, FLASH);
  await lessonPanel(page).getByLabel('Your prediction').fill('1,800');
  await lessonPanel(page).getByRole('button', { name: 'Lock in' }).click();
  // The second question: a choice; Play still waits for it.
  await expect(playButton(page)).toBeDisabled();
  await tick(lessonPanel(page).getByRole('radio', { name: 'under 1 s' }));
  await snap(page, 'p2-choice');
  await lessonPanel(page).getByRole('button', { name: 'Lock in' }).click();
  await expect(playButton(page)).toBeEnabled();

  await setSpeed(page, 'Max');
  await playButton(page).click();
  // It stops at 50 s, the moment the first question is about, and scores it there.
  await expect(page.getByLabel('Simulated time', { exact: true })).toHaveText('50.0 s', { timeout: 60_000 });
  const first = outcomes(page).nth(0);
  await expect(first).toHaveAttribute('data-scored', 'true');
  expect(Number(await first.getAttribute('data-measured'))).toBe(depth);
  await expect(first.locator('.bp-predict__measured')).toHaveText(`${depth.toLocaleString('en-US')} orders`);
  await expect(first).toContainText(`${(depth / 1800).toFixed(1)}x higher than you said`);
  await expect(outcomes(page).nth(1)).toHaveAttribute('data-scored', 'false');
  const paused = lessonPanel(page).getByText('The run paused at 50.0 s for this prediction; Play goes on.');
  await expect(paused).toBeVisible();
  await snap(page, 'p3-scored-at-moment');

  await playButton(page).click();
  await expect(finalVerdict(page)).toBeVisible({ timeout: 60_000 });
  await expect(paused).toBeHidden();
  const second = outcomes(page).nth(1);
  await expect(second).toHaveAttribute('data-scored', 'true');
  await expect(second).toHaveAttribute('data-right', 'false');
  expect(Number(await second.getAttribute('data-measured'))).toBe(atEnd.endToEnd.p99LatencyMs);
  await expect(second.locator('.bp-predict__measured')).toHaveText(`${(atEnd.endToEnd.p99LatencyMs! / 1000).toFixed(1)} s`);
  await expect(second).toContainText('Wrong: it was “over 10 s”');
  await expect(second).toContainText(lessonFile(FLASH).lesson.predictions[1]!.explain);
  await snap(page, 'p4-scored-at-end');

  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.getByLabel('Simulated time', { exact: true })).toHaveText('0.0 s');
  await expect(outcomes(page)).toHaveCount(2);
  await expect(outcomes(page).nth(1)).toContainText('Wrong: it was “over 10 s”');
  await expect(playButton(page)).toBeEnabled();
});

test('a bad prediction in an imported file is refused, naming where; the design stays', async ({ page }) => {
  await openApp(page);
  const before = await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  const good = JSON.parse(readFileSync(join(ROOT, 'scenarios/lessons', SIZING), 'utf8')) as { lesson: { predictions: Record<string, unknown>[] } };
  const bad = (change: Record<string, unknown>) => JSON.stringify({ ...good, lesson: { ...good.lesson, predictions: [{ ...good.lesson.predictions[0], ...change }] } });
  const cases = [
    { text: bad({ metric: 'nodes.ordrs.rejected' }), says: 'lesson.predictions[0].metric: no node with id "ordrs"' },
    { text: bad({ guess: 30 }), says: 'lesson.predictions[0]: unknown field "guess"' },
    { text: bad({ per: 'totals.sent' }), says: 'lesson.predictions[0].per: no field "sent" in the report\'s totals' },
  ];
  for (const [i, c] of cases.entries()) {
    await page.getByLabel('Import scenario or workshop file').setInputFiles({ name: `predict${i}.json`, mimeType: 'application/json', buffer: Buffer.from(c.text) });
    const alert = page.getByRole('alert').filter({ hasText: `“predict${i}.json” cannot be imported` });
    await expect(alert).toContainText(c.says);
    await expect(alert).toContainText('Your design is unchanged.');
    expect(await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual(before);
  }
  await expect(playButton(page)).toBeEnabled();
});
