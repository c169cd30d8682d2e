/**
 * The log parts as a person uses them: producer → topic → consumer group built from the
 * palette, the consumers slowed in the inspector until the group falls behind and its lag grows,
 * then one more consumer (there are three partitions) and the lag falls.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, snap } from './fixtures';
import { addFromPalette, canvasSettled, counter, deleteNode, dragWire, edges, node, nodes, openApp, parseCount, pauseButton, playButton, selectNode, setField, setSpeed } from './app';

/** A consumer group's lag in records, from its bar ("lag 1,234 · 12 s behind"). */
async function lag(page: Page, groupId: string): Promise<number> {
  const text = (await node(page, groupId).locator('.bp-fill__text').textContent()) ?? '';
  const m = /^\s*lag ([\d,.]+[KMB]?)/.exec(text);
  if (!m) throw new Error(`cannot read the lag: "${text}"`);
  return parseCount(m[1]!);
}

test('a slow consumer group falls behind on the canvas, and one more consumer makes its lag fall', async ({ page }) => {
  // Its waits alone may take 80 s on a busy machine (the run has to build up and drain a lag):
  // more than the default minute a test gets.
  test.setTimeout(180_000);
  await openApp(page);
  for (const id of ['clients', 'buffer', 'workers']) await deleteNode(page, id);
  await expect(nodes(page)).toHaveCount(0);

  for (const name of ['Producer', 'Topic', 'Consumer group']) await addFromPalette(page, name);
  const [producer, topic, group] = ['producer-1', 'topic-1', 'group-1'];
  await expect(nodes(page)).toHaveCount(3);
  await canvasSettled(page);
  for (const id of [producer, topic, group]) await expect(node(page, id)).toBeInViewport({ ratio: 0.99 });
  await dragWire(page, producer, topic);
  await dragWire(page, topic, group);
  await expect(edges(page)).toHaveCount(2);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(node(page, topic)).toContainText('3 partitions');

  // 50 records/s over 3 partitions; 2 consumers of ~10 ms each keep up easily.
  await setSpeed(page, '10x');
  await playButton(page).click();
  await expect.poll(() => counter(page, group, 'Processed'), { timeout: 15_000 }).toBeGreaterThan(200);
  await expect(node(page, group)).toContainText('2 active · 0 idle');
  expect(await lag(page, group)).toBeLessThan(20);

  // 50 ms a record: 20/s per consumer. The consumer that owns two partitions gets about 33/s.
  await selectNode(page, group);
  await setField(page, 'Mean', '50');
  await expect(node(page, group)).toContainText('2 × ~50 ms');
  await expect.poll(() => lag(page, group), { timeout: 20_000 }).toBeGreaterThan(150);
  await expect(node(page, group).locator('.bp-node')).toHaveAttribute('data-health', 'overflowing');
  // The group's own charts: lag in records and in time.
  await expect(page.getByRole('img', { name: /^Lag chart/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Lag in time chart/ })).toBeVisible();
  await snap(page, 's1-group-behind');

  // A third consumer: one per partition, about 17/s each against 20/s. The group rebalances, then catches up.
  await setField(page, 'Consumers', '3');
  await expect(node(page, group)).toContainText('3 active · 0 idle', { timeout: 15_000 });
  const peak = await lag(page, group);
  await expect.poll(() => lag(page, group), { timeout: 30_000 }).toBeLessThan(peak / 2);
  await snap(page, 's2-group-catching-up');

  // A fourth consumer has no partition to own: it sits idle and changes nothing.
  await setField(page, 'Consumers', '4');
  await expect(node(page, group)).toContainText('3 active · 1 idle', { timeout: 15_000 });
  await expect(node(page, group).locator('.bp-slot[data-state="idle"]')).toHaveCount(1);
  await snap(page, 's3-group-idle-consumer');
});

test('the Kafka lag example: lag passes retention, the topic loses records, poison pills go to the dead-letter topic', async ({ page }) => {
  // A run that has to build up to its point: 45-55 s under a soak's load, near the default minute.
  test.setTimeout(150_000);
  await openApp(page, '?testhooks');
  await page.waitForFunction(() => 'bpTest' in window);
  const scenario: unknown = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../scenarios/kafka-lag.json'), 'utf8'));
  await page.evaluate((s) => (window as unknown as { bpTest: { load(s: unknown): Promise<void> } }).bpTest.load(s), scenario);
  await page.locator('.react-flow__controls-fitview').click();
  await expect(page.locator('.flow-edge__label--dead-letter')).toHaveText('dead letters');
  await expect(node(page, 'fulfilment')).toContainText('4 active · 0 idle');
  await setSpeed(page, '10x');
  await playButton(page).click();
  // The sale starts at 60 s; about 90 s later the oldest unread orders are past retention.
  await expect.poll(() => counter(page, 'orders-topic', 'Lost'), { timeout: 40_000 }).toBeGreaterThan(0);
  await expect.poll(() => counter(page, 'fulfilment', 'DLQ')).toBeGreaterThan(0);
  // Lost and dead-lettered records are counts that stay; the topic's colour is left unasserted,
  // it holds only while the backlog is past retention.
  await pauseButton(page).click();
  await snap(page, 's4-kafka-lag-example');
});
