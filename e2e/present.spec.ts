/**
 * Present mode, the projector layout: at 1280x720 no visible text is under 16 CSS px on screen,
 * whatever the size of the lesson's design, measured two ways: the computed style of every
 * visible text in the page (times the scale it is drawn at: the canvas zoom for the graph), and
 * every fillText on the canvases (the nodes' live values and the charts' axes, drawn by the paint
 * worker: font size times the context's transform, over the canvas's bitmap px per CSS px). Then
 * the keyboard shortcuts, and the `present` flag of a link.
 */
import type { Page, Worker } from '@playwright/test';
import { openApp, pauseButton, playButton, simMs, steadyClock } from './app';
import { expect, snap, test } from './fixtures';

const MIN_PX = 16;

/** Records every fillText on a 2D context of a canvas (or an OffscreenCanvas) in this realm. */
function instrumentFillText(): void {
  const g = globalThis as unknown as { __texts?: unknown[] };
  if (g.__texts) return;
  const texts: unknown[] = [];
  g.__texts = texts;
  const protos = [globalThis.CanvasRenderingContext2D?.prototype, globalThis.OffscreenCanvasRenderingContext2D?.prototype].filter(Boolean);
  for (const proto of protos) {
    const fill = proto!.fillText as (this: CanvasRenderingContext2D, ...a: unknown[]) => void;
    proto!.fillText = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
      const m = this.getTransform();
      const px = /(\d+(?:\.\d+)?)px/.exec(this.font);
      if (texts.length > 20000) texts.splice(0, 10000);
      texts.push({
        text: String(args[0]),
        fontPx: px ? Number(px[1]) : NaN,
        // The vertical scale: a too-wide number is squeezed across only (nodesRenderer), never in height.
        scaleY: Math.hypot(m.c, m.d),
        bitmapW: this.canvas.width,
        bitmapH: this.canvas.height,
      });
      return fill.apply(this, args);
    } as typeof proto.fillText;
  }
}

interface Drawn {
  text: string;
  fontPx: number;
  scaleY: number;
  bitmapW: number;
  bitmapH: number;
}

/** The paint worker, instrumented the moment it starts (workers get no init script). */
function watchWorkers(page: Page): Worker[] {
  const workers: Worker[] = [];
  page.on('worker', (w) => {
    workers.push(w);
    void w.evaluate(instrumentFillText).catch(() => undefined);
  });
  return workers;
}

async function drawnTexts(page: Page, workers: Worker[]): Promise<Drawn[]> {
  const all: Drawn[] = [];
  const read = () => ((globalThis as unknown as { __texts?: Drawn[] }).__texts ?? []).slice();
  const clear = () => void (globalThis as unknown as { __texts?: Drawn[] }).__texts?.splice(0);
  all.push(...(await page.evaluate(read)));
  for (const w of workers) all.push(...(await w.evaluate(read).catch(() => [] as Drawn[])));
  void clear;
  return all;
}

async function clearDrawn(page: Page, workers: Worker[]): Promise<void> {
  const clear = () => void (globalThis as unknown as { __texts?: unknown[] }).__texts?.splice(0);
  await page.evaluate(clear);
  for (const w of workers) await w.evaluate(clear).catch(() => undefined);
}

/** Every visible text in the viewport with its size on screen (CSS px), from computed styles. */
async function domTexts(page: Page): Promise<{ text: string; px: number; where: string }[]> {
  return page.evaluate(() => {
    const out: { text: string; px: number; where: string }[] = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
      if (!own) continue;
      // The nodes' live values are painted on the canvas, not by their DOM copies (measured below).
      if (el.closest('[data-drawn]')) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) continue;
      const r = el.getBoundingClientRect();
      // Screen-reader-only text is clipped to a pixel.
      if (r.width <= 1 || r.height <= 1) continue;
      if (r.right <= 0 || r.bottom <= 0 || r.left >= vw || r.top >= vh) continue;
      // Anything a transform scales (the graph, by the canvas zoom) is that much bigger or smaller.
      let scale = 1;
      for (let a: Element | null = el; a; a = a.parentElement) {
        const t = getComputedStyle(a).transform;
        if (t && t !== 'none') scale *= Math.hypot(new DOMMatrix(t).c, new DOMMatrix(t).d);
      }
      const px = parseFloat(getComputedStyle(el).fontSize) * scale;
      const where = el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : el.tagName.toLowerCase();
      out.push({ text: own.slice(0, 40), px: Math.round(px * 100) / 100, where });
    }
    return out;
  });
}

/** The canvases' bitmap px per CSS px and their own on-screen scale, to place each fillText. */
async function canvases(page: Page): Promise<{ cls: string; cssW: number; cssH: number; screenScale: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('canvas')].map((c) => {
      // The pane's canvases sit in xyflow's viewport, their own transform undoing its zoom.
      let screenScale = 1;
      for (let a: Element | null = c; a; a = a.parentElement) {
        const t = getComputedStyle(a).transform;
        if (t && t !== 'none') screenScale *= Math.hypot(new DOMMatrix(t).c, new DOMMatrix(t).d);
      }
      return { cls: c.className, cssW: c.offsetWidth, cssH: c.offsetHeight, screenScale };
    }),
  );
}

