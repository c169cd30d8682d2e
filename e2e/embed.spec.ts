/**
 * Embed and export, as a person uses them: the Share dialog's <iframe> snippet pasted into a page
 * of another site (a second local port) shows the canvas, two charts, Play and Reset, runs, and
 * keeps working where that page refuses the frame any storage; the charts' PNG and CSV exports and
 * the run's report JSON download and parse.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Download, Frame, Page } from '@playwright/test';
import { test, expect, snap } from './fixtures';
import { clock, openApp, parseSimTime, pauseButton, playButton, simMs, steadyClock } from './app';

const APP_PORT = Number(process.env.E2E_PORT ?? 4183);

/** A page of "someone else's site" (127.0.0.1, not localhost: another origin and another site) holding `body`. */
async function hostPage(body: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html><head><title>A post about queues</title></head><body style="margin:16px;font-family:serif"><h1>A post about queues</h1>${body}<p>After the frame.</p></body></html>`);
  });
  // Port 0: whatever is free, so parallel checkouts never collide.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const shareDialog = (page: Page) => page.getByRole('dialog', { name: 'Share this design' });

async function embedSnippet(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const snippet = await shareDialog(page).getByLabel('Embed in a page').inputValue();
  await shareDialog(page).getByRole('button', { name: 'Close', exact: true }).click();
  return snippet;
}

/** The frame showing the embed, once it is there. */
async function embedFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes('embed=1'))).toBe(true);
  return page.frames().find((f) => f.url().includes('embed=1'))!;
}

test('the Share dialog’s embed snippet works in another site’s page that refuses the frame storage', async ({ page, context }) => {
  await openApp(page);
  const snippet = await embedSnippet(page);
  expect(snippet).toMatch(new RegExp(`^<iframe src="http://localhost:${APP_PORT}/\\?embed=1#s=1\\.[A-Za-z0-9_-]+" width="800" height="450" `));
  expect(snippet).toContain('title="Backpressure Playground: A queue under too much load"');

  const site = await hostPage(snippet);
  try {
    const host = await context.newPage();
    const errors: string[] = [];
    host.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    host.on('console', (m) => void (m.type() === 'error' && errors.push(`console.error: ${m.text()}`)));
    // As a browser that blocks third-party storage does: reading localStorage in the frame throws.
    await host.addInitScript(() => {
      if (window.top === window) return;
      for (const name of ['localStorage', 'sessionStorage', 'indexedDB']) {
        Object.defineProperty(window, name, {
          get() {
            throw new DOMException('Access is denied for this document.', 'SecurityError');
          },
        });
      }
    });
    await host.setViewportSize({ width: 900, height: 620 });
    await host.goto(site.url);
    const frame = host.frameLocator('iframe');
    await expect(frame.getByRole('button', { name: 'Play', exact: true })).toBeEnabled({ timeout: 15_000 });
    expect(await (await embedFrame(host)).evaluate(() => (() => { try { return typeof localStorage; } catch (e) { return (e as Error).name; } })())).toBe('SecurityError');

    // Only the canvas, two charts and Play/Reset: no palette, inspector, lessons or share controls.
    await expect(frame.locator('.react-flow__node')).toHaveCount(3);
    await expect(frame.getByRole('img', { name: /chart/ })).toHaveCount(2);
    await expect(frame.getByRole('button', { name: 'Reset', exact: true })).toBeVisible();
    for (const gone of ['Share', 'Lessons', 'Step', 'Export']) await expect(frame.getByRole('button', { name: gone, exact: true })).toHaveCount(0);
    await expect(frame.getByRole('status').filter({ hasText: 'refuses storage' })).toBeVisible();

    // It fits the 800x450 frame: nothing scrolls, nothing spills.
    const box = await host.locator('iframe').boundingBox();
    expect([box?.width, box?.height]).toEqual([800, 450]);
    const embed = await embedFrame(host);
    expect(await embed.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])).toEqual([800, 450]);

    // Playing advances the clock; Reset takes it back to 0 s.
    const frameClock = frame.getByLabel('Simulated time', { exact: true });
    await frame.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(async () => parseSimTime((await frameClock.textContent()) ?? ''), { timeout: 20_000 }).toBeGreaterThanOrEqual(2000);
    await expect(frame.getByRole('img', { name: /Latency/ })).toHaveAttribute('data-path', /\d/);
    await host.screenshot({ path: test.info().outputPath('embed-in-page.png') });
    await frame.getByRole('button', { name: 'Pause', exact: true }).click();
    await frame.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect(frameClock).toHaveText('0.0 s');

    // The full app, on the same design, in a new tab.
    const open = frame.getByRole('link', { name: /Open in the playground/ });
    await expect(open).toHaveAttribute('target', '_blank');
    const href = (await open.getAttribute('href')) ?? '';
    expect(href).not.toContain('embed');
    expect(new URL(href).hash).toBe(new URL(/src="([^"]+)"/.exec(snippet)![1]!).hash);
    expect(errors).toEqual([]);
    await host.close();
  } finally {
    await site.close();
  }
});

test('an embed keeps nothing in the browser even where storage is allowed, and a bad embed link is refused with the example shown', async ({ page }) => {
  await openApp(page);
  const src = /src="([^"]+)"/.exec(await embedSnippet(page))![1]!;
  await page.evaluate(() => localStorage.clear());
  await page.setViewportSize({ width: 800, height: 450 });
  await page.goto(src);
  await playButton(page).click();
  await expect.poll(() => simMs(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(1000);
  await pauseButton(page).click();
  // Moved a node: an edit the full app would save.
  const box = await page.locator('.react-flow__node[data-id="buffer"]').boundingBox();
  await page.mouse.move(box!.x + box!.width / 2, box!.y + 8);
  await page.mouse.down();
  await page.mouse.move(box!.x + box!.width / 2 + 40, box!.y + 30, { steps: 4 });
  await page.mouse.up();
  await snap(page, 'embed-800x450');
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  await expect(page.getByRole('status').filter({ hasText: 'refuses storage' })).toHaveCount(0);

  await page.goto(src.replace(/#s=1\.(.{10})/, '#s=1.$1%%%'));
  await expect(page.getByRole('alert')).toContainText('This embedded design cannot be opened');
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await expect(playButton(page)).toBeEnabled();
});

test('?embed with another value than 1 opens the full app', async ({ page }) => {
  await openApp(page, '?embed=yes');
  await expect(page.getByRole('button', { name: 'Share', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lessons', exact: true })).toBeVisible();
});

async function saved(download: Download): Promise<Buffer> {
  const path = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(path);
  return readFileSync(path);
}

test.describe('exports, at a device pixel ratio of 2', () => {
  test.use({ deviceScaleFactor: 2 });

  test('a chart as PNG and CSV, and the run as the CLI’s JSON report, download and parse', async ({ page }) => {
    await openApp(page);
    await playButton(page).click();
    await expect.poll(() => simMs(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(3000);
    await pauseButton(page).click();
    await expect(playButton(page)).toBeVisible();
    // The clock once it has stopped: a frame sent before the pause may still move it.
    const at = await steadyClock(page);
    await expect(clock(page)).toHaveText(/s$/);
    await snap(page, 'embed-export-buttons');

    const latency = page.getByRole('group', { name: 'Export Latency, end to end' });
    const figure = page.locator('figure', { has: latency });

    // PNG: the signature, and the chart's size on screen in device pixels.
    const [png] = await Promise.all([page.waitForEvent('download'), latency.getByRole('button', { name: 'PNG', exact: true }).click()]);
    expect(png.suggestedFilename()).toMatch(/^a-queue-under-too-much-load-latency-\d+s\.png$/);
    const bytes = await saved(png);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    const box = (await figure.boundingBox())!;
    expect(bytes.readUInt32BE(16)).toBe(Math.round(box.width * 2));
    expect(bytes.readUInt32BE(20)).toBe(Math.round(box.height * 2));
    expect(bytes.length).toBeGreaterThan(5000); // a drawing, not a blank

    // CSV: the header with units, then one row of plain numbers per sample, in time order.
    const [csv] = await Promise.all([page.waitForEvent('download'), latency.getByRole('button', { name: 'CSV', exact: true }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const rows = (await saved(csv)).toString('utf8').trimEnd().split('\r\n');
    expect(rows[0]).toBe('time_s,p50 (ms),p99 (ms)');
    const data = rows.slice(1).map((r) => r.split(','));
    expect(data.length).toBeGreaterThanOrEqual(6);
    for (const r of data) {
      expect(r).toHaveLength(3);
      for (const cell of r) expect(cell === '' || Number.isFinite(Number(cell)), `cell “${cell}”`).toBe(true);
    }
    const times = data.map((r) => Number(r[0]));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.abs(times.at(-1)! * 1000 - at)).toBeLessThanOrEqual(250);
    expect(data.some((r) => Number(r[2]) > 0)).toBe(true);

    // The report: the CLI's --json document at the time reached.
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Report JSON', exact: true }).click()]);
    expect(json.suggestedFilename()).toMatch(/^a-queue-under-too-much-load-report-\d+s\.json$/);
    const report = JSON.parse((await saved(json)).toString('utf8')) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['simulatedMs', 'events', 'wallMs', 'nodes', 'endToEnd', 'totals', 'reasons', 'timeline', 'alerts', 'halted']));
    expect(Object.keys(report.nodes as object)).toEqual(['clients', 'buffer', 'workers']);
    expect(Math.abs((report.simulatedMs as number) - at)).toBeLessThan(100);
    expect((report.totals as { completed: number }).completed).toBeGreaterThan(0);
  });
});

test('a run records as a WebM video from the Share dialog, and stops and saves on request', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await shareDialog(page).getByRole('button', { name: 'Record a video', exact: true }).click();
  await expect(shareDialog(page)).toBeHidden();
  const bar = page.getByRole('status', { name: 'Recording' });
  await expect(bar).toContainText('of at most 60 s');
  // The paused run started playing; recorded until it has run a while.
  await expect(pauseButton(page)).toBeVisible();
  await expect.poll(() => simMs(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(2000);
  await expect(bar).toContainText(/[1-9]\d* s of at most/);
  const [video] = await Promise.all([page.waitForEvent('download'), bar.getByRole('button', { name: 'Stop and save' }).click()]);
  await expect(bar).toHaveCount(0);
  expect(video.suggestedFilename()).toMatch(/^a-queue-under-too-much-load-0s-\d+s\.webm$/);
  const bytes = await saved(video);
  // A Matroska/WebM file: the EBML magic, and "webm" as its document type.
  expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  expect(bytes.subarray(0, 64).toString('latin1')).toContain('webm');
  expect(bytes.length).toBeGreaterThan(10_000);
});
