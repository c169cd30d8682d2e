/**
 * Share links, files and the autosave, as a person uses them: share an edited design and open the
 * link in a fresh browser (same design, same run, number for number); a corpus of bad links and
 * files, each refused with an alert that says what is wrong and where, the design untouched;
 * Export → Import round trips, and the CLI runs the exported file; a reload restores the design.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { test, expect, snap } from './fixtures';
import { node, openApp, selectNode } from './app';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT = JSON.parse(readFileSync(join(ROOT, 'scenarios/default.json'), 'utf8')) as Record<string, unknown> & { nodes: Record<string, unknown>[] };

type Report = Record<string, unknown> & { wallMs?: number };
const withoutWall = ({ wallMs: _w, ...rest }: Report): Report => rest;

/** The design on the canvas replayed from 0 s to `ms` in the page's worker (through ?testhooks). */
async function replay(page: Page, ms: number): Promise<Report> {
  await page.waitForFunction(() => 'bpTest' in window);
  return page.evaluate((ms) => (window as unknown as { bpTest: { replay(ms: number): Promise<Report> } }).bpTest.replay(ms), ms);
}

const shareButton = (page: Page) => page.getByRole('button', { name: 'Share', exact: true });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Share this design' });
const seedField = (page: Page) => page.getByLabel('Seed', { exact: true });
/** The inspector's Capacity field (the palette has a "Capacity" group too). */
const capacityField = (page: Page) => page.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: 'Capacity', exact: true });
const alertNamed = (page: Page, title: RegExp) => page.getByRole('alert').filter({ hasText: title });

/** Edits a person makes before sharing: a new seed and a smaller buffer. */
async function editDesign(page: Page, seed: string, capacity: string): Promise<void> {
  await seedField(page).fill(seed);
  await seedField(page).press('Enter');
  await selectNode(page, 'buffer');
  await capacityField(page).fill(capacity);
  await capacityField(page).press('Enter');
  await expect(node(page, 'buffer')).toContainText(`/ ${capacity}`);
}

/** The link the Share dialog shows. */
async function shareLink(page: Page): Promise<string> {
  await shareButton(page).click();
  const field = dialog(page).getByLabel('Share link', { exact: true });
  await expect(field).toHaveValue(/#s=1\./);
  const url = await field.inputValue();
  await expect(dialog(page)).toContainText(`${url.length.toLocaleString('en-US')} of at most 8,000 characters`);
  return url;
}

/** What the canvas shows that a bad link or file must not change. */
async function designOnScreen(page: Page): Promise<{ seed: string; nodes: string[]; capacity: string }> {
  await selectNode(page, 'buffer');
  return {
    seed: await seedField(page).inputValue(),
    nodes: await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? '')),
    capacity: await capacityField(page).inputValue(),
  };
}

// ---- payloads as a tampered or hand-made link would carry them ----
const b64 = (bytes: Buffer) => bytes.toString('base64url');
const packed = (text: string) => `1.${b64(deflateSync(Buffer.from(text)))}`;
const withNodes = (nodes: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ ...DEFAULT, nodes, edges: [], ...extra });

test('a shared design opens in a fresh browser as the same design and the identical run', async ({ page, browser }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, '?testhooks');
  await editDesign(page, '4242', '7');
  const url = await shareLink(page);
  await snap(page, 'share-dialog');
  await dialog(page).getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(dialog(page).getByRole('status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await dialog(page).getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog(page)).toBeHidden();
  const here = withoutWall(await replay(page, 5000));

  // Another person: a new browser context, nothing saved, only the link.
  const other = await browser.newContext();
  const there = await other.newPage();
  await there.goto(url);
  await expect(there.getByRole('status').filter({ hasText: 'Opened a shared design' })).toBeVisible();
  await expect(there.getByRole('button', { name: 'Play', exact: true })).toBeEnabled({ timeout: 15_000 });
  expect(await designOnScreen(there)).toEqual({ seed: '4242', nodes: ['clients', 'buffer', 'workers'], capacity: '7' });
  const got = withoutWall(await replay(there, 5000));
  expect(got.simulatedMs).toBe(5000);
  expect((got.nodes as Record<string, { rejected: number }>).buffer!.rejected).toBeGreaterThan(0); // the edit took: 7 places fill
  expect(got).toEqual(here);
  await other.close();
});

test('Copy without clipboard permission selects the link for Ctrl+C', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } }));
  await shareLink(page);
  await dialog(page).getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(dialog(page).getByRole('status')).toHaveText(/Selected: press Ctrl\+C/);
  const selected = await page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement;
    return el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0);
  });
  expect(selected).toMatch(/#s=1\./);
});

