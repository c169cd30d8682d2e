/**
 * Lessons, as a teacher uses them: pick one from the toolbar's menu, run it at Max speed, read
 * whether it showed its point; go back to one's own design; script an event from the inspector
 * and watch it happen.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, snap } from './fixtures';
import { counter, node, openApp, pauseButton, playButton, selectNode, setSpeed, simMs, steadyClock } from './app';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const lessonsButton = (page: import('@playwright/test').Page) => page.getByRole('button', { name: 'Lessons', exact: true });
const lessonPanel = (page: import('@playwright/test').Page) => page.getByRole('region', { name: 'Lesson' });
const check = (page: import('@playwright/test').Page) => page.getByRole('status', { name: 'Lesson check' });

interface LessonFile {
  file: string;
  name: string;
  durationMs: number;
  lesson: { title: string; speed: number | 'max'; windowS: number; predictions?: unknown[] };
}
const LESSONS: LessonFile[] = readdirSync(join(ROOT, 'scenarios/lessons'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ file, ...(JSON.parse(readFileSync(join(ROOT, 'scenarios/lessons', file), 'utf8')) as Omit<LessonFile, 'file'>) }));

/** Chart titles and legends cut short at this viewport: what a projector would show with "...". */
const cutChartText = (page: import('@playwright/test').Page) =>
  page.$$eval('.bp-chart__title, .bp-chart__key', (els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));

/** Pairs of nodes on the canvas whose boxes overlap (by more than a hairline). */
const overlappingNodes = (page: import('@playwright/test').Page) =>
  page.$$eval('.react-flow__node', (els) => {
    const boxes = els.map((e) => ({ id: e.getAttribute('data-id'), r: e.getBoundingClientRect() }));
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r, b = boxes[j]!.r;
        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2) out.push(`${boxes[i]!.id} / ${boxes[j]!.id}`);
      }
    return out;
  });

/** Nodes not wholly inside the canvas: cut at its edge. */
const nodesCut = (page: import('@playwright/test').Page) =>
  page.$$eval('.react-flow__node', (els) => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    return els.filter((e) => { const r = e.getBoundingClientRect(); return r.top < pane.top - 1 || r.bottom > pane.bottom + 1 || r.left < pane.left - 1 || r.right > pane.right + 1; }).map((e) => e.getAttribute('data-id'));
  });

/** A lesson that asks for predictions holds Play until they are answered: these tests skip them (e2e/predict.spec.ts answers them). */
const skipPredictions = (page: import('@playwright/test').Page) => lessonPanel(page).getByRole('button', { name: 'Skip', exact: true }).click();

const finalVerdict = (page: import('@playwright/test').Page) => page.locator('[role="status"][aria-label="Lesson check"][data-final="true"]');

test('the lessons menu says what each lesson takes: level, minutes a run, concepts', async ({ page }) => {
  await openApp(page);
  await lessonsButton(page).click();
  // Fetched on first open, then focused for the keyboard; the lessons are every item but the workshop's.
  await expect(page.getByRole('menu', { name: 'Lessons' }).getByRole('menuitem').first()).toBeFocused();
  const items = page.getByRole('menu', { name: 'Lessons' }).getByRole('menuitem').filter({ hasNotText: /Workshop:/ });
  await expect(items).toHaveCount(LESSONS.length);
  await expect(items.first()).toContainText(/intro · 1 min a run · unbounded queue/);
  // The 10-minute Kafka lesson runs at 10x: one minute of a class's time.
  await expect(page.getByRole('menuitem', { name: /Kafka lag outruns retention/ })).toContainText('1 min a run');
  await snap(page, 'l0-lessons-menu');
});

