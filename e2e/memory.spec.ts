/**
 * Memory and flow control, as a person meets them: an unbounded queue under a flash sale
 * is OOM-killed, says so on the canvas and on the timeline, and restarts; a slow HTTP/2 reader
 * throttles its sender, with the credit window shown on the wire.
 */
import { test, expect, snap } from './fixtures';
import { canvasSettled, clickWire, counter, deleteNode, dragWire, edges, node, openApp, pauseButton, playButton, selectNode, setField, setSpeed, simMs, steadyClock, tick } from './app';

const inspector = (page: import('@playwright/test').Page) => page.getByRole('complementary', { name: 'Inspector' });

test('an unbounded queue under a flash sale is OOM-killed, loses what it held, restarts and fills again', async ({ page }) => {
  await openApp(page);
  // The default design: clients → buffer → workers (about 100 items/s).
  await selectNode(page, 'clients');
  await setField(page, 'Rate', '1000');
  await selectNode(page, 'buffer');
  await tick(inspector(page).getByRole('checkbox', { name: 'Unbounded' }));
  // Half a MiB: 512 items of 1 KiB. 900 items/s of growth fill it in about 0.6 s.
  await setField(page, 'Memory limit', '0.5');
  await setField(page, 'Restart delay', '3000');

  // A quarter of real time, so the 3 s it is down last long enough to pause in.
  await setSpeed(page, '0.25x');
  await playButton(page).click();
  await expect(node(page, 'buffer')).toContainText('/ 512 KiB');
  const banner = node(page, 'buffer').getByRole('status');
  await expect(banner).toContainText(/OOMKilled: lost 513 items · restarting in \d\.\d s/, { timeout: 15_000 });
  // Paused while it is down (a state that holds), the node is red and says so.
  await pauseButton(page).click();
  await expect(banner).toContainText(/restarting in \d\.\d s/);
  await expect(node(page, 'buffer').locator('.bp-node')).toHaveAttribute('data-health', 'overflowing');
  await expect(node(page, 'buffer')).toContainText('1 OOM kill');
  await snap(page, 'memory-oom-killed');
  await playButton(page).click();
  // While it is down, the clients are refused (503).
  await expect.poll(() => counter(page, 'clients', 'Refused')).toBeGreaterThan(100);
  // The timeline: the kill (and then the restart) drawn as marks on the selected part's charts.
  await expect
    .poll(async () => Math.max(0, ...(await page.getByRole('img', { name: / chart, / }).evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.marks ?? 0))))))
    .toBeGreaterThan(0);
  await setSpeed(page, '10x');
  // Back after 3 s, empty, filling again and killed again (a node that is down cannot be killed): the sawtooth.
  await expect(node(page, 'buffer')).toContainText(/\b(?:[2-9]|\d{2,}) OOM kills/, { timeout: 15_000 });
  await expect(banner).toContainText('OOMKilled: lost 513 items');
  await snap(page, 'memory-sawtooth');
});

test('a slow HTTP/2 reader throttles the sender; the window is shown on the wire', async ({ page }) => {
  await openApp(page);
  await deleteNode(page, 'buffer');
  await canvasSettled(page);
  await dragWire(page, 'clients', 'workers');
  await expect(edges(page)).toHaveCount(1);
  await selectNode(page, 'clients');
  await setField(page, 'Rate', '500');
  await setField(page, 'Item size', '4096');

  await clickWire(page, 'clients', 'workers');
  const flow = inspector(page).getByRole('group', { name: 'Flow control' });
  await flow.getByLabel('Credit').selectOption('http2');
  await expect(flow.getByRole('textbox', { name: 'Stream window' })).toHaveValue('65535');
  const gauge = page.getByRole('meter', { name: 'Flow-control window on clients to workers' });
  await expect(gauge).toBeVisible();

  await setSpeed(page, '1x');
  await playButton(page).click();
  // 16 messages of 4 KiB fill the 64 KiB window; the client waits for WINDOW_UPDATEs.
  await expect(gauge).toContainText('sender blocked', { timeout: 15_000 });
  await expect(gauge).toContainText(/HTTP\/2 window [\d.]+ (KiB|B) \/ 64 KiB/);
  await expect(node(page, 'clients')).toContainText('blocked: no room');
  await snap(page, 'memory-http2-slow-reader');
  // Throttled to the reader's pace (about 100/s), nothing refused: backpressure, not loss. The
  // rate is per simulated second, read paused at both ends (however fast this machine runs it).
  await pauseButton(page).click();
  const t0 = await steadyClock(page);
  const s0 = await counter(page, 'clients', 'Sent');
  await playButton(page).click();
  await expect.poll(() => simMs(page), { timeout: 30_000 }).toBeGreaterThan(t0 + 3000);
  await pauseButton(page).click();
  const t1 = await steadyClock(page);
  const perSecond = ((await counter(page, 'clients', 'Sent')) - s0) / ((t1 - t0) / 1000);
  expect(perSecond).toBeLessThan(200);
  expect(perSecond).toBeGreaterThan(50);
  expect(await counter(page, 'clients', 'Refused')).toBe(0);
});

test('a service that pulls holds at most workers × batch; one that accepts every push grows until it is OOM-killed', async ({ page }) => {
  await openApp(page);
  await selectNode(page, 'clients');
  await setField(page, 'Rate', '400');
  // Take the buffer out: the clients push straight at the workers.
  await deleteNode(page, 'buffer');
  await canvasSettled(page);
  await dragWire(page, 'clients', 'workers');
  await selectNode(page, 'workers');
  const svc = inspector(page);
  await svc.getByLabel('Intake').selectOption('pull');
  await setField(page, 'Batch', '5');
  await setSpeed(page, '1x');
  await playButton(page).click();
  // One worker x batch 5: never more than 5 in flight; the clients wait for the rest.
  await expect(node(page, 'workers')).toContainText(/intake [0-4] · at most 5 in flight \(pull\)/, { timeout: 15_000 });
  await expect(node(page, 'clients')).toContainText('blocked: no room');
  await snap(page, 'memory-pull-intake');

  await svc.getByLabel('Intake').selectOption('push');
  await setField(page, 'Memory limit', '0.25');
  await expect(node(page, 'workers').getByRole('status')).toContainText('OOMKilled', { timeout: 15_000 });
  await expect(node(page, 'workers')).toContainText(/OOM kill/);
});
