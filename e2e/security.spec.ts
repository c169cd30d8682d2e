/**
 * Nothing gets in: the built app runs under its Content-Security-Policy (own scripts and workers
 * only, no inline script, no eval) with no violation, and text from a file or a link is shown as
 * text, never run. (The fixture also fails any test whose page logs an error, CSP reports included.)
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as plainTest, type Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { node, nodes, openApp, playButton, selectNode, simMs } from './app';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT = JSON.parse(readFileSync(join(ROOT, 'scenarios/default.json'), 'utf8')) as { nodes: Record<string, unknown>[] } & Record<string, unknown>;

/** Collects every CSP violation the page (document and its workers' fetches) reports. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
const ran = (page: Page) => page.evaluate(() => (window as unknown as { xss?: unknown }).xss ?? null);

test('the page and its workers run under the Content-Security-Policy, with no violation', async ({ page }) => {
  await watchViolations(page);
  const response = await page.goto('/');
  const header = response!.headers()['content-security-policy'] ?? '';
  for (const d of ["script-src 'self'", "worker-src 'self'", "object-src 'none'", "default-src 'self'"]) expect(header).toContain(d);
  expect(header).not.toContain('unsafe-eval');
  expect(header).not.toContain("script-src 'self' 'unsafe-inline'");
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', header);
  await expect(playButton(page)).toBeEnabled({ timeout: 15_000 });

  // The simulation worker and the paint worker both run: the clock moves and the edges carry dots.
  await playButton(page).click();
  await expect.poll(() => simMs(page), { timeout: 20_000 }).toBeGreaterThan(2000);
  // A lesson (lesson files are fetched), the inspector (lazily loaded), and a chart export.
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Flash sale into an unbounded queue' }).click();
  await expect(page.getByRole('region', { name: 'Lesson' })).toBeVisible();
  await selectNode(page, 'orders');
  await expect(page.getByRole('textbox').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

// Without the fixture: the browser's report of the blocked script is the point here, not an error.
plainTest('the policy is in force: an inline script put into the page does not run, and is reported', async ({ page }) => {
  await watchViolations(page);
  await openApp(page);
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.xss = "inline"';
    document.head.append(s);
  });
  // Once per copy of the policy: the header and the meta tag.
  await expect.poll(() => violations(page)).toContainEqual(expect.stringMatching(/^script-src/));
  expect((await violations(page)).every((v) => v.startsWith('script-src'))).toBe(true);
  expect(await ran(page)).toBeNull();
});

const TAGS = ['<img src=x onerror="window.xss=1">', '<script>window.xss=2</script>', '<svg onload=window.xss=3>', '<iframe src="javascript:window.xss=4">'];
const TEXTS = ['" onmouseover="window.xss=5', 'javascript:window.xss=6', "{{constructor.constructor('window.xss=7')()}}", '${window.xss=8}', '&lt;b&gt; p99 < 50 ms & "q"'];

test('markup in a file is refused and nothing runs; other text is shown exactly as written', async ({ page }) => {
  await openApp(page);
  const before = await nodes(page).count();
  for (const [i, payload] of TAGS.entries()) {
    const bad = { ...DEFAULT, name: payload, nodes: DEFAULT.nodes.map((n, k) => (k === i % DEFAULT.nodes.length ? { ...n, label: payload } : n)) };
    await page.getByLabel('Import scenario or workshop file').setInputFiles({ name: 'probe.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await expect(page.getByRole('alert').filter({ hasText: 'cannot be imported' })).toContainText('plain text only, no HTML tags');
    expect(await nodes(page).count()).toBe(before);
    expect(await ran(page)).toBeNull();
  }

  const texts = { ...DEFAULT, name: TEXTS[0], description: TEXTS.join(' '), nodes: DEFAULT.nodes.map((n, k) => ({ ...n, label: TEXTS[k + 1] })) };
  await page.getByLabel('Import scenario or workshop file').setInputFiles({ name: 'texts.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(texts)) });
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
  for (const [k, n] of DEFAULT.nodes.entries()) {
    await expect(node(page, String(n.id))).toContainText(TEXTS[k + 1]!);
    await node(page, String(n.id)).hover();
    await node(page, String(n.id)).click();
  }
  await playButton(page).click();
  await expect.poll(() => simMs(page), { timeout: 20_000 }).toBeGreaterThan(1000);
  expect(await ran(page)).toBeNull();
  expect(await page.locator('img[src="x"], svg[onload], iframe, script:not([src])').count()).toBe(0);
});
