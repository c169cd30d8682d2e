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
  const dd = node(page, nodeId).locator('dt', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }).locator('xpath=following-sibling::dd[1]');
  return parseCount((await dd.textContent()) ?? '');
}

/** A label as a literal in a pattern: "Conflicts (409)" has parentheses. */
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
  // On its status line, at the bottom: a notice over the top of the canvas may cover the title.
  // Again if the click missed: a design just loaded is fitted into view a frame later, and the
  // node may move under a click aimed a moment before (no person clicks that fast).
  await expect(async () => {
    await node(page, id).locator('.bp-node__status').click({ timeout: 5000 });
    await expect(node(page, id)).toHaveClass(/selected/, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
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

/**
 * What the charts' canvases drew, as a path per series line (its first and last vertex, in canvas
 * pixels, `M x,y L x,y`): changes whenever any series moves, empty while nothing is drawn.
 */
export async function chartPaths(page: Page): Promise<string> {
  const ds = await page
    .getByRole('img', { name: / chart, / })
    .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.path ?? ''));
  return ds.join('|');
}

// ---- the resilience parts ----

/** Adds a part by clicking its palette entry ("Client", "Circuit breaker", ...). */
export async function addFromPalette(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Components' }).getByRole('button', { name, exact: true }).click();
}

/** Deletes a node the way a person does: select it, then "Delete node" in the inspector. */
export async function deleteNode(page: Page, id: string): Promise<void> {
  await selectNode(page, id);
  await page.getByRole('complementary', { name: 'Inspector' }).getByRole('button', { name: 'Delete node' }).click();
  await expect(node(page, id)).toHaveCount(0);
}

/** Types a value into an inspector field by its label and presses Enter. */
export async function setField(page: Page, label: string, value: string): Promise<void> {
  // A text field by its label (a palette group may share the word, e.g. "Capacity").
  const field = page.getByRole('textbox', { name: label, exact: true });
  await field.fill(value);
  await field.press('Enter');
}

/** A circuit breaker's state as its badge shows it: CLOSED, OPEN or HALF_OPEN. */
export const breakerBadge = (page: Page, id: string): Locator => node(page, id).locator('.bp-breaker__state');

/** "154 ms" → 154, "1.02 s" → 1020, "—" (nothing measured yet) → NaN. */
export function parseLatency(text: string): number {
  if (text.trim() === '—') return NaN;
  const m = /^\s*([\d,]+(?:\.\d+)?)\s*(ms|s)\s*$/.exec(text);
  if (!m) throw new Error(`not a latency: "${text}"`);
  return Number(m[1]!.replace(/,/g, '')) * (m[2] === 's' ? 1000 : 1);
}

/** A latency counter on a node ("p50", "p99"), in ms. */
export async function latencyOn(page: Page, nodeId: string, label: string): Promise<number> {
  const dd = node(page, nodeId).locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
  return parseLatency((await dd.textContent()) ?? '');
}

/**
 * Clicks a wire halfway along, as a person selects it (a perfectly level wire has no height, so
 * Playwright would not call the element itself visible).
 */
export async function clickWire(page: Page, from: string, to: string): Promise<void> {
  const a = await node(page, from).locator('.react-flow__handle.source').boundingBox();
  const b = await node(page, to).locator('.react-flow__handle.target').boundingBox();
  if (!a || !b) throw new Error('the wire’s ends are not visible');
  await page.mouse.click((a.x + a.width / 2 + b.x + b.width / 2) / 2, (a.y + a.height / 2 + b.y + b.height / 2) / 2);
}

/** Waits until the canvas stops moving (a fit-to-view animation after adding a node, say). */
export async function canvasSettled(page: Page): Promise<void> {
  const transform = () => page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  let last = await transform();
  for (let still = 0; still < 3; ) {
    await page.waitForTimeout(120);
    const now = await transform();
    still = now === last ? still + 1 : 0;
    last = now;
  }
}

/**
 * Ticks a checkbox or radio as a person does: a click, then wait until it shows ticked. (Playwright's
 * check() wants the state changed the moment the click returns; on a busy machine the field may
 * show it a frame later.)
 */
export async function tick(box: Locator): Promise<void> {
  // Again if the click landed while the inspector was still being put in place (a person clicks again).
  await expect(async () => {
    if (!(await box.isChecked())) await box.click();
    await expect(box).toBeChecked({ timeout: 2000 });
  }).toPass({ timeout: 10_000 });
}
