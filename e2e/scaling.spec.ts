/**
 * Capacity that arrives late: the default design (a little overloaded queue in front of one
 * worker) shows when its queue will be full, then an autoscaler is added by hand, wired to the
 * service and tuned in the inspector. It decides at once that two replicas are needed, but the
 * second serves only after the provisioning delay; then the queue drains and the warning goes.
 */
import { test, expect, snap } from './fixtures';
import { addFromPalette, canvasSettled, counter, dragWire, edges, node, openApp, pauseButton, playButton, selectNode, setField, setSpeed, simMs, steadyClock } from './app';

const fullIn = (page: import('@playwright/test').Page, id: string) => node(page, id).getByLabel('Projected time until full');

test('a filling queue says when it will be full; an autoscaler adds a replica only after its provisioning delay', async ({ page }) => {
  // A run that has to build up to its point: 45-55 s under a soak's load, near the default minute.
  test.setTimeout(150_000);
  await openApp(page);

  // 110 items/s against about 100/s: the buffer fills at about 10 a second. 500 items at real
  // time: the projection is there for most of a minute, whatever else the machine is doing.
  await selectNode(page, 'buffer');
  await page.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: 'Capacity', exact: true }).fill('500');
  await page.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: 'Capacity', exact: true }).press('Enter');
  await expect(node(page, 'buffer')).toContainText('/ 500');
  await setSpeed(page, '1x');
  await playButton(page).click();
  // Read in the same look that finds it: once the buffer is full, the projection goes away.
  let seconds = NaN;
  await expect
    .poll(
      async () => {
        const m = /^full in (\d+) s$/.exec((await fullIn(page, 'buffer').textContent()) ?? '');
        if (m) seconds = Number(m[1]);
        return m !== null;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThan(120);
  await snap(page, 's1-full-in');
  await page.getByRole('button', { name: 'Pause', exact: true }).click();

  await addFromPalette(page, 'Autoscaler');
  const hpa = 'autoscaler-1';
  await canvasSettled(page);
  await dragWire(page, hpa, 'workers');
  await expect(edges(page)).toHaveCount(3);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(node(page, hpa)).toContainText('scales workers');

  await selectNode(page, hpa);
  await setField(page, 'Target', '50');
  await setField(page, 'Decide every', '2000');
  await setField(page, 'Provisioning delay', '20000');
  // At most two: the count it reaches then holds (uncapped, it would go on asking for more while
  // the second replica starts, and the count seen would depend on when it is read).
  await setField(page, 'Max replicas', '2');
  await expect(node(page, hpa)).toContainText('50% busy');
  await expect(node(page, hpa)).toContainText('+20 s to start');

  // Wiring restarted the run at 0 s; the edits count from there. The first decision (at 2 s) sees
  // 100% busy against 50%:
  // ceil(1 x 2) = 2 replicas; the second one serves from 2 + 20 = 22 s.
  await setSpeed(page, '2x');
  await playButton(page).click();
  await expect.poll(() => counter(page, hpa, 'Starting'), { timeout: 20_000 }).toBe(1);
  // Paused while it starts (20 s of simulated time to catch it in): asked for, not serving yet.
  await pauseButton(page).click();
  const askedAt = await steadyClock(page);
  expect(askedAt).toBeGreaterThanOrEqual(2000);
  expect(askedAt).toBeLessThan(22_000);
  expect(await counter(page, hpa, 'Starting')).toBe(1);
  await expect(node(page, 'workers')).not.toContainText('2 replicas');
  await snap(page, 's2-replica-starting');
  await playButton(page).click();
  await expect(node(page, 'workers')).toContainText('2 replicas', { timeout: 40_000 });
  const servedAt = await simMs(page);
  expect(servedAt).toBeGreaterThanOrEqual(22_000);
  await expect(node(page, hpa).locator('.bp-fill__text')).toHaveText('2 / 2 replicas');

  // Twice the workers: the buffer drains and stops filling.
  await expect(fullIn(page, 'buffer')).toHaveText('', { timeout: 20_000 });
  await snap(page, 's3-scaled-up');
});

test('an alert on the queue’s growth rate is set in the inspector and kept with the design', async ({ page }) => {
  await openApp(page);
  await selectNode(page, 'buffer');
  const alerts = page.getByRole('region', { name: 'Alerts' });
  await alerts.getByLabel('Alert when it').selectOption({ label: 'grows faster than' });
  await alerts.getByLabel('Alert threshold').fill('3');
  await alerts.getByRole('button', { name: 'Add alert' }).click();
  await expect(alerts.getByRole('listitem')).toHaveText(['grows faster than 3 items/s✕']);
  // A rule a node does not have is refused with the reason, and nothing is added.
  await alerts.getByLabel('Alert threshold').fill('lots');
  await alerts.getByRole('button', { name: 'Add alert' }).click();
  await expect(alerts.getByRole('alert')).toHaveText('Threshold: expected a number');
  await expect(alerts.getByRole('listitem')).toHaveCount(1);

  await setSpeed(page, '2x');
  await playButton(page).click();
  await expect.poll(() => simMs(page), { timeout: 20_000 }).toBeGreaterThan(8000);
  await snap(page, 's4-alert');
  await alerts.getByRole('button', { name: /^Remove alert/ }).click();
  await expect(alerts.getByRole('listitem')).toHaveCount(0);
});
