/**
 * The parts that say "not now", used as a person uses them: from the palette, wired by hand, tuned
 * in the inspector while the run goes on. The whole point in one test: a caller in front of
 * a breaker in front of a service that turns slow; the breaker opens, and the caller, refused at
 * once instead of waiting out its timeouts, gets its answers fast again.
 */
import { test, expect, snap } from './fixtures';
import {
  addFromPalette,
  breakerBadge,
  canvasSettled,
  clickWire,
  counter,
  deleteNode,
  dragWire,
  edges,
  latencyOn,
  node,
  nodes,
  openApp,
  pauseButton,
  playButton,
  selectNode,
  setField,
  setSpeed,
} from './app';

test('a breaker in front of a slow service opens: callers are refused at once instead of waiting out their timeouts', async ({ page }) => {
  // A run that has to build up to its point: 45-55 s under a soak's load, near the default minute.
  test.setTimeout(150_000);
  await openApp(page, '?testhooks');
  for (const id of ['clients', 'buffer', 'workers']) await deleteNode(page, id);
  await expect(nodes(page)).toHaveCount(0);

  // Each click adds the part next to the one added before: a chain, left to right.
  for (const name of ['Producer', 'Client', 'Circuit breaker', 'Service']) await addFromPalette(page, name);
  await expect(nodes(page)).toHaveCount(4);
  const [users, client, breaker, backend] = ['producer-1', 'client-1', 'breaker-1', 'service-1'];
  await canvasSettled(page);
  for (const id of [users, client, breaker, backend]) await expect(node(page, id)).toBeInViewport({ ratio: 0.99 });
  await dragWire(page, users, client);
  await dragWire(page, client, breaker);
  await dragWire(page, breaker, backend);
  await expect(edges(page)).toHaveCount(3);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Ten workers of ~20 ms each: 50 requests/s are answered in a few ms.
  await selectNode(page, backend);
  await setField(page, 'Concurrency', '10');
  await expect(node(page, backend)).toContainText('10 ×');

  await setSpeed(page, '10x');
  await playButton(page).click();
  await expect.poll(() => counter(page, breaker, 'Passed'), { timeout: 15_000 }).toBeGreaterThan(100);
  await expect.poll(() => latencyOn(page, client, 'p50')).toBeLessThan(200);
  await expect(breakerBadge(page, breaker)).toHaveText('CLOSED');

  // Open, it waits 2 min before a trial: long enough to look at, and to count refusals in.
  await selectNode(page, breaker);
  await setField(page, 'Wait when open', '120000');
  // At a person's pace, so the slow spell is there to be seen before the breaker trips.
  await setSpeed(page, '1x');
  await selectNode(page, backend);
  await setField(page, 'Mean', '5000');
  await expect(node(page, backend)).toContainText('~5000 ms');

  // Calls now time out after the client's 1 s: failures the breaker counts, and it opens. Paused
  // while it is open (2 min of simulated time before a trial), the node shows the open state: a
  // state that holds, however slowly this machine draws.
  await expect(breakerBadge(page, breaker)).toHaveText('OPEN', { timeout: 15_000 });
  await pauseButton(page).click();
  await expect(breakerBadge(page, breaker)).toHaveText('OPEN');
  await expect(node(page, breaker).locator('.bp-node')).toHaveAttribute('data-health', 'overflowing');
  await playButton(page).click();
  await expect.poll(() => counter(page, breaker, 'Not permitted')).toBeGreaterThan(0);

  // Refused at once (503) instead of waiting out the 1 s timeout: callers stop timing out. Counted
  // from a little after it opened, once the calls already in flight when it tripped have timed out;
  // each half-open trial that times out again adds at most 3 timeouts per 2 min wait.
  const np0 = await counter(page, breaker, 'Not permitted');
  await expect.poll(() => counter(page, breaker, 'Not permitted'), { timeout: 15_000 }).toBeGreaterThan(np0 + 100);
  const timeouts1 = await counter(page, client, 'Timeouts');
  const np1 = await counter(page, breaker, 'Not permitted');
  await expect.poll(() => counter(page, breaker, 'Not permitted'), { timeout: 15_000 }).toBeGreaterThan(np1 + 200);
  const refused = (await counter(page, breaker, 'Not permitted')) - np1;
  const timedOut = (await counter(page, client, 'Timeouts')) - timeouts1;
  expect(timedOut, `${timedOut} timeouts while the breaker refused ${refused} calls`).toBeLessThan(refused / 4);
  // Before it opened, callers waited out their timeouts.
  expect(timeouts1).toBeGreaterThan(0);
  // Refusals are not answers: while it stays open the caller has no latency to show.
  await expect.poll(() => latencyOn(page, client, 'p50'), { timeout: 15_000 }).toBeNaN();
  await snap(page, 'r1-breaker-open');
});

