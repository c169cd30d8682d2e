import { describe, expect, it } from 'vitest';
import { createSimulation, G, REASON_SLOTS, REASONS } from './index';
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
