/**
 * The retry budgets real clients ship (retryBudget.ts): Brooker's deposit bucket, the AWS SDKs'
 * standard-mode quota and a breaker on retries only; and closed load generators (thinkTimeMs 0).
 */
import { describe, expect, it } from 'vitest';
import { parseNode } from '../scenario/validate';
import { conserved, scenario, traced } from '../testing/build';
import type { NodeInput } from '../index';
import { Budget, DENIED } from './retryBudget';

const num = (v: unknown) => v as number;
type ClientInput = Partial<Extract<NodeInput, { type: 'client' }>>;

/** users → client → a backend failing with probability p; retries 1 ms apart. */
function failing(p: number, client: ClientInput, rate = 100, durationMs = 100_000) {
  const sim = traced(
    scenario(
      [
        { id: 'users', type: 'producer', rate },
        { id: 'client', type: 'client', backoff: { baseMs: 1, capMs: 1, multiplier: 1, jitter: 'none' }, ...client },
        { id: 'backend', type: 'service', concurrency: 1000, serviceTime: { dist: 'constant', ms: 2 }, errorRate: p },
      ],
      [
        ['users', 'client'],
        ['client', 'backend'],
      ],
    ),
  );
  sim.runUntil(durationMs);
  return { sim, c: sim.report().nodes.client! };
}

describe('"deposit" (Brooker\'s retry token bucket)', () => {
  it('starts full, each request deposits, each retry takes its cost: retries ≤ maxTokens + deposit × requests / cost', () => {
    const { sim, c } = failing(1, { maxAttempts: 3, retryBudget: { kind: 'deposit', depositPerRequest: 0.1, maxTokens: 5, costPerRetry: 1 } });
    const requests = num(c.requests);
    // Every attempt fails, so retries drain the bucket as fast as requests fill it.
    expect(num(c.retries)).toBeLessThanOrEqual(5 + 0.1 * requests);
    expect(num(c.retries)).toBeGreaterThanOrEqual(0.1 * requests - 1);
    expect(num(c.amplification)).toBeLessThan(1.11); // without the bucket: 3
    expect(num(c.retriesDeniedByBudget)).toBeGreaterThan(0);
    expect(conserved(sim)).toBe(true);
  });

  it('lets every retry through while failures are rarer than the deposit rate', () => {
    // 5% failures, 2 attempts: 0.05 retries per request against 0.1 deposited.
    const { c } = failing(0.05, { maxAttempts: 2, retryBudget: { kind: 'deposit', depositPerRequest: 0.1, maxTokens: 5, costPerRetry: 1 } });
    expect(num(c.retriesDeniedByBudget)).toBe(0);
    const n = num(c.requests);
    const success = num(c.completed) / n;
    const want = 1 - 0.05 ** 2;
    expect(Math.abs(success - want)).toBeLessThan(4 * Math.sqrt((want * (1 - want)) / n) + 5 / n);
  });
});

describe('"aws-standard" (the AWS SDKs\' standard retry quota)', () => {
  it('has the documented defaults: quota 500, retry 5, timeout 10, success refund 1', () => {
    const p = parseNode({ id: 'c', type: 'client', retryBudget: { kind: 'aws-standard' } });
    expect(p.ok && p.value.type === 'client' && p.value.retryBudget).toEqual({ kind: 'aws-standard', quota: 500, retryCost: 5, timeoutCost: 10, successRefund: 1 });
  });

  it('against a dead backend: 500 / 5 = 100 retries, then none (no success refunds anything)', () => {
    const { c } = failing(1, { maxAttempts: 3, retryBudget: { kind: 'aws-standard' } });
    expect(num(c.retries)).toBe(100);
    expect(num(c.retryBudgetLevel)).toBe(0);
  });

  it('after timeouts a retry costs 10: 50 retries', () => {
    const sim = traced(
      scenario(
        [
          { id: 'users', type: 'producer', rate: 50 },
          { id: 'client', type: 'client', timeoutMs: 10, maxAttempts: 3, backoff: { baseMs: 1, capMs: 1, multiplier: 1, jitter: 'none' }, retryBudget: { kind: 'aws-standard' } },
          { id: 'slow', type: 'service', concurrency: 10_000, serviceTime: { dist: 'constant', ms: 1000 } },
        ],
        [
          ['users', 'client'],
          ['client', 'slow'],
        ],
      ),
    );
    sim.runUntil(60_000);
    const c = sim.report().nodes.client!;
    expect(num(c.retries)).toBe(50);
    // Every attempt times out (the last few were still waiting when the run stopped).
    expect(num(c.timeouts)).toBeGreaterThanOrEqual(num(c.attempts) - 3);
  });

  it('a success gives back what its retry took, or 1: the unit test of the quota', () => {
    const b = new Budget({ kind: 'aws-standard', quota: 500, retryCost: 5, timeoutCost: 10, successRefund: 1 });
    expect(b.tryRetry(0)).toBe(5);
    expect(b.tryRetry(0, true)).toBe(10);
    expect(b.level(0)).toBe(485);
    b.onSuccess(10);
    expect(b.level(0)).toBe(495);
    b.onSuccess(0);
    b.onSuccess(0);
    expect(b.level(0)).toBe(497);
    for (let i = 0; i < 10; i++) b.onSuccess(0);
    expect(b.level(0)).toBe(500); // never above the initial quota
    const dry = new Budget({ kind: 'aws-standard', quota: 9, retryCost: 5, timeoutCost: 10, successRefund: 1 });
    expect(dry.tryRetry(0, true)).toBe(DENIED);
    expect(dry.tryRetry(0)).toBe(5);
    expect(dry.tryRetry(0)).toBe(DENIED);
  });
});

