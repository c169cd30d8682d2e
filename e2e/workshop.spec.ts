/**
 * Locks and workshops, as a teacher and a learner use them: a locked design leaves only what it
 * names editable (the rest read-only with the reason, structural edits refused with it), and the
 * lock travels in its share link; a workshop link steps through its lessons with the bar and with
 * N / Shift+N, keeps a learner's edits of a step while they move about, copies its own link, opens
 * at the step its address names, and a bad workshop file is refused with the design kept.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect, snap } from './fixtures';
import { addFromPalette, node, nodes, openApp, selectNode, setField } from './app';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT = JSON.parse(readFileSync(join(ROOT, 'scenarios/default.json'), 'utf8')) as Record<string, unknown>;
const REASON = 'only the arrival rate: the point is what it does to the queue';
const LOCKED = { ...DEFAULT, lock: { editable: ['clients.rate'], structure: false, reason: REASON } };

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const field = (page: Page, label: string) => inspector(page).getByRole('textbox', { name: label, exact: true });
const bar = (page: Page) => page.getByRole('region', { name: 'Workshop' });
const importFile = (page: Page, name: string, body: unknown) =>
  page.getByLabel('Import scenario or workshop file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(body)) });

/** What a learner may and may not do in the locked default design. */
async function expectLocked(page: Page): Promise<void> {
  // Selected again if the design lands after the click (an import on a busy machine replaces the
  // node just clicked, and with it the selection).
  await expect(async () => {
    await selectNode(page, 'workers');
    await expect(inspector(page).getByRole('note', { name: 'Locked' })).toContainText(`This part is read-only: locked by this design: ${REASON}`, { timeout: 5000 });
  }).toPass({ timeout: 45_000 });
  await expect(field(page, 'Concurrency')).not.toBeEditable();
  await selectNode(page, 'clients');
  await expect(field(page, 'Rate')).toBeEditable();
}

test('a locked design: only what it names is editable, structural edits are refused with the reason, and the lock travels in its link', async ({ page }) => {
  await openApp(page);
  await importFile(page, 'locked.json', LOCKED);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectLocked(page);

  // The field it leaves open takes an edit; a read-only one cannot be typed into.
  await setField(page, 'Rate', '140');
  await expect(node(page, 'clients')).toContainText('140');
  await selectNode(page, 'workers');
  await field(page, 'Concurrency').focus();
  await page.keyboard.type('9');
  await expect(field(page, 'Concurrency')).not.toHaveValue(/9/);
  await snap(page, 'w1-locked-inspector');

  // Adding or deleting a part is refused, saying why, and the design keeps its three parts.
  await addFromPalette(page, 'Service');
  await expect(page.getByRole('alert')).toContainText(`Cannot add a part: locked by this design: ${REASON}`);
  await selectNode(page, 'buffer');
  await page.keyboard.press('Delete');
  await expect(page.getByRole('alert')).toContainText(`Cannot delete a part: locked by this design`);
  await expect(nodes(page)).toHaveCount(3);

  // Its share link carries the lock: a fresh page opened from it is locked the same way.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByRole('dialog', { name: 'Share this design' }).getByLabel('Share link', { exact: true }).inputValue();
  const other = await page.context().newPage();
  await other.goto(link);
  await expect(nodes(other)).toHaveCount(3);
  await expectLocked(other);
  await expect(node(other, 'clients')).toContainText('140');
});

test('a workshop link steps through its lessons, keeps a step’s edits, copies its link and reopens at its step', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  // Its lessons ask for a prediction before Play: the bar is what is waited for.
  await page.goto('/#w=backpressure-in-90-minutes');
  await expect(bar(page)).toContainText('Step 1 of 9: Flash sale into an unbounded queue');
  await expect(node(page, 'shoppers')).toBeVisible();

  // The keys and the buttons: N forward, Shift+N back (not while typing in a field).
  await page.keyboard.press('n');
  await expect(bar(page)).toContainText('Step 2 of 9: Block: backpressure reaches the producer');
  await bar(page).getByRole('button', { name: 'Next' }).click();
  await expect(bar(page)).toContainText('Step 3 of 9: Drop-oldest keeps answers fresh');
  await page.keyboard.press('Shift+N');
  await expect(bar(page)).toContainText('Step 2 of 9');
  await expect(node(page, 'buffer')).toContainText('/ 50');
  await expect(page).toHaveURL(/#w=backpressure-in-90-minutes&n=2$/);

  // A learner's edit at step 2 is still there after step 3 and back; Reset this step undoes it.
  await selectNode(page, 'buffer');
  await setField(page, 'Capacity', '20');
  await expect(node(page, 'buffer')).toContainText('/ 20');
  await page.keyboard.press('Escape');
  await bar(page).getByRole('button', { name: 'Next' }).click();
  await expect(bar(page)).toContainText('Step 3 of 9');
  await expect(node(page, 'pending')).toBeVisible();
  await bar(page).getByRole('button', { name: 'Previous' }).click();
  await expect(bar(page)).toContainText('Step 2 of 9');
  await expect(node(page, 'buffer')).toContainText('/ 20');
  await snap(page, 'w2-workshop-step-2-edited');
  await bar(page).getByRole('button', { name: 'Reset this step' }).click();
  await expect(node(page, 'buffer')).toContainText('/ 50');
  await expect(bar(page).getByRole('button', { name: 'Reset this step' })).toBeDisabled();

  // The link to hand out opens at step 1.
  await bar(page).getByRole('button', { name: 'Copy link' }).click();
  await expect(bar(page).getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/#w=backpressure-in-90-minutes$/);

  // A reload opens the step the address names.
  await page.reload();
  await expect(bar(page)).toContainText('Step 2 of 9: Block: backpressure reaches the producer');
  await expect(node(page, 'importer')).toBeVisible();
  await bar(page).getByRole('button', { name: 'Previous' }).click();
  await expect(bar(page)).toContainText('Step 1 of 9');
  await expect(bar(page).getByRole('button', { name: 'Previous' })).toBeDisabled();
});

test('a bad workshop file is refused whole, naming what is wrong and where; the design stays', async ({ page }) => {
  await openApp(page);
  await selectNode(page, 'clients');
  await setField(page, 'Rate', '77');
  await expect(node(page, 'clients')).toContainText('77');

  // Its shape is checked first (a field it does not know), then that its lessons exist.
  const alert = page.getByRole('alert');
  await importFile(page, 'bad-shape.json', { workshop: 1, title: 'Mine', steps: [{ lesson: '01-flash-sale-unbounded-queue' }, { lesson: '02-block-pushes-back', extra: 1 }] });
  await expect(alert).toContainText('“bad-shape.json” cannot be opened as a workshop');
  await expect(alert).toContainText('steps[1]: unknown field "extra"');
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await importFile(page, 'bad-lesson.json', { workshop: 1, title: 'Mine', steps: [{ lesson: '99-nope' }, { lesson: '02-block-pushes-back' }] });
  await expect(alert).toContainText('“bad-lesson.json” cannot be opened as a workshop');
  await expect(alert).toContainText('steps[0].lesson: no lesson "99-nope"');
  await expect(bar(page)).toHaveCount(0);
  await expect(nodes(page)).toHaveCount(3);
  await expect(node(page, 'clients')).toContainText('77');
  await snap(page, 'w3-bad-workshop-refused');
});
