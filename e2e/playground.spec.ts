/**
 * The playground as a person uses it: open, play, wire, tune, pause and step, get told no.
 * Each test starts from a fresh page with the default scenario (Clients → Buffer → Workers,
 * 110 items/s into a bounded queue of 50 in front of a service that finishes about 100 items/s).
 */
import { test, expect, snap } from './fixtures';
import {
  chartPaths,
  clock,
  counter,
  depth,
  dragWire,
  edges,
  node,
  nodes,
  openApp,
  pauseButton,
  playButton,
  selectNode,
  setSpeed,
  simMs,
  steadyClock,
} from './app';

test('opens on a wired, runnable example', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Reset', exact: true })).toBeEnabled();
  await expect(page.getByLabel('Speed', { exact: true })).toBeVisible();
  await expect(clock(page)).toHaveText('0.0 s');
  for (const kind of ['Producer', 'Queue', 'Service']) await expect(page.getByRole('button', { name: kind, exact: true })).toBeVisible();

  await expect(nodes(page)).toHaveCount(3);
  await expect(edges(page)).toHaveCount(2);
  for (const id of ['clients', 'buffer', 'workers']) await expect(node(page, id)).toBeInViewport();
  await expect(node(page, 'clients')).toContainText('offered 110/s');
  await expect(node(page, 'buffer')).toContainText('50 items');
  await snap(page, '01-open');
});

test('Play runs the simulation: the clock, the counters and the charts move', async ({ page }) => {
  await openApp(page);
  const chartsBefore = await chartPaths(page);
  await setSpeed(page, '10x');
  await playButton(page).click();
  await expect(pauseButton(page)).toBeVisible();

  await expect.poll(() => simMs(page)).toBeGreaterThan(2000);
  const t1 = await simMs(page);
  await expect.poll(() => simMs(page)).toBeGreaterThan(t1);
  await expect.poll(() => counter(page, 'buffer', 'Accepted')).toBeGreaterThan(100);
  await expect.poll(() => counter(page, 'workers', 'Completed')).toBeGreaterThan(100);
  await expect.poll(() => chartPaths(page)).not.toBe(chartsBefore);
  const charts1 = await chartPaths(page);
  expect(charts1).toMatch(/M[\d.-]+,[\d.-]+L/); // real lines, not empty paths
  await expect.poll(() => chartPaths(page)).not.toBe(charts1);

  // Load above capacity: within some 20 s of simulated time the bounded queue is full and refuses.
  await expect.poll(() => counter(page, 'buffer', 'Refused'), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(node(page, 'buffer')).toContainText('/ 50 waiting');
  expect(await depth(page, 'buffer')).toBeLessThanOrEqual(50);
  await snap(page, '02-running');
});

/** How many dark pixels (text, a full bar) the screen shows where `el` lies: what is drawn there, by whatever draws it. */
async function inkAt(page: import('@playwright/test').Page, el: import('@playwright/test').Locator): Promise<{ ink: number; png: string }> {
  const png = (await el.screenshot()).toString('base64');
  const ink = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0)); // no fetch: the page's policy refuses data: connections
    const img = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = new OffscreenCanvas(img.width, img.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (0.3 * d[i]! + 0.59 * d[i + 1]! + 0.11 * d[i + 2]! < 110) n++;
    return n;
  }, png);
  return { ink, png };
}

test('the numbers on the nodes are drawn on a canvas where they belong, change as it runs, and are the DOM\'s while a node is dragged', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, '10x');
  await playButton(page).click();
  await expect.poll(() => counter(page, 'workers', 'Completed')).toBeGreaterThan(50);
  const completed = node(page, 'workers').locator('.bp-counter', { hasText: 'Completed' }).locator('dd');
  // Its DOM copy is not rendered (not laid out inside, so its text is not in innerText)...
  await expect(completed).toHaveAttribute('data-drawn', 'text');
  expect(await completed.evaluate((e) => (e as HTMLElement).innerText)).toBe('');
  // ...yet the screen shows a number there, and a new one a moment later.
  const first = await inkAt(page, completed);
  expect(first.ink).toBeGreaterThan(20);
  await expect.poll(async () => (await inkAt(page, completed)).png).not.toBe(first.png);
  // The accessible name says what is drawn.
  await expect(node(page, 'workers').getByRole('img', { name: /Completed [\d,]+, Failed [\d,]+/ })).toBeAttached();

  // Dragged, a node shows its DOM copies (the canvas would trail it), and then the canvas again.
  const head = node(page, 'workers').locator('.bp-node__head');
  const box = (await head.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 30, { steps: 5 });
  await expect(page.locator('.react-flow__node.dragging')).toHaveCount(1);
  await expect.poll(() => completed.evaluate((e) => Number((e as HTMLElement).innerText.replace(/,/g, '')))).toBeGreaterThan(50);
  await page.mouse.up();
  await expect(page.locator('.react-flow__node.dragging')).toHaveCount(0);
  expect(await completed.evaluate((e) => (e as HTMLElement).innerText)).toBe('');
  await expect.poll(async () => (await inkAt(page, completed)).ink).toBeGreaterThan(20);
});

