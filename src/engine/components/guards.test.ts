/**
 * The parts that say "not now": rate limiter, circuit breaker, bulkhead, load shedder, load
 * balancer, adaptive concurrency limit. Each test reads like the library's documentation.
 */
import { describe, expect, it } from 'vitest';
import { scenario, traced } from '../testing/build';
import type { NodeInput } from '../index';

const num = (v: unknown) => v as number;
const fast: NodeInput = { id: 'backend', type: 'service', concurrency: 1000, serviceTime: { dist: 'constant', ms: 0 } };

describe('rate limiter (token bucket, Envoy local rate limit)', () => {
  it('with rate 10/s and burst 5 admits 5 at once, then one per 100 ms; the rest get 429 + Retry-After', () => {
    const sim = traced(
      scenario(
        [{ id: 'flood', type: 'producer', rate: 1000, arrival: 'constant' }, { id: 'limit', type: 'rate-limiter', rate: 10, burst: 5 }, fast],
        [
          ['flood', 'limit'],
          ['limit', 'backend'],
        ],
      ),
    );
    const passed: number[] = [];
    const retryAfter: number[] = [];
    sim.sim.tracer = ([t, , outcome], _reason, ra) => (outcome === 'completed' ? passed.push(t) : retryAfter.push(ra));
    sim.runUntil(400);
    // Arrivals every 1 ms: 5 pass from the full bucket, then one each time a token has accrued.
    expect(passed.slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
    const later = passed.slice(5);
    expect(later).toHaveLength(3);
    later.forEach((t, i) => expect(Math.abs(t - (101 + 100 * i))).toBeLessThanOrEqual(1));
    // Retry-After = time until the next whole token: just under 100 ms right after a token is taken.
    expect(Math.max(...retryAfter)).toBeLessThanOrEqual(100);
    expect(retryAfter[0]).toBeCloseTo(95, 6); // at t=6: 0.05 tokens, 0.95 token short at 10/s
    expect(sim.report().reasons['rate-limited']).toEqual({ status: 429, count: retryAfter.length });
  });
});

/** users → breaker → backend whose error rate we switch during the run. */
function breakerChain(breaker: Partial<Extract<NodeInput, { type: 'circuit-breaker' }>>, backendMs = 1, extra: NodeInput[] = [], extraEdges: [string, string, 'fallback'][] = []) {
  return traced(
    scenario(
      [
        { id: 'users', type: 'producer', rate: 10, arrival: 'constant' },
        { id: 'breaker', type: 'circuit-breaker', slidingWindowSize: 10, minimumNumberOfCalls: 5, failureRateThreshold: 50, waitDurationInOpenStateMs: 1000, permittedNumberOfCallsInHalfOpenState: 3, ...breaker },
        { id: 'backend', type: 'service', concurrency: 100, serviceTime: { dist: 'constant', ms: backendMs } },
        ...extra,
      ],
      [['users', 'breaker'], ['breaker', 'backend'], ...extraEdges],
    ),
  );
}

describe('circuit breaker (Resilience4j)', () => {
  it('with window 10, minimum 5 calls and threshold 50%, opens on the fifth call when three have failed', () => {
    const sim = breakerChain({});
    sim.runUntil(250); // calls at 100 and 200 succeed
    sim.setParams('backend', { errorRate: 1 });
    sim.runUntil(450); // calls 3 and 4 fail: 2 of 4, but fewer than 5 calls recorded
    expect(sim.report().nodes.breaker!.state).toBe('CLOSED');
    sim.runUntil(550); // call 5 fails: 3 of 5 = 60% >= 50%
    expect(sim.report().nodes.breaker!.state).toBe('OPEN');
    expect(sim.report().timeline).toEqual([{ atMs: 501, node: 'breaker', kind: 'breaker-open' }]);
    sim.runUntil(1400);
    // While open, calls are refused at once with 503 without reaching the backend.
    expect(sim.report().nodes.breaker!.notPermitted).toBe(9); // calls at 600 .. 1400
    expect(num(sim.report().nodes.backend!.arrived)).toBe(5);
    expect(sim.report().reasons['breaker-open']).toEqual({ status: 503, count: 9 });
  });

  it('after waitDurationInOpenState the next call moves it to HALF_OPEN, which admits exactly N trial calls', () => {
    const sim = breakerChain({}, 250); // slow backend: trial calls overlap
    sim.setParams('backend', { errorRate: 1 });
    sim.runUntil(1000); // opened at the 5th answer (t = 750)
    expect(sim.report().nodes.breaker!.state).toBe('OPEN');
    sim.setParams('backend', { errorRate: 0 });
    sim.runUntil(1750);
    const before = num(sim.report().nodes.backend!.arrived);
    sim.runUntil(1800); // the call at 1800 is the first after 750 + 1000: HALF_OPEN
    expect(sim.report().nodes.breaker!.state).toBe('HALF_OPEN');
    sim.runUntil(2050); // calls at 1800, 1900, 2000 are the 3 trials...
    expect(num(sim.report().nodes.backend!.arrived) - before).toBe(3);
    sim.runUntil(2150); // ...the call at 2100 is refused: trials still in flight
    expect(num(sim.report().nodes.backend!.arrived) - before).toBe(3);
    sim.runUntil(2300); // the third trial succeeds at 2250: all trials succeeded, CLOSED
    expect(sim.report().nodes.breaker!.state).toBe('CLOSED');
    expect(sim.report().timeline.map((e) => e.kind)).toEqual(['breaker-open', 'breaker-half-open', 'breaker-closed']);
  });

  it('counts slow calls: a slow-call rate over its threshold opens it too', () => {
    const sim = breakerChain({ slowCallDurationThresholdMs: 100, slowCallRateThreshold: 80 }, 150);
    sim.runUntil(1000);
    expect(sim.report().nodes.breaker!.state).toBe('OPEN');
  });

  it('sends calls to the fallback route while open', () => {
    const sim = breakerChain(
      {},
      1,
      [{ id: 'cache', type: 'service', concurrency: 10, serviceTime: { dist: 'constant', ms: 1 } }],
      [['breaker', 'cache', 'fallback']],
    );
    sim.setParams('backend', { errorRate: 1 });
    sim.runUntil(1450);
    const r = sim.report();
    expect(r.nodes.breaker!.fallbacks).toBe(9);
    expect(num(r.nodes.cache!.completed)).toBe(9);
    expect(r.reasons['breaker-open']).toBeUndefined();
  });
});

describe('bulkhead (Resilience4j semaphore bulkhead)', () => {
  it('lets at most maxConcurrentCalls through at once and refuses the rest with 503', () => {
    const sim = traced(
      scenario(
        [
          { id: 'users', type: 'producer', rate: 100, arrival: 'constant' },
          { id: 'pool', type: 'bulkhead', maxConcurrentCalls: 3 },
          { id: 'backend', type: 'service', concurrency: 100, serviceTime: { dist: 'constant', ms: 45 } },
        ],
        [
          ['users', 'pool'],
          ['pool', 'backend'],
        ],
      ),
    );
    sim.runUntil(10_000);
    const r = sim.report();
    // A call every 10 ms lasting 45 ms would want 4.5 at once: 3 are allowed.
    expect(num(r.nodes.backend!.arrived) / num(r.nodes.users!.produced)).toBeGreaterThan(0.55);
    expect(num(r.nodes.backend!.arrived) / num(r.nodes.users!.produced)).toBeLessThan(0.7);
    expect(r.reasons['bulkhead-full']!.status).toBe(503);
  });

  it('with a per-class cap, batch work cannot take the slots interactive work needs', () => {
    const sim = traced(
      scenario(
        [
          { id: 'batch', type: 'producer', rate: 200, priorities: { batch: 1 } },
          { id: 'users', type: 'producer', rate: 20, priorities: { high: 1 } },
          { id: 'pool', type: 'bulkhead', maxConcurrentCalls: 10, perClass: { batch: 5 } },
          { id: 'backend', type: 'service', concurrency: 100, serviceTime: { dist: 'constant', ms: 50 } },
        ],
        [
          ['batch', 'pool'],
          ['users', 'pool'],
          ['pool', 'backend'],
        ],
      ),
    );
    sim.runUntil(60_000);
    const r = sim.report().nodes;
    expect(num(r.users!.refusedAnywhere) / num(r.users!.produced)).toBeLessThan(0.01);
    expect(num(r.batch!.refusedAnywhere) / num(r.batch!.produced)).toBeGreaterThan(0.5);
  });
});

describe('load shedder', () => {
  it('sheds batch work first and critical work last as the load it watches rises', () => {
    const sim = traced(
      scenario(
        [
          { id: 'mixed', type: 'producer', rate: 200, priorities: { critical: 1, normal: 1, batch: 1 } },
          { id: 'shed', type: 'load-shedder', measure: 'depth', limit: 40 },
          { id: 'q', type: 'queue', capacity: null },
          { id: 'backend', type: 'service', concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 7 } },
        ],
        [
          ['mixed', 'shed'],
          ['shed', 'q'],
          ['q', 'backend'],
        ],
      ),
    );
    sim.runUntil(120_000);
    const r = sim.report().nodes.shed!;
    // 200/s into a 143/s backend: a third must go, and it is the batch third.
    expect(num(r.shed_batch)).toBeGreaterThan(num(r.shed_normal) * 5);
    expect(num(r.shed_critical)).toBeLessThan(num(r.shed_normal) / 5 + 1);
    expect(num(sim.report().nodes.q!.maxDepth)).toBeLessThanOrEqual(40);
  });
});