test('a wire becomes a call where that makes sense, and is refused with the reason where not', async ({ page }) => {
  await openApp(page);
  // With Workers selected, the new service lands to its right; wire Workers → it.
  await selectNode(page, 'workers');
  await addFromPalette(page, 'Service');
  await canvasSettled(page);
  await expect(node(page, 'service-1')).toBeInViewport({ ratio: 0.99 });
  await dragWire(page, 'workers', 'service-1');
  await expect(edges(page)).toHaveCount(3);

  await clickWire(page, 'workers', 'service-1');
  const kind = page.getByLabel('Edge type', { exact: true });
  await expect(kind).toHaveValue('send');
  await kind.selectOption({ label: 'call (services)' });
  await expect(page.locator('.react-flow__edge[data-id="workers->service-1"] .flow-edge--call')).toHaveCount(1);
  await expect(page.locator('.flow-edge__label--call')).toHaveText('calls');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The caller of that call is Workers: its inspector now has a Calls section with the policy.
  await selectNode(page, 'workers');
  const calls = page.getByRole('group', { name: 'Calls' });
  await expect(calls).toBeVisible();
  await calls.getByLabel('Timeout', { exact: true }).fill('abc');
  await expect(page.getByRole('alert')).toContainText('expected milliseconds');

  // Only a breaker has a fallback route: the reason is given, and the wire stays as it was.
  await clickWire(page, 'clients', 'buffer');
  await page.getByLabel('Edge type', { exact: true }).selectOption({ label: 'fallback (breakers)' });
  await expect(page.getByRole('alert')).toContainText('only a circuit breaker has a fallback route');
  await expect(page.getByLabel('Edge type', { exact: true })).toHaveValue('send');
  await snap(page, 'r4-edge-refused');
});

/** A caller, a limiter and a breaker with a fallback route in front of two flaky replicas. */
const callers = {
  version: 1,
  name: 'Callers and a breaker',
  seed: 1,
  durationMs: 600_000,
  nodes: [
    { id: 'users', type: 'producer', rate: 120, deadlineMs: 3000, position: { x: 0, y: 120 } },
    { id: 'client', type: 'client', timeoutMs: 800, maxAttempts: 3, retryBudget: { kind: 'token-bucket', maxTokens: 10, tokenRatio: 0.1 }, position: { x: 270, y: 120 } },
    { id: 'limiter', type: 'rate-limiter', rate: 100, burst: 20, position: { x: 540, y: 120 } },
    {
      id: 'breaker',
      type: 'circuit-breaker',
      slidingWindowSize: 20,
      minimumNumberOfCalls: 10,
      waitDurationInOpenStateMs: 5000,
      permittedNumberOfCallsInHalfOpenState: 3,
      slowCallDurationThresholdMs: 1000,
      position: { x: 810, y: 120 },
    },
    { id: 'balancer', type: 'load-balancer', strategy: 'least-outstanding', position: { x: 1080, y: 0 } },
    { id: 'api-a', type: 'service', concurrency: 4, serviceTime: { dist: 'exponential', meanMs: 30 }, errorRate: 0.6, position: { x: 1350, y: -110 } },
    { id: 'api-b', type: 'service', concurrency: 4, serviceTime: { dist: 'exponential', meanMs: 30 }, errorRate: 0.6, position: { x: 1350, y: 110 } },
    { id: 'cache', label: 'Cache', type: 'service', concurrency: 50, serviceTime: { dist: 'constant', ms: 2 }, position: { x: 1080, y: 300 } },
  ],
  edges: [
    { from: 'users', to: 'client' },
    { from: 'client', to: 'limiter' },
    { from: 'limiter', to: 'breaker' },
    { from: 'breaker', to: 'balancer' },
    { from: 'breaker', to: 'cache', kind: 'fallback' },
    { from: 'balancer', to: 'api-a' },
    { from: 'balancer', to: 'api-b' },
  ],
};

