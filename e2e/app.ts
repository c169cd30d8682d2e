/**
 * What a person sees and does, in a few words: open the app, read the clock, find a node, drag a
 * wire. Everything goes through roles, names and the DOM the built app shows; nothing from src/.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** Opens the app and waits until the simulation worker is ready (Play becomes enabled). */
export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled({ timeout: 15_000 });
}

export const playButton = (page: Page) => page.getByRole('button', { name: 'Play', exact: true });
export const pauseButton = (page: Page) => page.getByRole('button', { name: 'Pause', exact: true });
export const clock = (page: Page) => page.getByLabel('Simulated time', { exact: true });

/** "1,234.5 s" → 1234500. */
export function parseSimTime(text: string): number {
  const m = /^\s*([\d,]+(?:\.\d+)?)\s*s\s*$/.exec(text);
  if (!m) throw new Error(`cannot read the simulated clock: "${text}"`);
  return Math.round(Number(m[1]!.replace(/,/g, '')) * 1000);
}

/** The simulated clock, in ms, as shown (0.1 s resolution). */
export async function simMs(page: Page): Promise<number> {
  return parseSimTime((await clock(page).textContent()) ?? '');
}

/** The clock once it has shown the same time for `quietMs` (after a step, a pause). */
export async function steadyClock(page: Page, quietMs = 500): Promise<number> {
  let last = await simMs(page);
  let since = Date.now();
  for (;;) {
    await page.waitForTimeout(100);
    const now = await simMs(page);
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return now;
    }
  }
}

export async function setSpeed(page: Page, label: string): Promise<void> {
  await page.getByLabel('Speed', { exact: true }).selectOption({ label });
}

/** A node on the canvas by its scenario id. */
export const node = (page: Page, id: string): Locator => page.locator(`.react-flow__node[data-id="${id}"]`);
export const nodes = (page: Page): Locator => page.locator('.react-flow__node');
export const edges = (page: Page): Locator => page.locator('.react-flow__edge');
export const edge = (page: Page, from: string, to: string): Locator =>
  page.locator(`.react-flow__edge[data-id="${from}->${to}"], .react-flow__edge[aria-label*="${from}"][aria-label*="${to}"]`);

/** A counter on a node ("Accepted", "Refused", ...) as a number. */
export async function counter(page: Page, nodeId: string, label: string): Promise<number> {
  const dd = node(page, nodeId).locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
  return parseCount((await dd.textContent()) ?? '');
}

/** Items waiting in a queue, from its "12 / 50 waiting" label. */
export async function depth(page: Page, queueId: string): Promise<number> {
  const text = (await node(page, queueId).locator('.bp-fill__text').textContent()) ?? '';
  const m = /^\s*([\d,.]+[KMB]?)\s*(?:\/|waiting)/.exec(text);
  if (!m) throw new Error(`cannot read the queue depth: "${text}"`);
  return parseCount(m[1]!);
}

/** "12,345" → 12345, "1.2M" → 1200000. */
export function parseCount(text: string): number {
  const m = /^\s*([\d,]+(?:\.\d+)?)\s*([KMB]?)\s*$/.exec(text);
  if (!m) throw new Error(`not a count: "${text}"`);
  const mult = { '': 1, K: 1e3, M: 1e6, B: 1e9 }[m[2] as '' | 'K' | 'M' | 'B'];
  return Number(m[1]!.replace(/,/g, '')) * mult;
}

/** Clicks a node's title, as a person selects it to edit it in the inspector. */
export async function selectNode(page: Page, id: string): Promise<void> {
  await node(page, id).locator('.bp-node__head').click();
  await expect(node(page, id)).toHaveClass(/selected/);
}

async function centre(l: Locator): Promise<{ x: number; y: number }> {
  const b = await l.boundingBox();
  if (!b) throw new Error('element is not visible');
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Drags a wire from `from`'s output handle to `to`'s input handle with the mouse. */
export async function dragWire(page: Page, from: string, to: string): Promise<void> {
  const a = await centre(node(page, from).locator('.react-flow__handle.source'));
  const b = await centre(node(page, to).locator('.react-flow__handle.target'));
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + (b.x - a.x) * 0.3, a.y + (b.y - a.y) * 0.3 + 20, { steps: 8 });
  await page.mouse.move(b.x, b.y, { steps: 12 });
  await page.mouse.up();
}

/** The `d` of every series line in the charts (not their axes): changes when any series moves. */
export async function chartPaths(page: Page): Promise<string> {
  const ds = await page
    .getByRole('img', { name: / chart, / })
    .locator('path:not(.domain)')
    .evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
  return ds.join('|');
}
