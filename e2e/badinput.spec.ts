/**
 * Bad scenarios built by mutating a good one, sent through the import dialog and through share
 * links: each is refused with an alert that names what is wrong, the design on the canvas stays,
 * and the page raises no error.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openApp } from './app';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_TEXT = readFileSync(join(ROOT, 'scenarios/default.json'), 'utf8');
const DEFAULT = JSON.parse(DEFAULT_TEXT) as Record<string, unknown> & { nodes: Record<string, unknown>[] };

const packed = (text: string) => `1.${deflateSync(Buffer.from(text)).toString('base64url')}`;
const withFirstNode = (change: Record<string, unknown>) => JSON.stringify({ ...DEFAULT, nodes: [{ ...DEFAULT.nodes[0], ...change }, ...DEFAULT.nodes.slice(1)] });
const firstId = String(DEFAULT.nodes[0]?.id);

const BAD: { what: string; text: string; says: RegExp }[] = [
  { what: 'a __proto__ key', text: `{"__proto__": {"polluted": 1}, ${DEFAULT_TEXT.trim().slice(1)}`, says: /\(scenario\): unknown field "__proto__"/ },
  { what: 'a constructor key in a node', text: withFirstNode(JSON.parse('{"constructor": {"prototype": 1}}') as Record<string, unknown>), says: /unknown field "constructor"/ },
  { what: 'a 10k-deep nesting', text: `{"version": 1, "nodes": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`, says: /nodes/ },
  { what: 'a 200k-character type', text: withFirstNode({ type: 'b'.repeat(200_000) }), says: /unknown node type.*got "b{40}…"/ },
  { what: 'an unknown part type', text: withFirstNode({ type: 'blackhole' }), says: /unknown node type.*got "blackhole"/ },
  { what: 'a string for a number', text: JSON.stringify({ ...DEFAULT, durationMs: 'abc' }), says: /durationMs: .*got "abc"/ },
  { what: 'a list for a number', text: JSON.stringify({ ...DEFAULT, durationMs: [1] }), says: /durationMs: .*got a list/ },
  { what: 'a duplicated node', text: JSON.stringify({ ...DEFAULT, nodes: [...DEFAULT.nodes, DEFAULT.nodes[0]] }), says: new RegExp(`duplicate id "${firstId}"`) },
];

const nodesOnCanvas = (page: Page) => page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  return errors;
}

test('bad files: each import is refused with an alert naming the value, the design stays, no page error', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await openApp(page);
  const before = await nodesOnCanvas(page);
  for (const [i, bad] of BAD.entries()) {
    const name = `bad${i}.json`;
    await page.getByLabel('Import scenario or workshop file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(bad.text) });
    const alert = page.getByRole('alert').filter({ hasText: new RegExp(`“bad${i}\\.json” cannot be imported`) });
    await expect(alert, bad.what).toContainText(bad.says);
    await expect(alert).toContainText('Your design is unchanged.');
    expect(await nodesOnCanvas(page), bad.what).toEqual(before);
  }
  expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
  expect(errors).toEqual([]);
});

test('bad share links: each is refused with an alert naming the value, the design stays, no page error', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await openApp(page);
  const before = await nodesOnCanvas(page);
  for (const bad of BAD) {
    await page.evaluate((h) => (window.location.hash = h), `#s=${packed(bad.text)}`);
    const alert = page.getByRole('alert').filter({ hasText: /This share link cannot be opened/ });
    await expect(alert, bad.what).toContainText(bad.says);
    await expect(alert).toContainText('Your design is unchanged.');
    expect(await nodesOnCanvas(page), bad.what).toEqual(before);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert).toHaveCount(0);
  }
  expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
  expect(errors).toEqual([]);
});