test('a design too big for a chat link is refused in the dialog, with Export offered instead', async ({ page }) => {
  await openApp(page, '?testhooks');
  // 150 queues with distinct labels: too much text to pack under 8,000 characters.
  let x = 7;
  const noise = () =>
    Array.from({ length: 70 }, () => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return 'abcdefghijklmnopqrstuvwxyz0123456789'[x % 36];
    }).join('');
  const big = { version: 1, name: 'Big', nodes: [{ id: 'p', type: 'producer', rate: 1 }, ...Array.from({ length: 150 }, (_, i) => ({ id: `q${i}`, type: 'queue', capacity: 5, label: noise(), position: { x: i * 240, y: 0 } }))], edges: [] };
  await page.waitForFunction(() => 'bpTest' in window);
  await page.evaluate((s) => (window as unknown as { bpTest: { load(s: unknown): Promise<void> } }).bpTest.load(s), big);
  await shareButton(page).click();
  const refusal = dialog(page).getByRole('alert');
  await expect(refusal).toContainText(/This design makes a link of [\d,]+ characters, more than the 8,000 that chat tools and mail keep whole\. Use Export to share it as a file instead\./);
  await expect(dialog(page).getByLabel('Share link', { exact: true })).toHaveCount(0);
  await expect(dialog(page).getByRole('button', { name: 'Export a file' })).toBeVisible();
  await snap(page, 'share-too-long');
});

