import { describe, expect, it } from 'vitest';
import { scenario, traced } from '../testing/build';
import type { NodeInput } from '../index';

// A sink that takes no time: every item completes the instant it arrives, so the trace shows
// exactly when the producer emitted it.
const sink: NodeInput = { id: 'sink', type: 'service', concurrency: 1000, serviceTime: { dist: 'constant', ms: 0 } };
const withProducer = (p: Partial<Extract<NodeInput, { type: 'producer' }>>) =>
  scenario([{ id: 'p', type: 'producer', rate: 10, ...p }, sink], [['p', 'sink']]);
const arrivalTimes = (p: Partial<Extract<NodeInput, { type: 'producer' }>>, untilMs: number) => {
  const sim = traced(withProducer(p));
  sim.runUntil(untilMs);
  return sim.trace.map(([t]) => t);
};

describe('producer arrivals', () => {
  it('"constant" emits evenly spaced items, the first one interval after t=0', () => {
    expect(arrivalTimes({ rate: 4, arrival: 'constant' }, 1000)).toEqual([250, 500, 750, 1000]);
  });

  it('"poisson" emits rate x time items on average, with Poisson scatter', () => {
    const n = arrivalTimes({ rate: 1000, arrival: 'poisson' }, 100_000).length;
    // Expected 100,000, standard deviation sqrt(100,000) = 316; allow 4 of them.
    expect(Math.abs(n - 100_000)).toBeLessThan(4 * 316);
  });

  it('"poisson" gaps are exponential: as many gaps above the mean as the theory says (e^-1)', () => {
    const t = arrivalTimes({ rate: 100, arrival: 'poisson' }, 200_000);
    const gaps = t.slice(1).map((x, i) => x - t[i]!);
    const above = gaps.filter((g) => g > 10).length / gaps.length;
    // Binomial standard error sqrt(p(1-p)/n) with n about 20,000 is 0.0034; allow 4 of them.
    expect(Math.abs(above - Math.exp(-1))).toBeLessThan(4 * 0.0034);
  });

  it('"bursty" sends during on periods only, keeping the mean rate', () => {
    const t = arrivalTimes({ rate: 100, arrival: 'bursty', burst: { onMs: 1000, offMs: 3000 } }, 100_000);
    expect(t.every((x) => x % 4000 < 1000)).toBe(true);
    // Mean 10,000 items; in on periods the rate is 400/s. sd = sqrt(10,000) = 100; allow 4.
    expect(Math.abs(t.length - 10_000)).toBeLessThan(400);
  });

  it('follows a rate profile: a flash sale of 10k/s for 30 s on top of 100/s', () => {
    const t = arrivalTimes(
      {
        rate: 100,
        arrival: 'constant',
        profile: [
          { atMs: 30_000, rate: 10_000 },
          { atMs: 60_000, rate: 100 },
        ],
      },
      90_000,
    );
    const between = (a: number, b: number) => t.filter((x) => x > a && x <= b).length;
    expect(between(0, 30_000)).toBe(3000);
    expect(between(30_000, 60_000)).toBeGreaterThanOrEqual(299_999);
    expect(between(30_000, 60_000)).toBeLessThanOrEqual(300_000);
    expect(between(60_000, 90_000)).toBeGreaterThanOrEqual(2999);
  });

  it('ramps linearly: 0 → 1000/s over 10 s gives half the items of a flat 1000/s', () => {
    const t = arrivalTimes({ rate: 0, arrival: 'poisson', profile: [{ atMs: 0, rate: 1000, rampMs: 10_000 }] }, 10_000);
    // Expected 5,000 (the area under the ramp), sd about 71; allow 4 of them.
    expect(Math.abs(t.length - 5000)).toBeLessThan(4 * 71);
    // The second half of the ramp carries three times the first half's items.
    const first = t.filter((x) => x <= 5000).length;
    expect((t.length - first) / first).toBeGreaterThan(2.5);
    expect((t.length - first) / first).toBeLessThan(3.5);
  });

  it('mixes priority classes in the given shares', () => {
    const sim = traced(withProducer({ rate: 1000, priorities: { critical: 1, batch: 3 } }));
    const counts = [0, 0, 0, 0, 0];
    sim.sim.tracer = null;
    const items = sim.sim.items;
    const orig = sim.sim.finish.bind(sim.sim);
    sim.sim.finish = (item, outcome, at) => {
      counts[items.cls[item]!]!++;
      orig(item, outcome, at);
    };
    sim.runUntil(40_000);
    const n = counts.reduce((a, b) => a + b);
    expect(counts[1]! + counts[2]! + counts[3]!).toBe(0);
    // 25% critical; binomial standard error sqrt(.25 x .75 / 40,000) = 0.0022; allow 4.
    expect(Math.abs(counts[0]! / n - 0.25)).toBeLessThan(4 * 0.0022);
  });

  it('a live rate change applies from that instant', () => {
    const sim = traced(withProducer({ rate: 10, arrival: 'constant' }));
    sim.runUntil(1000);
    sim.setParams('p', { rate: 100 });
    sim.runUntil(1050);
    expect(sim.trace.map(([t]) => t).slice(-7)).toEqual([900, 1000, 1010, 1020, 1030, 1040, 1050]);
  });

  it('an unconnected producer produces nothing', () => {
    const sim = traced(scenario([{ id: 'lonely', type: 'producer', rate: 100 }]));
    sim.runUntil(10_000);
    expect(sim.report().nodes.lonely!.produced).toBe(0);
  });
});

describe('closed-loop producer, live edits', () => {
  const closed = () =>
    traced(
      scenario(
        [
          { id: 'p', type: 'producer', rate: 0, users: 10, thinkTimeMs: 100 },
          { id: 's', type: 'service', concurrency: 100, serviceTime: { dist: 'constant', ms: 50 } },
        ],
        [['p', 's']],
      ),
    );

  it('fewer users means proportionally fewer requests', () => {
    const sim = closed();
    sim.runUntil(10_000);
    const before = sim.report().nodes.p!.produced as number;
    sim.setParams('p', { users: 5 });
    sim.runUntil(20_000);
    const after = (sim.report().nodes.p!.produced as number) - before;
    // 10 users cycling every ~150 ms make ~667 requests in 10 s; 5 users about half that.
    expect(after / before).toBeGreaterThan(0.4);
    expect(after / before).toBeLessThan(0.6);
  });

  it('switching to open loop stops the users; switching back starts the new number', () => {
    const sim = closed();
    sim.runUntil(5_000);
    sim.setParams('p', { users: undefined, rate: 0 });
    const stopped = sim.report().nodes.p!.produced as number;
    sim.runUntil(10_000);
    expect(sim.report().nodes.p!.produced).toBe(stopped);
    sim.setParams('p', { users: 2 });
    sim.runUntil(20_000);
    const two = (sim.report().nodes.p!.produced as number) - stopped;
    // 2 users, one request per ~150 ms each: about 133 in 10 s.
    expect(two).toBeGreaterThan(100);
    expect(two).toBeLessThan(170);
  });
});
