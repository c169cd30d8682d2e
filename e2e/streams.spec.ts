/**
 * The log parts as a person uses them (issue 5): producer → topic → consumer group built from the
 * palette, the consumers slowed in the inspector until the group falls behind and its lag grows,
 * then one more consumer (there are three partitions) and the lag falls.
 */
import { test, expect, snap } from './fixtures';
import { addFromPalette, canvasSettled, counter, deleteNode, dragWire, edges, node, nodes, openApp, playButton, selectNode, setField, setSpeed } from './app';

test('a slow consumer group falls behind on the canvas, and one more consumer makes its lag fall', async ({ page }) => {
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
  expect(await counter(page, group, 'Lag')).toBeLessThan(20);

  // 50 ms a record: 20/s per consumer. The consumer that owns two partitions gets about 33/s.
  await selectNode(page, group);
  await setField(page, 'Mean', '50');
  await expect(node(page, group)).toContainText('2 × ~50 ms');
  await expect.poll(() => counter(page, group, 'Lag'), { timeout: 20_000 }).toBeGreaterThan(150);
  await expect(node(page, group).locator('.bp-node')).toHaveAttribute('data-health', 'overflowing');
  await snap(page, 's1-group-behind');

  // A third consumer: one per partition, about 17/s each against 20/s. The group rebalances, then catches up.
  await setField(page, 'Consumers', '3');
  await expect(node(page, group)).toContainText('3 active · 0 idle', { timeout: 15_000 });
  const peak = await counter(page, group, 'Lag');
  await expect.poll(() => counter(page, group, 'Lag'), { timeout: 30_000 }).toBeLessThan(peak / 2);
  await snap(page, 's2-group-catching-up');

  // A fourth consumer has no partition to own: it sits idle and changes nothing.
  await setField(page, 'Consumers', '4');
  await expect(node(page, group)).toContainText('3 active · 1 idle', { timeout: 15_000 });
  await expect(node(page, group).locator('.bp-slot[data-state="idle"]')).toHaveCount(1);
  await snap(page, 's3-group-idle-consumer');
});