/** Batch and interactive work through a shedder, a bulkhead and an adaptive limit, to a service that calls a database. */
const guards = {
  version: 1,
  name: 'Guards',
  seed: 1,
  durationMs: 600_000,
  nodes: [
    { id: 'traffic', type: 'producer', rate: 150, priorities: { normal: 2, batch: 1 }, position: { x: 0, y: 0 } },
    { id: 'shedder', type: 'load-shedder', measure: 'in-flight', limit: 30, position: { x: 270, y: 0 } },
    { id: 'bulkhead', type: 'bulkhead', maxConcurrentCalls: 20, perClass: { batch: 6 }, position: { x: 540, y: 0 } },
    { id: 'limit', type: 'concurrency-limiter', algorithm: 'aimd', initialLimit: 10, minLimit: 1, maxLimit: 100, timeoutMs: 1000, position: { x: 810, y: 0 } },
    { id: 'api', type: 'service', concurrency: 8, serviceTime: { dist: 'exponential', meanMs: 10 }, call: { timeoutMs: 500, maxAttempts: 2 }, position: { x: 1080, y: 0 } },
    { id: 'db-queue', type: 'queue', capacity: 100, aqm: 'codel', position: { x: 1350, y: 0 } },
    { id: 'db', type: 'service', concurrency: 4, serviceTime: { dist: 'exponential', meanMs: 40 }, position: { x: 1620, y: 0 } },
  ],
  edges: [
    { from: 'traffic', to: 'shedder' },
    { from: 'shedder', to: 'bulkhead' },
    { from: 'bulkhead', to: 'limit' },
    { from: 'limit', to: 'api' },
    { from: 'api', to: 'db-queue', kind: 'call' },
    { from: 'db-queue', to: 'db' },
  ],
};

async function show(page: import('@playwright/test').Page, scenario: unknown): Promise<void> {
  await openApp(page, '?testhooks');
  await page.waitForFunction(() => 'bpTest' in window);
  await page.evaluate((s) => (window as unknown as { bpTest: { load(s: unknown): Promise<void> } }).bpTest.load(s), scenario);
  await page.locator('.react-flow__controls-fitview').click();
}

async function snapBoth(page: import('@playwright/test').Page, name: string): Promise<void> {
  await snap(page, `${name}-1280`);
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(400);
  await snap(page, `${name}-1600`);
  await page.setViewportSize({ width: 1280, height: 720 });
}

test('each caller part shows its live state: client, rate limiter, breaker with fallback, load balancer', async ({ page }) => {
  await show(page, callers);
  await expect(page.locator('.flow-edge__label--fallback')).toHaveText('fallback');
  await expect(node(page, 'balancer')).toContainText('2 replicas');
  await setSpeed(page, '10x');
  await playButton(page).click();
  // Six in ten calls fail: the breaker opens, and while open the cache answers.
  await expect(breakerBadge(page, 'breaker')).toHaveText('OPEN', { timeout: 20_000 });
  await expect.poll(() => counter(page, 'breaker', 'To fallback')).toBeGreaterThan(0);
  await expect(node(page, 'limiter')).toContainText(/\/ 20 tokens/);
  await expect.poll(() => counter(page, 'client', 'Retries')).toBeGreaterThan(0);
  await expect(node(page, 'client')).toContainText(/retry budget [\d.]+\/10/);
  await snapBoth(page, 'r2-callers');
});

test('each guard shows its live state: shedder, bulkhead, concurrency limit, a call edge and AQM', async ({ page }) => {
  await show(page, guards);
  await expect(page.locator('.flow-edge__label--call')).toHaveText('calls');
  await setSpeed(page, '10x');
  await playButton(page).click();
  await expect.poll(() => counter(page, 'bulkhead', 'Passed'), { timeout: 15_000 }).toBeGreaterThan(100);
  await expect(node(page, 'shedder')).toContainText(/\/ 30 in flight/);
  await expect(node(page, 'bulkhead')).toContainText(/\/ 20 in flight/);
  await expect(node(page, 'limit')).toContainText(/in flight/);
  await selectNode(page, 'api');
  await expect(page.getByRole('group', { name: 'Calls' })).toBeVisible();
  await expect(page.getByLabel('Timeout', { exact: true })).toHaveValue('500');
  await snapBoth(page, 'r3-guards');
});
