import { describe, expect, it } from 'vitest';
import { createSimulation, F, F_STRIDE, G, G_STRIDE, REASON_SLOTS, REASONS } from './index';
import { scenario } from './testing/build';

const s = scenario(
  [
    { id: 'users', type: 'producer', rate: 180, priorities: { high: 1, batch: 1 } },
    { id: 'client', type: 'client', timeoutMs: 150, maxAttempts: 3 },
    { id: 'q', type: 'queue', capacity: 40, discipline: 'priority', agingMs: 200 },
    { id: 'api', type: 'service', concurrency: 2, serviceTime: { dist: 'lognormal', meanMs: 9, sigma: 1 }, errorRate: 0.01 },
  ],
  [
    ['users', 'client'],
    ['client', 'q'],
    ['q', 'api'],
  ],
  { durationMs: 60_000 },
);

describe('a run is a function of scenario and seed only', () => {
  it('gives the same report whatever the sampling interval and however the run is sliced', () => {
    const whole = createSimulation(s, { sampleIntervalMs: 1000 });
    whole.runToEnd();
    const sliced = createSimulation(s, { sampleIntervalMs: 37 });
    let t = 0;
    let n = 0;
    while (t < 60_000) {
      t = Math.min(60_000, t + 1 + ((n++ * 7919) % 2500));
      sliced.runUntil(t, 1 + ((n * 104729) % 5000)); // sometimes stops early on the event cap
      sliced.snapshot(); // looking must not change anything
      t = sliced.now;
    }
    sliced.runUntil(60_000);
    expect(sliced.report()).toEqual(whole.report());
  });
});

describe('the snapshot carries what the report counts', () => {
  it('has goodput, timeouts and every reason counter at the same instant as the report', () => {
    const sim = createSimulation(s);
    sim.runUntil(20_000);
    const snap = sim.snapshot();
    const r = sim.report();
    expect(snap[G.goodput]).toBe(r.totals.goodput);
    expect(snap[G.timedOut]).toBe(r.totals.timedOut);
    const fromSnapshot: Record<string, number> = {};
    REASONS.forEach((reason, i) => {
      const count = snap[G.reasons + i]!;
      if (count > 0) fromSnapshot[reason.code] = count;
    });
    const fromReport = Object.fromEntries(Object.entries(r.reasons).map(([code, v]) => [code, v.count]));
    expect(Object.keys(fromReport).length).toBeGreaterThan(1); // the scenario loses work for several reasons
    expect(fromSnapshot).toEqual(fromReport);
    expect(REASONS.length).toBeLessThanOrEqual(REASON_SLOTS);
  });
});

describe('the report’s latency quantiles', () => {
  it('gives p90 beside p50/p99/p999, end to end and per priority class, the classes adding up', () => {
    const sim = createSimulation(
      scenario(
        [
          { id: 'users', type: 'producer', rate: 90, priorities: { critical: 1, batch: 1 } },
          { id: 'q', type: 'queue', capacity: null, discipline: 'priority' },
          { id: 'api', type: 'service', concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 10 } },
        ],
        [
          ['users', 'q'],
          ['q', 'api'],
        ],
        { durationMs: 120_000 },
      ),
    );
    sim.runToEnd();
    const e = sim.report().endToEnd;
    expect(e.p50LatencyMs).toBeLessThan(e.p90LatencyMs);
    expect(e.p90LatencyMs).toBeLessThan(e.p99LatencyMs);
    expect(e.p99LatencyMs).toBeLessThanOrEqual(e.p999LatencyMs);
    expect(Object.keys(e.byPriority).sort()).toEqual(['batch', 'critical']);
    const crit = e.byPriority.critical!, batch = e.byPriority.batch!;
    expect(crit.completed + batch.completed).toBe(e.completed);
    expect(crit.meanLatencyMs * crit.completed + batch.meanLatencyMs * batch.completed).toBeCloseTo(e.meanLatencyMs * e.completed, 3);
    // Non-preemptive priority at rho 0.9 (Cobham): the critical class waits far less than batch.
    expect(crit.p99LatencyMs * 3).toBeLessThan(batch.p99LatencyMs);
    const q = sim.report().nodes.q!;
    expect(q.p50WaitMs as number).toBeLessThanOrEqual(q.p90WaitMs as number);
    expect(q.p90WaitMs as number).toBeLessThanOrEqual(q.p99WaitMs as number);
  });
});

describe('a window with no completions has no latency', () => {
  it('carries NaN (a gap), never 0, for the system and the node, until something completes again', () => {
    // One item every 100 ms into a worker that takes 3 s each: a completion every 3 s, none between.
    const slow = scenario(
      [
        { id: 'users', type: 'producer', rate: 10, arrival: 'constant' },
        { id: 'q', type: 'queue', capacity: null },
        { id: 'api', type: 'service', concurrency: 1, serviceTime: { dist: 'constant', ms: 3000 } },
      ],
      [
        ['users', 'q'],
        ['q', 'api'],
      ],
      { durationMs: 20_000 },
    );
    const sim = createSimulation(slow, { sampleIntervalMs: 250 });
    const api = G_STRIDE + 2 * F_STRIDE;
    const seen = { gap: 0, value: 0 };
    let done = 0;
    for (let t = 250; t <= 12_000; t += 250) {
      sim.runUntil(t);
      const snap = sim.snapshot();
      const completedInWindow = snap[api + F.completed]! - done;
      done = snap[api + F.completed]!;
      for (const f of [snap[G.e2eP50]!, snap[G.e2eP99]!, snap[api + F.latP50]!, snap[api + F.latP99]!]) {
        if (completedInWindow === 0) expect(f).toBeNaN();
        else expect(f).toBeGreaterThan(0);
      }
      if (completedInWindow === 0) seen.gap++;
      else seen.value++;
    }
    // Both kinds of window happened: 3 completions in 12 s, the rest of the 48 windows empty.
    expect(seen.value).toBeGreaterThanOrEqual(3);
    expect(seen.gap).toBeGreaterThan(30);
  });
});