test('add a queue from the palette and wire it after the service', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  await expect(nodes(page)).toHaveCount(4);
  const added = node(page, 'queue-1');
  await expect(added).toBeInViewport();
  await expect(edges(page)).toHaveCount(2);

  await dragWire(page, 'workers', 'queue-1');
  await expect(edges(page)).toHaveCount(3);
  await expect(page.locator('.react-flow__edge[data-id="workers->queue-1"]')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The wire is real in the simulation: what Workers finish now arrives in the new queue.
  await setSpeed(page, '10x');
  await playButton(page).click();
  await expect.poll(() => counter(page, 'queue-1', 'Accepted')).toBeGreaterThan(10);
  await snap(page, '03-wired');
});

test('changing Capacity while running applies at once, without a restart', async ({ page }) => {
  await openApp(page);
  await selectNode(page, 'buffer');
  const capacity = page.getByLabel('Capacity', { exact: true });
  await expect(capacity).toHaveValue('50');

  await setSpeed(page, '10x');
  await playButton(page).click();
  await expect.poll(() => counter(page, 'buffer', 'Refused'), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(node(page, 'buffer')).toContainText('/ 50 waiting');
  expect(await depth(page, 'buffer')).toBeLessThanOrEqual(50);
  // Back to real time, so the effect is watched at a person's pace (and the test is not a race).
  await setSpeed(page, '1x');
  const before = await simMs(page);

  await capacity.fill('500');
  await capacity.press('Enter');
  await expect(node(page, 'buffer')).toContainText('/ 500 waiting');
  await expect(node(page, 'buffer')).toContainText('500 items');
  const refusedAfterEdit = await counter(page, 'buffer', 'Refused');
  // Not a restart: simulated time goes on from where it was.
  expect(await simMs(page)).toBeGreaterThanOrEqual(before);

  // With room again the queue grows past the old limit (about 10 items/s more arrive than leave)
  // and, for the 45 s or so it takes to fill the new room, refuses nothing more.
  await expect.poll(() => depth(page, 'buffer'), { timeout: 20_000 }).toBeGreaterThan(55);
  expect(await counter(page, 'buffer', 'Refused')).toBe(refusedAfterEdit);
  await snap(page, '04-capacity-changed');
});

test('Pause stops the clock, and Step moves it by exactly one step', async ({ page }) => {
  await openApp(page);
  await playButton(page).click();
  await expect.poll(() => simMs(page)).toBeGreaterThan(500);
  await pauseButton(page).click();
  await expect(playButton(page)).toBeVisible();
  // A frame already on its way may still land; after that the clock stands still.
  const paused = await steadyClock(page);
  await page.waitForTimeout(600);
  expect(await simMs(page)).toBe(paused);

  const step = page.getByRole('button', { name: 'Step', exact: true });
  // The first step lands on the next step boundary (perhaps a hair away, too little for the
  // clock's tenths to show); from there each step is exactly a quarter second.
  await step.click();
  const aligned = await steadyClock(page);
  expect(aligned - paused).toBeGreaterThanOrEqual(0);
  expect(aligned - paused).toBeLessThanOrEqual(300);
  let last = aligned;
  for (let i = 1; i <= 4; i++) {
    await step.click();
    await expect.poll(() => simMs(page)).toBeGreaterThan(last);
    last = await simMs(page);
    expect(last - aligned).toBeGreaterThanOrEqual(250 * i - 50); // the clock shows tenths
    expect(last - aligned).toBeLessThanOrEqual(250 * i + 50);
  }
  expect(last - aligned).toBe(1000);
  await page.waitForTimeout(600);
  expect(await simMs(page)).toBe(last);
  await expect(playButton(page)).toBeVisible();
  await snap(page, '05-stepped');

  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(clock(page)).toHaveText('0.0 s');
  await expect.poll(() => counter(page, 'buffer', 'Accepted')).toBe(0);
});

test('a bad capacity is refused with a reason, and the last good value stays', async ({ page }) => {
  await openApp(page);
  await selectNode(page, 'buffer');
  const capacity = page.getByLabel('Capacity', { exact: true });
  await capacity.fill('-5');
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('≥ 0');
  await expect(alert).toContainText('Keeping 50');
  await expect(capacity).toHaveAttribute('aria-invalid', 'true');
  await capacity.press('Enter');
  await expect(node(page, 'buffer')).toContainText('50 items');
  await snap(page, '06-refused-capacity');

  // The run uses the last good value: the queue still fills to 50, no more.
  await setSpeed(page, '10x');
  await playButton(page).click();
  await expect.poll(() => counter(page, 'buffer', 'Refused'), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(node(page, 'buffer')).toContainText('/ 50 waiting');
});

test('wiring into a producer is refused on the spot, with a reason', async ({ page }) => {
  await openApp(page);
  await dragWire(page, 'workers', 'clients');
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('producer cannot receive');
  await expect(edges(page)).toHaveCount(2);
  await snap(page, '07-refused-wire');
});

test('a dead worker is reported and restarted, and the design survives', async ({ page }) => {
  await openApp(page);
  await selectNode(page, 'buffer');
  const capacity = page.getByLabel('Capacity', { exact: true });
  await capacity.fill('80');
  await capacity.press('Enter');
  await expect(node(page, 'buffer')).toContainText('80 items');
  await playButton(page).click();
  await expect.poll(() => simMs(page)).toBeGreaterThan(0);

  // The app's own handle for this (main.tsx): the worker vanishes without a word, as a crash would.
  await page.evaluate(() => (window as unknown as { backpressure: { killWorker(): void } }).backpressure.killWorker());
  const alert = page.getByRole('alert').filter({ hasText: /stopped unexpectedly/ });
  await expect(alert).toBeVisible({ timeout: 10_000 });
  await expect(alert).toContainText('design is safe');
  await snap(page, '09-worker-died');

  await alert.getByRole('button', { name: 'Restart' }).click();
  await expect(alert).toBeHidden();
  await expect(nodes(page)).toHaveCount(3);
  await expect(edges(page)).toHaveCount(2);
  await expect(node(page, 'buffer')).toContainText('80 items');
  await expect(playButton(page)).toBeEnabled();
  await playButton(page).click();
  await expect.poll(() => simMs(page)).toBeGreaterThan(300);
  await expect.poll(() => counter(page, 'buffer', 'Accepted')).toBeGreaterThan(0);
});

test('where a canvas cannot be handed to a worker, the page draws the charts, the dots and the nodes\' values itself', async ({ page }) => {
  // As in a browser without OffscreenCanvas transfer: paintClient falls back to drawing on the page.
  await page.addInitScript(() => {
    delete (HTMLCanvasElement.prototype as { transferControlToOffscreen?: unknown }).transferControlToOffscreen;
  });
  await openApp(page);
  expect(await page.evaluate(() => 'transferControlToOffscreen' in HTMLCanvasElement.prototype)).toBe(false);
  await setSpeed(page, '10x');
  await playButton(page).click();
  await expect.poll(() => chartPaths(page)).toMatch(/M[\d.-]+,[\d.-]+L/);
  const charts1 = await chartPaths(page);
  await expect.poll(() => chartPaths(page)).not.toBe(charts1);
  // The dots' canvas and the nodes' values' are drawn on the page too: they can be read back, and
  // they are not blank.
  const painted = (selector: string) =>
    page.locator(selector).evaluate((c) => {
      const canvas = c as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
      return n;
    });
  await expect.poll(() => painted('.bp-dots-layer canvas.bp-dots')).toBeGreaterThan(50);
  // The queue's "N / 80 waiting", counters and slots: hundreds of pixels at least.
  await expect.poll(() => painted('.bp-dots-layer canvas.bp-node-values')).toBeGreaterThan(500);
  await expect(node(page, 'buffer').getByRole('img', { name: /waiting, Accepted [\d,]+, Refused [\d,]+, Dropped [\d,]+/ })).toBeAttached();
});

test('if the paint worker cannot start, the page says so and keeps running', async ({ page }) => {
  await page.context().route(/paint\.worker-[^/]*\.js$/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("broken on purpose")' }));
  await openApp(page);
  await expect(page.getByRole('alert')).toContainText('The charts and the moving dots cannot be drawn');
  await setSpeed(page, '10x');
  await playButton(page).click();
  await expect.poll(() => counter(page, 'workers', 'Completed')).toBeGreaterThan(100);
  await expect(node(page, 'buffer')).toBeVisible();
  // The nodes' values are drawn by the DOM again: laid out and rendered (innerText has them).
  await expect(node(page, 'workers').locator('[data-drawn]')).toHaveCount(0);
  await expect.poll(async () => Number(/COMPLETED\s+([\d,]+)/i.exec(await node(page, 'workers').innerText())?.[1]?.replace(/,/g, '') ?? 0)).toBeGreaterThan(100);
  await snap(page, '10-paint-worker-failed');
});

test('if the simulation worker cannot start, the page says so, keeps the design, and Restart brings it up', async ({ page }) => {
  // The worker is started as the page loads, before the design is read: a failure then is reported too.
  await page.route(/simWorker-[^/]*\.js$/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("broken on purpose")' }));
  await page.goto('/');
  const alert = page.getByRole('alert').filter({ hasText: /stopped unexpectedly/ });
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(alert).toContainText('design is safe');
  await expect(nodes(page)).toHaveCount(3);
  await expect(playButton(page)).toBeDisabled();

  await page.unroute(/simWorker-[^/]*\.js$/);
  await alert.getByRole('button', { name: 'Restart' }).click();
  await expect(alert).toBeHidden();
  await expect(playButton(page)).toBeEnabled({ timeout: 15_000 });
  await playButton(page).click();
  await expect.poll(() => simMs(page)).toBeGreaterThan(300);
});