// Every lesson, as a teacher runs it: as loaded, then with "Try it"; each verdict read from the
// card, which is in view at the end.
for (const l of LESSONS) {
  test(`lesson ${l.file}: as loaded it shows its point, with Try it it shows the try-this point`, async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page);
    await lessonsButton(page).click();
    await page.getByRole('menuitem', { name: l.name }).click();
    await expect(lessonPanel(page).getByRole('heading', { level: 3 })).toHaveText(l.lesson.title);
    // It opens at its own speed and chart window.
    await expect(page.getByLabel('Speed', { exact: true })).toHaveValue(String(l.lesson.speed));
    await expect(page.getByLabel('Window', { exact: true })).toHaveValue(String(l.lesson.windowS));
    await expect(check(page)).toContainText('As loaded');
    await expect(check(page)).toContainText('Press Play');
    if (l.lesson.predictions) await skipPredictions(page);
    await setSpeed(page, 'Max');
    await playButton(page).click();
    await expect(finalVerdict(page)).toBeVisible({ timeout: 90_000 });
    await expect(check(page)).toContainText('Showed the point');
    await expect(check(page).getByRole('listitem')).not.toContainText(['✗']);
    await expect(check(page)).toContainText('The run stopped at the lesson’s end');
    await expect(check(page)).toBeInViewport({ ratio: 1 });
    expect(await cutChartText(page)).toEqual([]);
    expect(await overlappingNodes(page)).toEqual([]);
    expect(await nodesCut(page)).toEqual([]);
    await snap(page, `lesson-${l.file.replace(/\.json$/, '')}-loaded`);

    await check(page).getByRole('button', { name: 'Now try it' }).click();
    await expect(check(page)).toContainText('With “Try this”');
    await expect(check(page)).toContainText('Press Play');
    await setSpeed(page, 'Max');
    await playButton(page).click();
    await expect(finalVerdict(page)).toBeVisible({ timeout: 90_000 });
    await expect(check(page)).toContainText('Try this showed its point');
    await expect(check(page).getByRole('listitem')).not.toContainText(['✗']);
    await expect(check(page)).toBeInViewport({ ratio: 1 });
    expect(await cutChartText(page)).toEqual([]);
    await snap(page, `lesson-${l.file.replace(/\.json$/, '')}-try`);
  });
}

test('a verdict waits for the lesson\'s end; the card\'s clock is the toolbar\'s; Run on goes past the end', async ({ page }) => {
  await openApp(page);
  await lessonsButton(page).click();
  await page.getByRole('menuitem', { name: 'Queue sizing: throughput x acceptable latency' }).click();
  await skipPredictions(page);
  // At real time: a minute to pause in before the end.
  await setSpeed(page, '1x');
  await playButton(page).click();
  await expect(check(page)).toContainText('Waiting for the run to reach 60.0 s');
  await pauseButton(page).click();
  const at = await steadyClock(page);
  expect(at).toBeLessThan(60_000);
  await expect(check(page).locator('[aria-hidden="true"]').first()).toContainText(`${(at / 1000).toFixed(1)} s of 60.0 s`);
  // Not judged yet: what it measured so far, no tick, no cross.
  await expect(check(page).getByRole('listitem').first()).toContainText('so far measured');
  await expect(check(page).getByRole('listitem')).not.toContainText(['✗']);
  await expect(check(page).getByRole('listitem')).not.toContainText(['✓']);
  await setSpeed(page, 'Max');
  await playButton(page).click();
  await expect(finalVerdict(page)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel('Simulated time', { exact: true })).toHaveText('60.0 s');
  await check(page).getByRole('button', { name: 'Run on' }).click();
  await expect.poll(() => simMs(page), { timeout: 15_000 }).toBeGreaterThan(60_000);
  await pauseButton(page).click();
  // The verdict stays the one judged at the end.
  await expect(finalVerdict(page)).toContainText('Showed the point');
});

