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
  await expect(node(page, 'clients')).toContainText('110 items/s');
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

  await capacity.fill('200');
  await capacity.press('Enter');
  await expect(node(page, 'buffer')).toContainText('/ 200 waiting');
  await expect(node(page, 'buffer')).toContainText('200 items');
  const refusedAfterEdit = await counter(page, 'buffer', 'Refused');
  // Not a restart: simulated time goes on from where it was.
  expect(await simMs(page)).toBeGreaterThanOrEqual(before);

  // With room again the queue grows past the old limit (about 10 items/s more arrive than leave)
  // and, for the 15 s or so it takes to fill the new room, refuses nothing more.
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

test('where a canvas cannot be handed to a worker, the page draws the charts and the dots itself', async ({ page }) => {
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
  // The dots' canvas is drawn on the page too: it can be read back, and it is not blank.
  await expect
    .poll(() =>
      page.locator('.bp-dots-layer canvas').evaluate((c) => {
        const canvas = c as HTMLCanvasElement;
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
        return painted;
      }),
    )
    .toBeGreaterThan(50);
});

test('if the paint worker cannot start, the page says so and keeps running', async ({ page }) => {
  await page.context().route(/paint\.worker-[^/]*\.js$/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("broken on purpose")' }));
  await openApp(page);
  await expect(page.getByRole('alert')).toContainText('The charts and the moving dots cannot be drawn');
  await setSpeed(page, '10x');
  await playButton(page).click();
  await expect.poll(() => counter(page, 'workers', 'Completed')).toBeGreaterThan(100);
  await expect(node(page, 'buffer')).toBeVisible();
  await snap(page, '10-paint-worker-failed');
});