describe('load balancer', () => {
  const farm = (strategy: 'round-robin' | 'least-outstanding' | 'p2c') => {
    const sim = traced(
      scenario(
        [
          { id: 'users', type: 'producer', rate: 150 },
          { id: 'lb', type: 'load-balancer', strategy },
          { id: 'fast1', type: 'service', concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 10 } },
          { id: 'fast2', type: 'service', concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 10 } },
          { id: 'slow', type: 'service', concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 40 } },
          { id: 'q1', type: 'queue', capacity: null },
          { id: 'q2', type: 'queue', capacity: null },
          { id: 'q3', type: 'queue', capacity: null },
        ],
        [
          ['users', 'lb'],
          ['lb', 'q1'],
          ['lb', 'q2'],
          ['lb', 'q3'],
          ['q1', 'fast1'],
          ['q2', 'fast2'],
          ['q3', 'slow'],
        ],
      ),
    );
    sim.runUntil(60_000);
    return sim.report();
  };

  it('round robin overloads the slow replica; least-outstanding and p2c steer around it', () => {
    const rr = farm('round-robin');
    // 50/s into a replica that serves 25/s: its queue grows without end.
    expect(num(rr.nodes.q3!.depth)).toBeGreaterThan(1000);
    for (const smart of [farm('least-outstanding'), farm('p2c')]) {
      expect(num(smart.nodes.q3!.depth)).toBeLessThan(100);
      expect(smart.endToEnd.p99LatencyMs).toBeLessThan(rr.endToEnd.p99LatencyMs / 10);
    }
  });
});