test('"Run as loaded" after Try it puts the lesson back as it was', async ({ page }) => {
  await openApp(page);
  await lessonsButton(page).click();
  await page.getByRole('menuitem', { name: 'Flash sale into an unbounded queue' }).click();
  await lessonPanel(page).getByRole('button', { name: 'Try it' }).click();
  await expect(check(page)).toContainText('With “Try this”');
  await selectNode(page, 'orders');
  await expect(page.getByLabel('Capacity', { exact: true })).toHaveValue('100');
  await lessonPanel(page).getByRole('button', { name: 'Show the lesson' }).click();
  await lessonPanel(page).getByRole('button', { name: 'Run as loaded' }).click();
  await expect(check(page)).toContainText('As loaded');
  await expect(lessonPanel(page).getByRole('button', { name: 'Try it' })).toBeVisible();
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
    await lessonsButton(page).click();
    await page.getByRole('menuitem', { name: expected.name }).click();
    if (LESSONS.find((l) => l.file === file)?.lesson.predictions) await skipPredictions(page);
    await setSpeed(page, 'Max');
    await playButton(page).click();
    await expect(finalVerdict(page)).toBeVisible({ timeout: 60_000 });
    await expect(check(page)).toContainText('Showed the point');
    await expect(check(page).getByRole('listitem')).toHaveText(expected.clauses.map((c) => `✓ ${c.says} (${c.measured})`));
  });
}

test('a lesson that ran to its end plays again from 0 s when Play is pressed', async ({ page }) => {
  await openApp(page);
  await lessonsButton(page).click();
  await page.getByRole('menuitem', { name: 'Queue sizing: throughput x acceptable latency' }).click();
  await skipPredictions(page);
  await setSpeed(page, 'Max');
  await playButton(page).click();
  await expect(finalVerdict(page)).toBeVisible({ timeout: 60_000 });
  await expect(check(page)).toContainText('Showed the point');
  await expect(page.getByLabel('Simulated time', { exact: true })).toHaveText('60.0 s');
  await setSpeed(page, '1x');
  await playButton(page).click();
  // Started over: paused, the clock is back before the end and the verdict is about the new run.
  await expect(check(page)).toContainText(/Press Play|Waiting for/);
  await pauseButton(page).click();
  const again = await steadyClock(page);
  expect(again).toBeLessThan(60_000);
  await expect(check(page)).toContainText('Waiting for the run to reach 60.0 s');
});

test('during a collapse nothing completes, so no latency is shown: gaps in the series, "–" in the legend and on the node', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, '?testhooks');
  await lessonsButton(page).click();
  await page.getByRole('menuitem', { name: 'A metastable failure outlives its trigger' }).click();
  await skipPredictions(page);
  await setSpeed(page, 'Max');
  await playButton(page).click();
  await expect(finalVerdict(page)).toBeVisible({ timeout: 90_000 });
  type Rows = [number, number | null][];
  const rows = (id: string | null, field: string) =>
    page.evaluate(([i, f]) => (window as unknown as { bpTest: { rows(i: string | null, f: string): Rows } }).bpTest.rows(i, f), [id, field] as const);
  const done = await rows(null, 'completed');
  const p50 = await rows(null, 'e2eP50');
  const p99 = await rows(null, 'e2eP99');
  let gaps = 0;
  for (let r = 1; r < done.length; r++) {
    const none = done[r]![1] === done[r - 1]![1];
    // A row whose window saw no completion has no latency; one that did has a positive one.
    expect(p50[r]![1] === null, `row at ${done[r]![0]} ms`).toBe(none);
    expect(p99[r]![1] === null).toBe(none);
    if (none) gaps++;
    else expect(p50[r]![1]).toBeGreaterThan(0);
  }
  expect(gaps).toBeGreaterThan(0); // the collapse after the spike
  expect(p50.at(-1)![1]).toBeNull(); // still down at the end: the state the page shows now
  const latency = page.locator('figure.bp-chart', { has: page.getByRole('img', { name: 'Latency, end to end chart', exact: false }) });
  await expect(latency.locator('.bp-chart__key', { hasText: 'p50' }).locator('.bp-chart__value:not(.bp-chart__value--kept)')).toHaveText('–');
  await expect(latency.locator('.bp-chart__key', { hasText: 'p99' }).locator('.bp-chart__value:not(.bp-chart__value--kept)')).toHaveText('–');
  // The client node agrees: no answers in its last window, no p50.
  await expect(node(page, 'app').locator('dt', { hasText: /^p50$/ }).locator('xpath=following-sibling::dd[1]')).toHaveText('—');
});
