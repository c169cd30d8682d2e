import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario, type ScenarioInput } from './index';

const base = (events: unknown[], durationMs = 60_000): ScenarioInput =>
  ({
    version: 1,
    seed: 3,
    durationMs,
    nodes: [
      { id: 'shop', type: 'producer', rate: 10, arrival: 'constant' },
      { id: 'api', type: 'service', concurrency: 50, serviceTime: { dist: 'constant', ms: 40 } },
    ],
    edges: [{ from: 'shop', to: 'api' }],
    events,
  }) as ScenarioInput;

function run(input: ScenarioInput) {
  const p = parseScenario(input);
  if (!p.ok) throw new Error(p.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const sim = createSimulation(p.value);
  sim.runToEnd();
  return sim;
}

function issuesOf(input: unknown): string[] {
  const p = parseScenario(input);
  return p.ok ? [] : p.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('scripted events: timed changes inside the run', () => {
  it('a load spike: the producer rate changes at its instant and is marked on the timeline', () => {
    const sim = run(base([{ atMs: 30_000, node: 'shop', set: { rate: 100 } }]));
    const r = sim.report();
    // 10/s for 30 s, then 100/s for 30 s (constant arrivals: exact up to the item at each edge).
    expect(r.nodes.shop!.produced).toBeGreaterThanOrEqual(3298);
    expect(r.nodes.shop!.produced).toBeLessThanOrEqual(3301);
    expect(r.timeline).toContainEqual({ atMs: 30_000, node: 'shop', kind: 'scripted' });
    expect(sim.config('shop')).toMatchObject({ rate: 100 });
  });

  it('a dependency slows from 40 ms to 900 ms: later work takes the new service time', () => {
    const sim = run(base([{ atMs: 30_000, node: 'api', set: { serviceTime: { dist: 'constant', ms: 900 } } }]));
    const api = sim.report().nodes.api!;
    // About 300 items at 40 ms, about 300 at 900 ms (those still in service at the end not counted).
    const mean = api.meanServiceMs as number;
    expect(mean).toBeGreaterThan(450);
    expect(mean).toBeLessThan(490);
  });

  it('a node that fails refuses every arrival with 503 "node-down" until it recovers', () => {
    const sim = run(
      base([
        { atMs: 20_000, node: 'api', down: true },
        { atMs: 30_000, node: 'api', down: false },
      ]),
    );
    const r = sim.report();
    // 10 items/s for the 10 s it was down.
    expect(r.reasons['node-down']).toEqual({ status: 503, count: expect.closeTo(100, 0) });
    expect(r.totals.refused).toBe(r.reasons['node-down']!.count);
    expect(r.nodes.api!.completed).toBeGreaterThan(490);
    expect(r.timeline).toEqual([
      { atMs: 20_000, node: 'api', kind: 'node-down' },
      { atMs: 30_000, node: 'api', kind: 'node-up' },
    ]);
  });

  it('events at the same instant apply in list order, later patches over earlier ones', () => {
    const sim = run(
      base([
        { atMs: 10_000, node: 'shop', set: { rate: 50 } },
        { atMs: 10_000, node: 'shop', set: { rate: 20 } },
      ]),
    );
    expect(sim.config('shop')).toMatchObject({ rate: 20 });
  });

  it('gives the same report however the run is sliced (as the worker slices it)', () => {
    const input = base([
      { atMs: 12_345, node: 'shop', set: { rate: 80, arrival: 'poisson' } },
      { atMs: 20_000, node: 'api', down: true },
      { atMs: 25_000, node: 'api', down: false },
    ]);
    const whole = run(input);
    const p = parseScenario(input);
    if (!p.ok) throw new Error('invalid');
    const sliced = createSimulation(p.value);
    for (let t = 0; t < 60_000; ) {
      sliced.runUntil(Math.min(60_000, t + 777), 311); // sometimes stops early on the event cap
      t = sliced.now;
    }
    sliced.runToEnd();
    expect(sliced.report()).toEqual(whole.report());
  });
});

describe('scripted events are validated with their field paths', () => {
  it('names an unknown node', () => {
    expect(issuesOf(base([{ atMs: 1000, node: 'dbb', down: true }]))).toEqual(['events[0].node: no node with id "dbb"']);
  });

  it('refuses a time after the end of the run', () => {
    expect(issuesOf(base([{ atMs: 90_000, node: 'api', down: true }]))).toEqual(['events[0].atMs: 90000 ms is after the end of the run (durationMs 60000)']);
  });

  it('checks a patch like a live edit, with the path inside "set"', () => {
    expect(issuesOf(base([{ atMs: 1000, node: 'api', set: { serviceTime: { dist: 'constant', ms: -5 } } }]))).toEqual([
      'events[0].set.serviceTime.ms: must be ≥ 0 (milliseconds); got -5',
    ]);
    expect(issuesOf(base([{ atMs: 1000, node: 'api', set: { concurency: 4 } }]))).toEqual(['events[0].set: unknown field "concurency"']);
  });

  it('checks a patch against the node as earlier events leave it', () => {
    // Uniform needs minMs and maxMs; the second event only moves maxMs below the first's minMs.
    const issues = issuesOf(
      base([
        { atMs: 1000, node: 'api', set: { serviceTime: { dist: 'uniform', minMs: 10, maxMs: 50 } } },
        { atMs: 2000, node: 'api', set: { serviceTime: { dist: 'uniform', minMs: 60, maxMs: 50 } } },
      ]),
    );
    expect(issues).toEqual(['events[1].set.serviceTime.maxMs: maxMs must be ≥ minMs']);
  });

  it('an event sets parameters or fails the node, not both, and producers do not fail', () => {
    expect(issuesOf(base([{ atMs: 1000, node: 'api', down: true, set: { concurrency: 2 } }]))[0]).toMatch(/^events\[0\]: an event either sets parameters/);
    expect(issuesOf(base([{ atMs: 1000, node: 'shop', down: true }]))).toEqual(['events[0].down: a producer cannot fail; set "shop"\'s rate to 0 instead']);
    expect(issuesOf(base([{ atMs: 1000, node: 'api', set: { type: 'queue' } }]))).toEqual(["events[0].set.type: a scripted event cannot change a node's type"]);
  });
});
