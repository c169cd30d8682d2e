import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../kernel/rng';
import { scenario, traced } from '../testing/build';
import { backoffDelay } from './caller';
import type { NodeInput } from '../index';

const num = (v: unknown) => v as number;

describe('backoff and jitter (AWS "Exponential Backoff and Jitter")', () => {
  const base = { baseMs: 100, capMs: 5000, multiplier: 2 };
  const expo = (n: number) => Math.min(5000, 100 * 2 ** (n - 1));

  it('"none" sleeps expo(n) = min(cap, base * 2^n)', () => {
    const rng = new Rng(1, 'b');
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay({ ...base, jitter: 'none' }, n, 0, rng))).toEqual([100, 200, 400, 800, 1600, 3200, 5000]);
  });

  it('"full" sleeps U(0, expo), "equal" expo/2 + U(0, expo/2), "decorrelated" min(cap, U(base, prev * 3))', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.double({ min: 100, max: 5000, noNaN: true }), fc.integer({ min: 0, max: 1000 }), (n, prev, seed) => {
        const rng = new Rng(seed, 'jitter');
        const full = backoffDelay({ ...base, jitter: 'full' }, n, prev, rng);
        expect(full).toBeGreaterThanOrEqual(0);
        expect(full).toBeLessThanOrEqual(expo(n));
        const equal = backoffDelay({ ...base, jitter: 'equal' }, n, prev, rng);
        expect(equal).toBeGreaterThanOrEqual(expo(n) / 2);
        expect(equal).toBeLessThanOrEqual(expo(n));
        const dec = backoffDelay({ ...base, jitter: 'decorrelated' }, n, prev, rng);
        expect(dec).toBeGreaterThanOrEqual(100);
        expect(dec).toBeLessThanOrEqual(Math.min(5000, prev * 3));
      }),
    );
  });
});

/** producer → client → service, the service failing with probability p. */
function flaky(p: number, client: Partial<Extract<NodeInput, { type: 'client' }>>, rate = 200) {
  return scenario(
    [
      { id: 'users', type: 'producer', rate },
      { id: 'client', type: 'client', backoff: { baseMs: 1, capMs: 1, multiplier: 1, jitter: 'none' }, ...client },
      { id: 'backend', type: 'service', concurrency: 1000, serviceTime: { dist: 'constant', ms: 5 }, errorRate: p },
    ],
    [
      ['users', 'client'],
      ['client', 'backend'],
    ],
  );
}

describe('client retries', () => {
  it('with failure probability p and N retries: success = 1 - p^(N+1), attempts per request = 1 + p + ... + p^N', () => {
    const p = 0.3;
    const N = 2;
    const sim = traced(flaky(p, { maxAttempts: N + 1 }));
    sim.runUntil(200_000);
    const r = sim.report();
    const c = r.nodes.client!;
    const n = num(c.requests);
    const success = num(c.completed) / (num(c.completed) + num(c.failed));
    const wantSuccess = 1 - p ** (N + 1);
    // Binomial standard error over ~40,000 requests; allow 4 of them.
    expect(Math.abs(success - wantSuccess)).toBeLessThan(4 * Math.sqrt((wantSuccess * (1 - wantSuccess)) / n));
    const wantLoad = 1 + p + p ** 2;
    // Attempts per request is 1 + Bernoulli(p) + Bernoulli(p^2); its variance is below 1; allow 4 SE.
    expect(Math.abs(num(c.amplification) - wantLoad)).toBeLessThan(4 / Math.sqrt(n));
    expect(num(r.nodes.backend!.arrived)).toBe(num(c.attempts));
  });

  it('3 retries at each of 3 layers amplify a hard failure 64x (Google SRE)', () => {
    const call = { maxAttempts: 4, backoff: { baseMs: 1, capMs: 1, multiplier: 1, jitter: 'none' as const } };
    const sim = traced(
      scenario(
        [
          { id: 'users', type: 'producer', rate: 1, arrival: 'constant' },
          { id: 'client', type: 'client', ...call },
          { id: 'frontend', type: 'service', concurrency: 100, serviceTime: { dist: 'constant', ms: 1 }, call },
          { id: 'backend', type: 'service', concurrency: 100, serviceTime: { dist: 'constant', ms: 1 }, call },
          { id: 'database', type: 'service', concurrency: 100, serviceTime: { dist: 'constant', ms: 1 }, errorRate: 1 },
        ],
        [
          ['users', 'client'],
          ['client', 'frontend'],
          ['frontend', 'backend', 'call'],
          ['backend', 'database', 'call'],
        ],
      ),
    );
    sim.runUntil(10_500); // requests at 1 s, 2 s, ... 10 s; each chain of 64 attempts is over in < 500 ms
    const r = sim.report().nodes;
    expect(num(r.users!.produced)).toBe(10);
    expect(num(r.database!.arrived)).toBe(640);
    expect(num(r.client!.failed)).toBe(10);
  });
});