const BAD_LINKS: { what: string; payload: () => Promise<string> | string; says: RegExp }[] = [
  { what: 'a truncated link', payload: () => packed(JSON.stringify(DEFAULT)).slice(0, 60), says: /\(link\): the link is (damaged or )?cut short/ },
  { what: 'corrupted base64', payload: () => packed(JSON.stringify(DEFAULT)).replace(/^(1\.\w{10})./, '$1*'), says: /\(link\): the link is damaged: it has a character no share link contains \(“\*”/ },
  {
    what: 'one character changed',
    payload: () => {
      const p = packed(JSON.stringify(DEFAULT));
      const at = Math.floor(p.length / 2);
      return p.slice(0, at) + (p[at] === 'A' ? 'B' : 'A') + p.slice(at + 1);
    },
    says: /\(link\): the link is damaged/,
  },
  { what: 'the wrong compression (raw deflate)', payload: () => `1.${b64(deflateRawSync(Buffer.from(JSON.stringify(DEFAULT))))}`, says: /\(link\): the link is damaged or cut short: its data does not unpack/ },
  { what: 'the wrong compression (gzip)', payload: () => `1.${b64(gzipSync(Buffer.from(JSON.stringify(DEFAULT))))}`, says: /does not unpack/ },
  { what: 'a future link format', payload: () => `2.${packed(JSON.stringify(DEFAULT)).slice(2)}`, says: /\(link\): made by a newer version of Backpressure Playground \(link format 2; this app reads up to 1\)/ },
  { what: 'a future scenario version', payload: () => packed(JSON.stringify({ ...DEFAULT, version: 9 })), says: /version: made by a newer version of Backpressure Playground \(scenario version 9/ },
  { what: 'a negative rate', payload: () => packed(withNodes([{ id: 'clients', type: 'producer', rate: -50 }])), says: /nodes\[0\] \(clients\)\.rate: must be ≥ 0 \(a rate in items\/s\); got -50/ },
  { what: 'thousands of nodes', payload: () => packed(withNodes(Array.from({ length: 3000 }, (_, i) => ({ id: `q${i}`, type: 'queue', capacity: 1 })))), says: /nodes: at most 1000 nodes/ },
  { what: 'a zip bomb', payload: () => packed(`{"version":1,"nodes":[],"pad":"${' '.repeat(40 * 1024 * 1024)}"}`), says: /\(link\): its data unpacks to more than 2\.0 MB, more than any scenario; refused without unpacking the rest/ },
  {
    what: 'script in a label',
    payload: () => packed(withNodes([{ id: 'clients', type: 'producer', rate: 5, label: '<img src=x onerror="window.__pwned=1">' }])),
    says: /nodes\[0\] \(clients\)\.label: plain text only, no HTML tags; found "<img"/,
  },
  { what: 'an unknown field', payload: () => packed(withNodes([{ id: 'clients', type: 'producer', rate: 5, colour: 'red' }])), says: /nodes\[0\] \(clients\): unknown field "colour"/ },
  { what: 'JSON that is not an object', payload: () => packed('["version", 1]'), says: /\(scenario\): expected object, got a list/ },
  { what: 'text that is not JSON', payload: () => packed('{"version": 1, "nodes": [}'), says: /\(link\): not valid JSON/ },
  { what: 'a binary payload', payload: () => `1.${b64(deflateSync(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff])))}`, says: /\(link\): not text/ },
  { what: 'an empty link', payload: () => '', says: /\(link\): the link holds no design/ },
  { what: 'not a link of this app', payload: () => 'hello-world', says: /\(link\): not a share link of this app/ },
];

test('a corpus of bad links: each is refused with an alert naming what and where, and the design stays', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await editDesign(page, '31337', '9');
  const before = await designOnScreen(page);
  for (const [i, bad] of BAD_LINKS.entries()) {
    const hash = `#s=${await bad.payload()}`;
    // Half pasted into the open app (a hash change), half opened fresh (a reload that restores the autosave).
    if (i % 2 === 0) {
      await page.evaluate((h) => (window.location.hash = h), hash);
    } else {
      await page.goto(`/${hash}`);
      await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled({ timeout: 15_000 });
    }
    const alert = alertNamed(page, /This share link cannot be opened/);
    await expect(alert, bad.what).toContainText(bad.says);
    await expect(alert).toContainText('Your design is unchanged.');
    if (bad.what === 'a negative rate') await snap(page, 'share-bad-link');
    expect(await designOnScreen(page), `${bad.what}: the design on the canvas`).toEqual(before);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert).toHaveCount(0);
    // Usable: the run still plays.
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
  }
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

const BAD_FILES: { what: string; name: string; body: Buffer; says: RegExp }[] = [
  { what: 'an empty file', name: 'empty.json', body: Buffer.alloc(0), says: /\(file\): empty: there is no scenario in it/ },
  { what: 'a binary file', name: 'photo.png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff]), says: /\(file\): not text/ },
  { what: 'text that is not JSON', name: 'notes.json', body: Buffer.from('{\n  "version": 1,\n  nodes: []\n}'), says: /\(file\): not valid JSON: .* at line 3, column 3/ },
  { what: 'JSON that is not an object', name: 'list.json', body: Buffer.from('[1, 2, 3]'), says: /\(scenario\): expected object, got a list/ },
  { what: 'a future version', name: 'future.json', body: Buffer.from(JSON.stringify({ ...DEFAULT, version: 3 })), says: /version: made by a newer version of Backpressure Playground \(scenario version 3/ },
  { what: 'a negative rate', name: 'negative.json', body: Buffer.from(withNodes([{ id: 'clients', type: 'producer', rate: -1 }])), says: /nodes\[0\] \(clients\)\.rate: must be ≥ 0/ },
  { what: 'script in a label', name: 'xss.json', body: Buffer.from(withNodes([{ id: 'a', type: 'producer', rate: 1, label: '<script>window.__pwned=1</script>' }])), says: /nodes\[0\] \(a\)\.label: plain text only, no HTML tags; found "<script"/ },
  { what: 'an unknown field', name: 'extra.json', body: Buffer.from(JSON.stringify({ ...DEFAULT, owner: 'me' })), says: /\(scenario\): unknown field "owner"/ },
  { what: 'a file far too big', name: 'huge.json', body: Buffer.alloc(3 * 1024 * 1024, 0x20), says: /\(file\): 3\.0 MB is more than any scenario \(at most 2\.0 MB\)/ },
];

test('a corpus of bad files: each import is refused with an alert, and the design stays', async ({ page }) => {
  await openApp(page);
  await editDesign(page, '2024', '11');
  const before = await designOnScreen(page);
  for (const bad of BAD_FILES) {
    await page.getByLabel('Import scenario or workshop file').setInputFiles({ name: bad.name, mimeType: 'application/json', buffer: bad.body });
    const alert = alertNamed(page, new RegExp(`“${bad.name.replace('.', '\\.')}” cannot be imported`));
    await expect(alert, bad.what).toContainText(bad.says);
    await expect(alert).toContainText('Your design is unchanged.');
    if (bad.what === 'a future version') await snap(page, 'share-bad-file');
    expect(await designOnScreen(page), `${bad.what}: the design on the canvas`).toEqual(before);
  }
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('Export → Import round-trips the design, and the CLI runs the exported file', async ({ page }) => {
  await openApp(page);
  await editDesign(page, '99', '13');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
  expect(download.suggestedFilename()).toBe('a-queue-under-too-much-load.json');
  const file = join(mkdtempSync(join(tmpdir(), 'bp-share-')), download.suggestedFilename());
  await download.saveAs(file);
  const exported = readFileSync(file, 'utf8');
  const scenario = JSON.parse(exported) as { $schema: string; seed: number; nodes: { id: string; capacity?: number }[] };
  expect(scenario.seed).toBe(99);
  expect(scenario.nodes.find((n) => n.id === 'buffer')?.capacity).toBe(13);
  // The file names the JSON Schema the app serves, for editors; the app and the CLI ignore the key.
  expect(scenario.$schema).toBe(new URL('/scenario.schema.json', page.url()).href);
  const schema = await page.request.get(scenario.$schema);
  expect(schema.ok()).toBe(true);
  expect(((await schema.json()) as { title: string }).title).toBe('Backpressure Playground scenario');

  const report = JSON.parse(execFileSync('npm', ['run', '--silent', 'sim', '--', file, '--json', '--duration', '2000'], { cwd: ROOT, encoding: 'utf8' })) as { simulatedMs: number };
  expect(report.simulatedMs).toBe(2000);

  // Something else on the canvas, then the exported file back.
  await page.getByLabel('Import scenario or workshop file').setInputFiles(join(ROOT, 'scenarios/mm1k.json'));
  await expect(page.getByRole('status').filter({ hasText: 'Imported “M/M/1/K” from mm1k.json.' })).toBeVisible();
  await expect(seedField(page)).toHaveValue('1');
  await page.getByLabel('Import scenario or workshop file').setInputFiles(file);
  await expect(seedField(page)).toHaveValue('99');
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
  const file2 = `${file}.again.json`;
  await again.saveAs(file2);
  expect(readFileSync(file2, 'utf8')).toBe(exported);
});

test('labels are shown as text, entities and quotes as typed', async ({ page }) => {
  await openApp(page);
  const label = 'Tom & "Jerry" &lt;b&gt; p99 < 50';
  await page.getByLabel('Import scenario or workshop file').setInputFiles({
    name: 'text.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...DEFAULT, nodes: DEFAULT.nodes.map((n) => (n.id === 'buffer' ? { ...n, label } : n)) })),
  });
  await expect(node(page, 'buffer').locator('.bp-node__head')).toContainText(label);
  await expect(node(page, 'buffer').locator('b, img, script')).toHaveCount(0);
});

test('the design is kept in the browser: a reload restores it, and a link opened over it offers the way back', async ({ page }) => {
  await openApp(page);
  await editDesign(page, '777', '21');
  await page.waitForTimeout(600); // the autosave writes after a quiet moment
  await page.reload();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled({ timeout: 15_000 });
  expect(await designOnScreen(page)).toEqual({ seed: '777', nodes: ['clients', 'buffer', 'workers'], capacity: '21' });

  // Someone's link, opened in the same browser: it wins on open, and the person's own design is kept.
  const shared = { ...DEFAULT, name: 'Somebody else’s', seed: 5 };
  await page.goto(`/#s=${packed(JSON.stringify(shared))}`);
  const banner = page.getByRole('status').filter({ hasText: 'Opened a shared design: Somebody else’s.' });
  await expect(banner).toContainText('Your own design is kept.');
  await expect(seedField(page)).toHaveValue('5');
  await snap(page, 'share-opened');
  await banner.getByRole('button', { name: 'Back to my design' }).click();
  await expect(banner).toHaveCount(0);
  expect(await designOnScreen(page)).toEqual({ seed: '777', nodes: ['clients', 'buffer', 'workers'], capacity: '21' });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled({ timeout: 15_000 });
  expect(await designOnScreen(page)).toEqual({ seed: '777', nodes: ['clients', 'buffer', 'workers'], capacity: '21' });
});