/** The fillTexts as on-screen sizes; each must belong to a canvas on the page. */
async function canvasTexts(page: Page, workers: Worker[]): Promise<{ text: string; px: number; canvas: string }[]> {
  const [drawn, list] = [await drawnTexts(page, workers), await canvases(page)];
  const dpr = await page.evaluate(() => window.devicePixelRatio);
  return drawn.map((d) => {
    const on = list.filter((x) => Math.abs(Math.round(x.cssW * dpr) - d.bitmapW) <= 1 && Math.abs(Math.round(x.cssH * dpr) - d.bitmapH) <= 1);
    // Not a canvas of the page: a bitmap of the worker's own (a chart's y axis), copied onto the
    // charts' canvas at one of its px per device px.
    // The dots and the nodes' values lie on two canvases of one size, one over the other.
    const c = on.length > 0 ? { ...on[0]!, cls: on.map((x) => x.cls).join(' | ') } : { cls: 'axis bitmap', cssW: d.bitmapW / dpr, screenScale: 1 };
    const ratio = d.bitmapW / c.cssW;
    return { text: d.text, px: Math.round(((d.fontPx * d.scaleY) / ratio) * c.screenScale * 100) / 100, canvas: c.cls };
  });
}

/** Opens a lesson from the menu (`menu`: its name there) and waits for its text (`title`). */
async function openLesson(page: Page, menu: string, title = menu): Promise<void> {
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await page.getByRole('menuitem', { name: new RegExp(menu) }).first().click();
  await expect(page.locator('.bp-lesson__title', { hasText: title })).toBeVisible();
}

/** The canvas zoom once it has stopped changing (the fit is done). */
async function settledZoom(page: Page): Promise<number> {
  const zoom = () => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);
  let last = await zoom();
  for (let same = 0; same < 5; ) {
    await page.waitForTimeout(100);
    const now = await zoom();
    same = Math.abs(now - last) < 1e-4 ? same + 1 : 0;
    last = now;
  }
  return last;
}

const LESSONS = [
  { name: 'Flash sale into an unbounded queue', shot: 'present-flash-sale' },
  { name: 'Slow database behind a circuit breaker', title: 'A slow database behind a circuit breaker', shot: 'present-breaker' },
  // The largest design of the lessons: ten parts on three rows.
  { name: 'Breaking retries, not calls', shot: 'present-breaking-retries' },
];

for (const lesson of LESSONS) {
  test(`present mode at 1280x720 draws no text under 16 px: ${lesson.name}`, async ({ page }) => {
    const workers = watchWorkers(page);
    await page.addInitScript(instrumentFillText);
    await openApp(page, '?present');
    await expect(page.getByRole('button', { name: 'Present' })).toHaveAttribute('aria-pressed', 'true');
    await openLesson(page, lesson.name, lesson.title);
    await expect(page.getByRole('complementary', { name: 'Inspector' })).toHaveCount(0);
    await expect(page.getByRole('complementary', { name: 'Lesson' })).toBeVisible();
    // A lesson that asks predictions holds the run until they are answered: skipped here.
    const skips = page.getByRole('button', { name: 'Skip' });
    await expect.poll(async () => (await skips.count()) > 0 || (await playButton(page).isEnabled())).toBe(true);
    while ((await skips.count()) > 0) await skips.first().click();
    await expect(playButton(page)).toBeEnabled();
    await settledZoom(page);
    // Draw everything again from here: a few steps move every value and every chart.
    await clearDrawn(page, workers);
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await steadyClock(page);
    await page.waitForTimeout(400);
    const dom = await domTexts(page);
    const drawn = await canvasTexts(page, workers);
    await snap(page, lesson.shot);
    // The measures found what is on screen: the lesson, the node names, the drawn values and axes.
    expect(dom.length).toBeGreaterThan(30);
    expect(dom.some((t) => t.where === '.bp-node__title')).toBe(true);
    expect(drawn.some((t) => t.canvas.includes('bp-node-values'))).toBe(true);
    expect(drawn.some((t) => t.canvas === 'bp-charts__canvas')).toBe(true);
    expect(drawn.some((t) => t.canvas === 'axis bitmap')).toBe(true);
    expect(dom.filter((t) => t.px < MIN_PX)).toEqual([]);
    expect(drawn.filter((t) => t.px < MIN_PX)).toEqual([]);
  });
}

test('the same measure finds the small type of the normal layout (it can fail)', async ({ page }) => {
  const workers = watchWorkers(page);
  await page.addInitScript(instrumentFillText);
  await openApp(page);
  await openLesson(page, 'Breaking retries, not calls');
  await settledZoom(page);
  await clearDrawn(page, workers);
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await steadyClock(page);
  await page.waitForTimeout(400);
  expect((await domTexts(page)).filter((t) => t.px < MIN_PX).length).toBeGreaterThan(10);
  expect((await canvasTexts(page, workers)).filter((t) => t.px < MIN_PX && t.canvas.includes('bp-node-values')).length).toBeGreaterThan(5);
});