describe('adaptive concurrency limit (Netflix concurrency-limits)', () => {
  const limited = (algorithm: 'aimd' | 'gradient2') =>
    traced(
      scenario(
        [
          { id: 'users', type: 'producer', rate: 300 },
          { id: 'limit', type: 'concurrency-limiter', algorithm, initialLimit: 20, minLimit: 1, maxLimit: 200, timeoutMs: 200 },
          { id: 'q', type: 'queue', capacity: null },
          { id: 'backend', type: 'service', concurrency: 4, serviceTime: { dist: 'exponential', meanMs: 20 } },
        ],
        [
          ['users', 'limit'],
          ['limit', 'q'],
          ['q', 'backend'],
        ],
      ),
    );

  it('gradient2 keeps the queue bounded by refusing the excess that an unlimited queue would hoard', () => {
    const sim = limited('gradient2');
    sim.runUntil(60_000);
    const r = sim.report();
    // 300/s into a backend that serves 200/s: without a limit the queue grows by 100 items a second
    // (6,000 after a minute, waits of 30 s). The limit follows the round-trip time instead.
    expect(num(r.nodes.q!.maxDepth)).toBeLessThan(200);
    expect(num(r.nodes.q!.meanWaitMs)).toBeLessThan(500);
    expect(num(r.nodes.limit!.limit)).toBeLessThan(100);
    // About the third the backend cannot serve is refused at once with 503.
    const share = r.reasons['concurrency-limit']!.count / r.totals.produced;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.4);
  });

  it('AIMD backs off multiplicatively when calls are slow and grows by one otherwise', () => {
    const sim = limited('aimd');
    sim.runUntil(60_000);
    const r = sim.report();
    expect(num(r.nodes.q!.meanWaitMs)).toBeLessThan(400);
    expect(num(r.nodes.limit!.limit)).toBeLessThan(60);
  });
});