describe('retry budgets', () => {
  it('"percent" (Finagle): retries never exceed percentCanRetry of requests plus the floor, over any ttl', () => {
    const sim = traced(
      flaky(1, { maxAttempts: 5, retryBudget: { kind: 'percent', percentCanRetry: 0.2, minRetriesPerSec: 1, ttlMs: 10_000 } }, 100),
    );
    // Sample the counters every ttl: in each window retries <= 0.2 * requests + 1/s * 10 s.
    let prev = { requests: 0, retries: 0 };
    for (let t = 10_000; t <= 100_000; t += 10_000) {
      sim.runUntil(t);
      const c = sim.report().nodes.client!;
      const requests = num(c.requests) - prev.requests;
      const retries = num(c.retries) - prev.retries;
      expect(retries).toBeLessThanOrEqual(0.2 * requests + 10 + 1);
      prev = { requests: num(c.requests), retries: num(c.retries) };
    }
    const c = sim.report().nodes.client!;
    expect(num(c.amplification)).toBeLessThan(1.25); // without a budget it would be 5
    expect(num(c.retriesDeniedByBudget)).toBeGreaterThan(0);
  });

  it('"token-bucket" (gRPC retry throttling): no retries once failures have drained the tokens to half', () => {
    const sim = traced(flaky(1, { maxAttempts: 3, retryBudget: { kind: 'token-bucket', maxTokens: 10, tokenRatio: 0.1 } }, 10));
    sim.runUntil(100_000);
    const c = sim.report().nodes.client!;
    // Every attempt fails and costs a token: from 10, retries stop at 5 tokens: about 5 retries in all.
    expect(num(c.retries)).toBeLessThanOrEqual(5);
    expect(num(c.retryBudgetLevel)).toBe(0);
  });
});

describe('timeouts, deadlines and wasted work', () => {
  // 4 requests/s into a backend that serves 5/s, with a 5-second spike to 12/s: a backlog forms.
  const spike = (honorDeadlines: boolean, client: Partial<Extract<NodeInput, { type: 'client' }>> = { timeoutMs: 1000 }) => {
    const sim = traced(
      scenario(
        [
          { id: 'users', type: 'producer', rate: 4, profile: [{ atMs: 5000, rate: 12 }, { atMs: 10_000, rate: 4 }] },
          { id: 'client', type: 'client', ...client },
          { id: 'q', type: 'queue', capacity: null },
          { id: 'backend', type: 'service', concurrency: 1, serviceTime: { dist: 'constant', ms: 200 }, honorDeadlines },
        ],
        [
          ['users', 'client'],
          ['client', 'q'],
          ['q', 'backend'],
        ],
      ),
    );
    sim.runUntil(60_000);
    return sim.report();
  };

  it('a client stops waiting after timeoutMs; a backend that ignores deadlines serves the stale backlog anyway', () => {
    const r = spike(false);
    const backend = r.nodes.backend!, client = r.nodes.client!;
    // Most of what the backend serves after the spike is for callers that already gave up...
    expect(num(backend.wasted)).toBeGreaterThan(num(backend.completed) / 2);
    expect(num(client.lateAnswers)).toBeGreaterThan(100);
    // ...so fresh requests queue behind stale ones and time out too, long after the spike ended.
    expect(r.totals.timedOut).toBeGreaterThan(r.totals.completed);
    expect(r.totals.timedOut).toBe(num(client.failed));
  });

  it('a backend that honours the propagated deadline drops stale calls and recovers at once', () => {
    const careless = spike(false);
    const careful = spike(true);
    expect(num(careful.nodes.backend!.expired)).toBeGreaterThan(0);
    expect(num(careful.nodes.backend!.wasted)).toBeLessThan(num(careless.nodes.backend!.wasted) / 4);
    expect(careful.totals.completed).toBeGreaterThan(3 * careless.totals.completed);
  });

  it('goodput counts only answers within the deadline', () => {
    const r = spike(false, { deadlineMs: 1000 }); // no timeout: the client waits, but the deadline says 1 s
    expect(r.totals.completed).toBeGreaterThan(r.totals.goodput);
    expect(r.totals.goodput).toBeGreaterThan(0);
    // The client in front counts the same: its own answers in time, beside all its answers.
    const client = Object.values(r.nodes).find((n) => n.type === 'client')!;
    expect(client.goodput).toBe(r.totals.goodput);
    expect(num(client.completed)).toBeGreaterThan(num(client.goodput));
  });
});