test('present mode picks its charts from a list that fits the bar, however many charts the view has', async ({ page }) => {
  await openApp(page, '?present');
  await openLesson(page, 'Retry storm vs a retry budget', 'Retry storm vs backoff');
  const bar = page.locator('.bp-charts__bar');
  await page.getByRole('group', { name: 'Charts show' }).getByRole('button', { name: 'Calls', exact: true }).click();
  const picker = page.getByRole('button', { name: /^Charts: / });
  await expect(picker).toHaveText(/Charts: Goodput, Calls per request/);
  // The bar holds everything at 1280 px: nothing runs off its right edge.
  expect(await bar.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await picker.click();
  const list = page.getByRole('group', { name: 'Charts shown (1 to 3)' });
  await expect(list.getByRole('button')).toHaveCount(5);
  await list.getByRole('button', { name: 'Wasted work' }).click();
  await expect(list.getByRole('button', { name: 'Wasted work' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('img', { name: /^Wasted work chart/ })).toBeVisible();
  await snap(page, 'present-chart-picker');
  // Esc closes the list and stays in present mode; a second Esc leaves it.
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Present' })).toHaveAttribute('aria-pressed', 'true');
  await expect(picker).toHaveText(/Wasted work/);
});

test('the keyboard runs the simulation, in and out of present mode', async ({ page }) => {
  await openApp(page);
  const present = page.getByRole('button', { name: 'Present' });
  const speed = page.getByLabel('Speed', { exact: true });
  // An empty spot of the canvas (a focused node would take the arrow keys: they move it).
  await page.locator('.react-flow__pane').click({ position: { x: 12, y: 12 } });

  await page.keyboard.press('Space');
  await expect(pauseButton(page)).toBeVisible();
  await page.keyboard.press('Space');
  await expect(playButton(page)).toBeVisible();

  await page.keyboard.press('r');
  await expect.poll(() => simMs(page)).toBe(0);
  expect(await steadyClock(page)).toBe(0);
  // One step is a quarter second; the clock shows tenths: 0.25 s reads “0.3 s”, two steps “0.5 s”.
  await page.keyboard.press('ArrowRight');
  expect(await steadyClock(page)).toBe(300);
  await page.keyboard.press('ArrowRight');
  expect(await steadyClock(page)).toBe(500);
  await expect(playButton(page)).toBeVisible();

  await page.keyboard.press('3');
  await expect(speed).toHaveValue('0.5');
  await page.keyboard.press('9');
  await expect(speed).toHaveValue('100');

  await page.keyboard.press('p');
  await expect(present).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('complementary', { name: 'Palette' }).or(page.locator('.bp-palette'))).toBeHidden();
  // The shortcuts work in present mode too.
  await page.keyboard.press('4');
  await expect(speed).toHaveValue('1');
  await page.keyboard.press('Space');
  await expect(pauseButton(page)).toBeVisible();
  await page.keyboard.press('Space');
  await expect(playButton(page)).toBeVisible();
  await page.keyboard.press('R');
  await expect.poll(() => simMs(page)).toBe(0);
  await page.keyboard.press('Escape');
  await expect(present).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.bp-palette')).toBeVisible();

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const key of ['Space', '→', 'R', '1 – 9', 'P', 'Esc', 'N / Shift+N', '?']) await expect(help.locator('dt', { hasText: key }).first()).toBeVisible();
  await expect(help).toContainText('next / previous workshop step');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(present).toHaveAttribute('aria-pressed', 'false');

  // Not while typing in a field, nor with a modifier held.
  const seed = page.getByLabel('Seed', { exact: true });
  await seed.click();
  await page.keyboard.press('5');
  await page.keyboard.press('p');
  await expect(speed).toHaveValue('1');
  await expect(present).toHaveAttribute('aria-pressed', 'false');
  await page.locator('.react-flow__pane').click({ position: { x: 12, y: 12 } });
  await page.keyboard.press('Control+5');
  await page.keyboard.press('Alt+2');
  await page.keyboard.press('Meta+7');
  await expect(speed).toHaveValue('1');
  await expect(present).toHaveAttribute('aria-pressed', 'false');

  // The button does the same as the key.
  await present.click();
  await expect(present).toHaveAttribute('aria-pressed', 'true');
  await present.click();
  await expect(present).toHaveAttribute('aria-pressed', 'false');
});

test('a link with the present flag opens in present mode; a flag it cannot read says so', async ({ page }) => {
  await openApp(page, '?present');
  await expect(page.getByRole('button', { name: 'Present' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.bp-palette')).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(page.locator('.bp-palette')).toBeVisible();

  await openApp(page, '?present=banana');
  await expect(page.getByRole('status').filter({ hasText: '“present=banana” is not understood' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Present' })).toHaveAttribute('aria-pressed', 'false');
});
