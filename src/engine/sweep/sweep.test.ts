import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation, parseScenario, type Scenario } from '../index';
import { axisValues, planSweep, pointScenario, replicateSeed, splitKey, type SweepPlan } from './plan';
import { numericParams } from './params';
import { meanCi, runPoint, trimReport } from './aggregate';
import { SweepCollector } from './collect';
import { findKnees } from './knee';
import { MAX_SWEEP_RUNS } from './settings';

function scenario(extra: Partial<Record<string, unknown>> = {}): Scenario {
  const r = parseScenario({
    version: 1,
    seed: 7,
    durationMs: 5000,
    nodes: [
      { id: 'clients', type: 'producer', rate: 50, arrival: 'poisson' },
      { id: 'buffer', type: 'queue', capacity: 20, overflow: 'drop-newest' },
      { id: 'workers', type: 'service', concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 10 } },
    ],
    edges: [
      { from: 'clients', to: 'buffer' },
      { from: 'buffer', to: 'workers' },
    ],
    ...extra,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function plan(s: Scenario, input: Parameters<typeof planSweep>[1]): SweepPlan {
  const r = planSweep(s, input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function refusal(s: Scenario, input: Parameters<typeof planSweep>[1]): string {
  const r = planSweep(s, input);
  if (r.ok) throw new Error('expected a refusal');
  return r.issues.map((i) => `${i.path}: ${i.message}`).join('\n');
}

describe('numeric parameters', () => {
  it('lists the numbers of a node from its schema, nested ones as dotted paths, and no text or choices', () => {
    const s = scenario();
    const fields = (id: string) => numericParams(s.nodes.find((n) => n.id === id)!).map((p) => p.field);
    expect(fields('clients')).toEqual(expect.arrayContaining(['rate', 'deadlineMs']));
    expect(fields('clients')).not.toContain('arrival');
    expect(fields('buffer')).toEqual(expect.arrayContaining(['capacity', 'blockTimeoutMs', 'maxAgeMs']));
    expect(fields('workers')).toEqual(expect.arrayContaining(['concurrency', 'serviceTime.meanMs', 'errorRate']));
    const conc = numericParams(s.nodes[2]!).find((p) => p.field === 'concurrency')!;
    expect(conc).toMatchObject({ int: true, min: 1, max: 10000, current: 1 });
  });
});

describe('sweep planner', () => {
  const s = scenario();

  it('linear steps include both ends, evenly spaced', () => {
    expect(axisValues({ from: 0, to: 100, steps: 5, log: false }, false)).toEqual([0, 25, 50, 75, 100]);
    expect(axisValues({ from: 0.1, to: 0.3, steps: 3, log: false }, false)).toEqual([0.1, 0.2, 0.3]);
    expect(axisValues({ from: 100, to: 0, steps: 3, log: false }, false)).toEqual([100, 50, 0]);
  });

  it('log steps are evenly spaced in ratio', () => {
    expect(axisValues({ from: 1, to: 1000, steps: 4, log: true }, false)).toEqual([1, 10, 100, 1000]);
    const v = axisValues({ from: 3, to: 300, steps: 7, log: true }, false);
    for (let i = 1; i < v.length; i++) expect(v[i]! / v[i - 1]!).toBeCloseTo(Math.pow(100, 1 / 6), 2);
  });

  it('a whole-number field gets whole numbers, without repeats', () => {
    expect(axisValues({ from: 1, to: 3, steps: 5, log: false }, true)).toEqual([1, 2, 3]);
    const p = plan(s, { vary: [{ node: 'workers', field: 'concurrency', from: 1, to: 8, steps: 8 }] });
    expect(p.axes[0]!.values).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('a grid has every pair, the first parameter varying fastest', () => {
    const p = plan(s, {
      vary: [
        { node: 'clients', field: 'rate', from: 10, to: 30, steps: 3 },
        { node: 'buffer', field: 'capacity', from: 5, to: 10, steps: 2 },
      ],
      seeds: 2,
    });
    expect(p.points.map((x) => [x.values['clients.rate'], x.values['buffer.capacity']])).toEqual([
      [10, 5],
      [20, 5],
      [30, 5],
      [10, 10],
      [20, 10],
      [30, 10],
    ]);
    expect(p.runs).toBe(12);
  });

  it('seeds: the first is the scenario seed, the others derived from it alone (the same at every point)', () => {
    const p = plan(s, { vary: [{ node: 'clients', field: 'rate', from: 10, to: 30, steps: 3 }], seeds: 5 });
    expect(p.seeds[0]).toBe(7);
    expect(new Set(p.seeds).size).toBe(5);
    expect(p.seeds).toEqual([0, 1, 2, 3, 4].map((k) => replicateSeed(7, k)));
    const other = plan(scenario({ seed: 8 }), { vary: [{ node: 'buffer', field: 'capacity', from: 1, to: 9, steps: 9 }], seeds: 5 });
    expect(other.seeds[0]).toBe(8);
    expect(other.seeds.slice(1).some((x) => p.seeds.includes(x))).toBe(false);
    for (const x of p.seeds) expect(Number.isSafeInteger(x) && x >= 0).toBe(true);
  });

  it('refuses what it cannot run, naming what is wrong', () => {
    const one = (v: Record<string, unknown>) => refusal(s, { vary: [{ node: 'clients', field: 'rate', from: 1, to: 10, steps: 3, ...v }] as never });
    expect(one({ node: 'nope' })).toMatch(/no node with id "nope".*"clients", "buffer", "workers"/);
    expect(one({ field: 'arrival' })).toMatch(/"arrival" is not a numeric parameter of producer "clients"/);
    expect(one({ field: 'speed' })).toMatch(/producer "clients" has no parameter "speed"; its numeric parameters: rate/);
    expect(one({ node: 'workers', field: 'concurrency', from: 0, to: 4 })).toMatch(/0 is outside workers\.concurrency's valid values \(1 to 10000\)/);
    expect(one({ node: 'workers', field: 'errorRate', from: 0, to: 2 })).toMatch(/2 is outside workers\.errorRate/);
    expect(one({ node: 'workers', field: 'serviceTime.meanMs', from: 0, to: 4 })).toMatch(/serviceTime\.meanMs = 0 is refused: .*must be > 0/);
    expect(one({ node: 'buffer', field: 'capacity', from: 1.5, to: 4 })).toMatch(/buffer\.capacity takes whole numbers; got 1\.5/);
    expect(one({ from: 0, to: 10, log: true })).toMatch(/log steps need from and to > 0/);
    expect(one({ from: 5, to: 5 })).toMatch(/nothing to sweep/);
    expect(one({ steps: 51 })).toMatch(/at most 50 steps/);
    expect(one({ steps: 1 })).toMatch(/at least 2 steps/);
    expect(
      refusal(s, {
        vary: [
          { node: 'clients', field: 'rate', from: 1, to: 50, steps: 50 },
          { node: 'buffer', field: 'capacity', from: 1, to: 50, steps: 50 },
        ],
        seeds: 2,
      }),
    ).toMatch(new RegExp(`50 x 50 points x 2 seeds = 5000 runs; at most ${MAX_SWEEP_RUNS}`));
    expect(refusal(s, { vary: [{ node: 'clients', field: 'rate', from: 1, to: 5, steps: 3 }], seeds: 21 })).toMatch(/at most 20 seeds/);
  });

  it('finds the node of NODE.FIELD when node ids have dots', () => {
    expect(splitKey('api.v2.rate', [{ id: 'api' }, { id: 'api.v2' }])).toEqual({ node: 'api.v2', field: 'rate' });
    expect(splitKey('api.rate', [{ id: 'api' }])).toEqual({ node: 'api', field: 'rate' });
    expect(splitKey('web.rate', [{ id: 'api' }])).toBeNull();
  });

  it('a sweep is part of a scenario file: its settings validate with the design', () => {
    const ok = parseScenario({ ...s, sweep: { vary: [{ node: 'clients', field: 'rate', from: 10, to: 90, steps: 9 }], seeds: 3, durationMs: 60000 } });
    expect(ok.ok).toBe(true);
    const bad = parseScenario({ ...s, sweep: { vary: [{ node: 'clients', field: 'rate', from: 10, to: 90, steps: 99 }] } });
    expect(bad.ok ? '' : bad.issues[0]!.path + ' ' + bad.issues[0]!.message).toMatch(/sweep\.vary\[0\]\.steps.*at most 50 steps/);
  });
});

describe('sweep points', () => {
  const s = scenario();

  it('a point is exactly the single run of the design with that value and that seed (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 150 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 1000 }), (rate, cap, k, seed) => {
        const base = { ...s, seed };
        const p = plan(base, {
          vary: [
            { node: 'clients', field: 'rate', from: rate, to: rate + 10, steps: 2 },
            { node: 'buffer', field: 'capacity', from: cap, to: cap + 1, steps: 2 },
          ],
          seeds: 3,
          durationMs: 3000,
        });
        const viaSweep = runPoint(p, 0, k);
        // The same design written by hand, run the ordinary way.
        const byHand = { ...base, durationMs: 3000, nodes: base.nodes.map((n) => (n.id === 'clients' ? { ...n, rate } : n.id === 'buffer' ? { ...n, capacity: cap } : n)) } as Scenario;
        const sim = createSimulation(byHand, { seed: p.seeds[k] });
        sim.runToEnd();
        expect(viaSweep).toEqual(trimReport(sim.report(0)));
        if (k === 0) expect(p.seeds[0]).toBe(seed);
      }),
      { numRuns: 15 },
    );
  });

  it('the point scenario changes only the swept fields and the duration', () => {
    const p = plan(s, { vary: [{ node: 'workers', field: 'serviceTime.meanMs', from: 5, to: 20, steps: 4 }], durationMs: 1000 });
    const ps = pointScenario(p, { 'workers.serviceTime.meanMs': 15 });
    expect(ps.nodes[2]).toEqual({ ...s.nodes[2], serviceTime: { dist: 'exponential', meanMs: 15 } });
    expect(ps.nodes[0]).toBe(s.nodes[0]);
    expect(ps.durationMs).toBe(1000);
  });

  it('results do not depend on the order runs finish in', () => {
    const p = plan(s, { vary: [{ node: 'clients', field: 'rate', from: 20, to: 120, steps: 3 }], seeds: 3, durationMs: 2000 });
    const reports = Array.from({ length: p.runs }, (_, r) => runPoint(p, Math.floor(r / 3), r % 3));
    const inOrder = new SweepCollector(p);
    reports.forEach((rep, r) => inOrder.add(r, rep));
    const shuffled = new SweepCollector(p);
    const order = [5, 0, 8, 3, 1, 7, 2, 6, 4];
    const emitted: number[] = [];
    for (const r of order) {
      const done = shuffled.add(r, reports[r]!);
      if (done) emitted.push(done.index);
    }
    expect(emitted).toEqual([0, 2, 1]);
    expect(shuffled.results()).toEqual(inOrder.results());
  });

  it('sums up seeds as mean and 95% half-width, and shares lost by reason', () => {
    const m = meanCi([1, 2, 3]);
    expect(m.mean).toBe(2);
    expect(m.ci95).toBeCloseTo((4.303 * 1) / Math.sqrt(3), 6);
    expect(meanCi([4]).ci95).toBeNaN();
    expect(meanCi([NaN, 2, 4]).mean).toBe(3);
    const p = plan(s, { vary: [{ node: 'clients', field: 'rate', from: 50, to: 300, steps: 2 }], seeds: 3, durationMs: 5000 });
    const c = new SweepCollector(p);
    let last = null;
    for (let r = 0; r < p.runs; r++) last = c.add(r, runPoint(p, Math.floor(r / 3), r % 3)) ?? last;
    const runs = [3, 4, 5].map((r) => runPoint(p, 1, r - 3));
    const produced = runs.map((x) => x.totals.produced);
    expect(last!.mean.totals.produced).toBeCloseTo(produced.reduce((a, b) => a + b) / 3, 9);
    expect(last!.ci95.totals.produced).toBeCloseTo(meanCi(produced).ci95, 9);
    // 300 items/s into 100/s of service: about two thirds refused, all as "queue-full".
    expect(last!.figures.mean.lostBy['queue-full']).toBeGreaterThan(0.6);
    expect(last!.figures.mean.lost).toBeCloseTo(last!.figures.mean.lostBy['queue-full']!, 9);
    expect(last!.mean.reasons['queue-full']!.status).toBe(503);
    expect(last!.figures.mean.busiestId).toBe('workers');
    expect(last!.figures.mean.busiest).toBeGreaterThan(0.95);
  });
});

describe('knees', () => {
  it('p99: the lowest value whose p99 is over twice the first; goodput: where its slope collapses', () => {
    const k = findKnees({ values: [10, 20, 30, 40, 50, 60], p99: [10, 12, 19, 25, 80, 90], goodput: [10, 20, 30, 39, 39.5, 39.6] });
    expect(k.p99).toBe(40);
    expect(k.goodput).toBe(40);
    expect(findKnees({ values: [1, 2, 3], p99: [10, 11, 12], goodput: [1, 2, 3] })).toEqual({ p99: null, goodput: null });
    expect(findKnees({ values: [1, 2, 3], p99: [NaN, 11, 12], goodput: [0, 0, 0] })).toEqual({ p99: null, goodput: null });
  });
});
