/**
 * gRPC hedging on callers (gRFC A6; caller.ts): a copy after each hedgingDelay without an answer,
 * the first answer wins, the others are cancelled.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation } from '../index';
import { parseNode } from '../scenario/validate';
import { scenario } from '../testing/build';
import type { Simulation } from '../simulation';
import type { NodeInput, ServiceTime } from '../index';

const num = (v: unknown) => v as number;

/** Every request the producers made is accounted for: produced = completed + refused + dropped + expired + failed + timed out + in the system. */
function balanced(sim: Simulation): boolean {
  const t = sim.report().totals;
  return t.produced === t.completed + t.refused + t.dropped + t.expired + t.failed + t.timedOut + t.inSystem;
}

/** 98% of calls take 10 ms, 2% take 1 s: a slow disk now and then (The Tail at Scale). */
const slowDisk: ServiceTime = {
  dist: 'mixture',
  components: [
    { weight: 0.98, dist: 'constant', ms: 10 },
    { weight: 0.02, dist: 'constant', ms: 1000 },
  ],
};

function run(client: Partial<Extract<NodeInput, { type: 'client' }>>, backend: Partial<Extract<NodeInput, { type: 'service' }>> = {}, ms = 200_000, seed = 1) {
  const sim = createSimulation(
    scenario(
      [
        { id: 'users', type: 'producer', rate: 100 },
        { id: 'client', type: 'client', ...client },
        { id: 'backend', type: 'service', concurrency: 1000, serviceTime: slowDisk, ...backend },
      ],
      [
        ['users', 'client'],
        ['client', 'backend'],
      ],
      { seed },
    ),
  );
  sim.runUntil(ms);
  return sim;
}

describe('hedged requests (gRPC hedgingPolicy)', () => {
  it('cut the p99 from the slow mode to about delay + fast time, for about 2% more calls', () => {
    const plain = run({}).report();
    const hedged = run({ hedgingPolicy: { maxAttempts: 2, hedgingDelayMs: 20 } });
    const r = hedged.report();
    expect(plain.endToEnd.p99LatencyMs).toBeGreaterThan(900);
    // A request is slow only if both copies hit the slow mode: 4e-4, under 0.1%.
    // Its p99 is then 20 ms + 10 ms, the requests whose first copy was slow (2%).
    expect(r.endToEnd.p99LatencyMs).toBeLessThanOrEqual(30 * 1.01);
    expect(r.endToEnd.p999LatencyMs).toBeLessThan(31);
    const c = r.nodes.client!;
    // A second copy goes for the 2% whose first copy is still out after 20 ms.
    const share = num(c.hedges) / num(c.requests);
    expect(Math.abs(share - 0.02)).toBeLessThan(4 * Math.sqrt((0.02 * 0.98) / num(c.requests)));
    expect(num(c.attempts)).toBe(num(c.requests) + num(c.hedges));
    expect(balanced(hedged)).toBe(true);
  });

  it('cancel the losers: a callee that had not started drops the copy, one that had wastes it', () => {
    // Two workers behind an unbounded queue: a losing copy may still wait in the queue (dropped
    // when cancelled) or be in service beside the winner (finished as wasted work).
    const sim = createSimulation(
      scenario(
        [
          { id: 'users', type: 'producer', rate: 50 },
          { id: 'client', type: 'client', hedgingPolicy: { maxAttempts: 3, hedgingDelayMs: 5 } },
          { id: 'q', type: 'queue', capacity: null },
          { id: 'backend', type: 'service', concurrency: 2, serviceTime: { dist: 'exponential', meanMs: 5 } },
        ],
        [
          ['users', 'client'],
          ['client', 'q'],
          ['q', 'backend'],
        ],
      ),
    );
    sim.runUntil(60_000);
    const r = sim.report();
    const c = r.nodes.client!, b = r.nodes.backend!;
    expect(num(c.hedgesCancelled)).toBeGreaterThan(100);
    expect(num(b.expired)).toBeGreaterThan(0); // cancelled before they started
    expect(num(b.wasted)).toBeGreaterThan(0); // cancelled while being served
    // Every copy sent ends: answered, dropped unstarted, or served for nothing.
    expect(num(b.completed) + num(b.expired) + num(b.failed) + num(b.inService) + num(r.nodes.q!.depth)).toBe(num(c.attempts) - 0);
    expect(num(b.wasted)).toBeLessThanOrEqual(num(b.completed));
    expect(balanced(sim)).toBe(true);
  });

  it('are refused together with retries, with the field named', () => {
    const p = parseNode({ id: 'c', type: 'client', maxAttempts: 3, hedgingPolicy: { maxAttempts: 2, hedgingDelayMs: 10 } });
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.issues[0]).toEqual({ path: 'hedgingPolicy', message: expect.stringMatching(/hedging and retries exclude each other/) });
    const svc = parseNode({ id: 's', type: 'service', serviceTime: { dist: 'constant', ms: 1 }, call: { maxAttempts: 2, hedgingPolicy: {} } });
    expect(svc.ok).toBe(false);
    if (!svc.ok) expect(svc.issues[0]!.path).toBe('call.hedgingPolicy');
    const six = parseNode({ id: 'c', type: 'client', hedgingPolicy: { maxAttempts: 6 } });
    expect(!six.ok && six.issues[0]!.message).toMatch(/at most 5/);
  });

  it('conserve every item and are deterministic, for any policy, delay, timeout and failure rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 0, max: 50 }),
        fc.option(fc.integer({ min: 5, max: 200 }), { nil: undefined }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 1000 }),
        (maxAttempts, hedgingDelayMs, timeoutMs, errorRate, concurrency, seed) => {
          const once = () => {
            const sim = run({ hedgingPolicy: { maxAttempts, hedgingDelayMs }, ...(timeoutMs ? { timeoutMs } : {}) }, { errorRate, concurrency }, 3000, seed);
            return sim;
          };
          const a = once();
          expect(balanced(a)).toBe(true);
          const c = a.report().nodes.client!;
          expect(num(c.attempts)).toBe(num(c.requests) + num(c.hedges));
          expect(num(c.attempts)).toBeLessThanOrEqual(maxAttempts * num(c.requests));
          // Stop the load and let everything end: no call is left behind.
          expect(a.setParams('users', { rate: 0 }).ok).toBe(true);
          a.runFor(30_000);
          expect(a.sim.items.live).toBe(0); // no copy left behind anywhere
          expect(a.report().totals.inSystem).toBe(0);
          expect(balanced(a)).toBe(true);
          const b = once();
          b.setParams('users', { rate: 0 });
          b.runFor(30_000);
          const { wallMs: _a, ...ra } = a.report();
          const { wallMs: _b, ...rb } = b.report();
          expect(rb).toEqual(ra);
        },
      ),
      { numRuns: 25 },
    );
  });
});