describe('429 and Retry-After', () => {
  const limited = (respectRetryAfter: boolean) =>
    scenario(
      [
        { id: 'users', type: 'producer', rate: 50, arrival: 'constant' },
        { id: 'client', type: 'client', maxAttempts: 3, respectRetryAfter, backoff: { baseMs: 1, capMs: 1, multiplier: 1, jitter: 'none' } },
        { id: 'api', type: 'service', concurrency: 100, serviceTime: { dist: 'constant', ms: 1 }, call: { maxAttempts: 1 } },
        { id: 'limit', type: 'rate-limiter', rate: 10, burst: 5 },
        { id: 'db', type: 'service', concurrency: 100, serviceTime: { dist: 'constant', ms: 1 } },
      ],
      [
        ['users', 'client'],
        ['client', 'api'],
        ['api', 'limit', 'call'],
        ['limit', 'db'],
      ],
    );

  it('a 429 from deep in a chain reaches the client as a 429 with its Retry-After', () => {
    const sim = traced(limited(true));
    const seen: [string, number][] = [];
    sim.sim.tracer = (e, reason, retryAfterMs) => {
      if (e[2] === 'refused' && sim.sim.items) seen.push([e[3], retryAfterMs]);
      void reason;
    };
    sim.runUntil(2_000);
    const r = sim.report();
    expect(r.reasons['rate-limited']!.status).toBe(429);
    expect(r.reasons['rate-limited']!.count).toBeGreaterThan(0);
    // Every refusal carries a Retry-After of at most one token interval (100 ms).
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every(([, ra]) => ra > 0 && ra <= 100 + 1e-9)).toBe(true);
  });

  it('respecting Retry-After spaces retries out, so fewer of them hit the limiter again', () => {
    const run = (respect: boolean) => {
      const sim = traced(limited(respect));
      sim.runUntil(20_000);
      return sim.report().nodes.limit!;
    };
    const polite = run(true);
    const impatient = run(false);
    expect(num(polite.rejected)).toBeLessThan(num(impatient.rejected));
  });
});

describe('Google SRE client-side adaptive throttling', () => {
  it('rejects locally with p = (requests - K*accepts)/(requests + 1) when the backend refuses everything', () => {
    const sim = traced(
      scenario(
        [
          { id: 'users', type: 'producer', rate: 100 },
          { id: 'client', type: 'client', adaptiveThrottle: { k: 2, windowMs: 120_000 } },
          { id: 'limit', type: 'rate-limiter', rate: 10, burst: 1 },
          { id: 'backend', type: 'service', concurrency: 100, serviceTime: { dist: 'constant', ms: 1 } },
        ],
        [
          ['users', 'client'],
          ['client', 'limit'],
          ['limit', 'backend'],
        ],
      ),
    );
    // Measure over the second two minutes, once the 2-minute window is full.
    sim.runUntil(120_000);
    const a = sim.report().nodes.client!;
    sim.runUntil(240_000);
    const b = sim.report().nodes.client!;
    const requests = num(b.requests) - num(a.requests);
    const accepts = num(b.completed) - num(a.completed);
    const throttled = num(b.throttledLocally) - num(a.throttledLocally);
    // The rule's fixed point: the share rejected locally is (requests - K * accepts) / (requests + 1),
    // whatever the backend accepts (here a bucket of 1 token: about 5/s of the ~11/s sent).
    const predicted = (requests - 2 * accepts) / (requests + 1);
    expect(Math.abs(throttled / requests - predicted)).toBeLessThan(0.02);
    expect(throttled / requests).toBeGreaterThan(0.8); // most of the doomed load never leaves the client
  });
});

describe('closed-loop users', () => {
  it('obey the interactive response time law: throughput = N / (R + Z)', () => {
    const sim = traced(
      scenario(
        [
          { id: 'users', type: 'producer', rate: 0, users: 20, thinkTimeMs: 500 },
          { id: 'q', type: 'queue', capacity: null },
          { id: 'server', type: 'service', concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 20 } },
        ],
        [
          ['users', 'q'],
          ['q', 'server'],
        ],
      ),
    );
    sim.runUntil(600_000);
    const r = sim.report();
    const X = r.endToEnd.completed / 600; // per s
    const R = r.endToEnd.meanLatencyMs / 1000;
    // An operational law: exact up to the users still thinking or waiting at the end (20 of ~25,000).
    expect(Math.abs(X - 20 / (R + 0.5)) / X).toBeLessThan(0.01);
    // 20 users at one request per ~0.5 s would be 40/s, but the server caps it at 50/s: near saturation.
    expect(num(r.nodes.server!.utilization)).toBeGreaterThan(0.7);
  });
});