describe('"circuit-breaker" on retries only', () => {
  const breaker = { kind: 'circuit-breaker' as const, failureRateThreshold: 10, windowSize: 100, minimumNumberOfCalls: 20 };

  it('well below the threshold retries as usual: success 1 - p^N', () => {
    // 5% failures against a 20% threshold: P(20 or more of 100 attempts fail) is about 1e-7, so it never opens.
    const p = 0.05, N = 3;
    const { c } = failing(p, { maxAttempts: N, retryBudget: { ...breaker, failureRateThreshold: 20 } });
    expect(num(c.retriesDeniedByBudget)).toBe(0);
    const n = num(c.requests);
    const want = 1 - p ** N;
    expect(Math.abs(num(c.completed) / n - want)).toBeLessThan(4 * Math.sqrt((want * (1 - want)) / n) + 5 / n);
  });

  it('above it stops retrying, yet every first attempt still goes out (the breaker part would refuse them)', () => {
    const { sim, c } = failing(0.5, { maxAttempts: 3, retryBudget: breaker });
    const n = num(c.requests);
    // Attempts fail half the time, far above 10%: nearly no retries, success about 1 - p.
    expect(num(c.amplification)).toBeLessThan(1.01);
    expect(num(sim.report().nodes.backend!.arrived)).toBeGreaterThanOrEqual(n);
    expect(Math.abs(num(c.completed) / n - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / n) + 0.01);
  });

  it('counts the last windowSize attempts only: it closes again once failures stop', () => {
    const b = new Budget(breaker);
    for (let i = 0; i < 20; i++) b.onFailure();
    expect(b.tryRetry(0)).toBe(DENIED);
    for (let i = 0; i < 89; i++) b.onSuccess();
    expect(b.level(0)).toBeCloseTo((100 * 11) / 100, 9); // 11 failures of the last 100
    expect(b.tryRetry(0)).toBe(DENIED);
    b.onSuccess(); // 10 of the last 100: at the threshold, still open (Resilience4j trips at ≥)
    expect(b.tryRetry(0)).toBe(DENIED);
    b.onSuccess();
    expect(b.tryRetry(0)).toBe(0);
  });
});

describe('closed load generators (thinkTimeMs 0)', () => {
  it('keep exactly one request per user outstanding: throughput = users / service time', () => {
    const sim = traced(
      scenario(
        [
          { id: 'gen', type: 'producer', rate: 0, users: 4, thinkTimeMs: 0 },
          { id: 'q', type: 'queue', capacity: null },
          { id: 'server', type: 'service', concurrency: 8, serviceTime: { dist: 'constant', ms: 10 } },
        ],
        [
          ['gen', 'q'],
          ['q', 'server'],
        ],
      ),
    );
    sim.runUntil(10_000);
    const r = sim.report();
    // 4 users, 10 ms each, no pause: 400/s, every latency exactly 10 ms, never a queue.
    expect(r.endToEnd.completed).toBe(4 * 1000);
    expect(r.endToEnd.maxLatencyMs).toBe(10);
    expect(num(r.nodes.q!.maxDepth)).toBe(0);
  });

  it('do not loop at one instant when refused on the spot: they wait 1 ms', () => {
    const sim = traced(
      scenario(
        [
          { id: 'gen', type: 'producer', rate: 0, users: 3, thinkTimeMs: 0 },
          { id: 'full', type: 'queue', capacity: 0 },
          { id: 'never', type: 'service', concurrency: 1, serviceTime: { dist: 'constant', ms: 1e9 } },
        ],
        [
          ['gen', 'full'],
          ['full', 'never'],
        ],
      ),
    );
    sim.runUntil(1000);
    const r = sim.report();
    // One user holds the only worker; the other two are refused every millisecond.
    expect(r.totals.refused).toBeGreaterThanOrEqual(2 * 999);
    expect(r.totals.refused).toBeLessThanOrEqual(2 * 1001);
    expect(r.simulatedMs).toBe(1000);
  });
});
