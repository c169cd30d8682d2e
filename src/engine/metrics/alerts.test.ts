/**
 * Alert rules (scenario `alerts`): evaluated every second of simulated time, firing once the metric
 * has stayed above the threshold for `forMs` (Prometheus' `for`), resolving at the first evaluation
 * where it is not. Both go on the timeline and into the report.
 */
import { describe, expect, it } from 'vitest';
import { scenario, traced } from '../testing/build';
import { createSimulation, parseScenario, type Scenario } from '../index';
import type { AlertRule } from '../scenario/scaling';

/**
 * 100 items/s for 10 s, then none, into a queue drained at 50/s: the depth grows by 50 a second
 * to about 500, then falls by 50 a second.
 */
function filling(alerts: Partial<AlertRule>[]): Scenario {
  const s = scenario(
    [
      { id: 'users', type: 'producer', rate: 100, arrival: 'constant', profile: [{ atMs: 10_000, rate: 0 }] },
      { id: 'orders', type: 'queue', capacity: 1000 },
      { id: 'worker', type: 'service', concurrency: 1, serviceTime: { dist: 'constant', ms: 20 } },
    ],
    [
      ['users', 'orders'],
      ['orders', 'worker'],
    ],
  );
  const p = parseScenario({ ...s, alerts });
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.value;
}

const marks = (s: Scenario, until = 30_000) => {
  const sim = traced(s);
  sim.runUntil(until);
  return { timeline: sim.report().timeline.filter((e) => e.kind === 'alert' || e.kind === 'alert-resolved'), report: sim.report() };
};

describe('alert rules', () => {
  it('a depth rule fires at the first evaluation above the threshold and resolves at the first below', () => {
    // Depth about 50 t while filling: 150 at 3 s, 200 at 4 s; then 500 - 50 (t - 10): 200 at 16 s, 150 at 17 s.
    const { timeline, report } = marks(filling([{ name: 'orders backlog', node: 'orders', metric: 'depth', threshold: 190 }]));
    expect(timeline).toEqual([
      { atMs: 4000, node: 'orders', kind: 'alert' },
      { atMs: 17_000, node: 'orders', kind: 'alert-resolved' },
    ]);
    expect(report.alerts).toEqual([
      { name: 'orders backlog', node: 'orders', metric: 'depth', threshold: 190, firing: false, fired: 1, lastFiredAtMs: 4000, lastResolvedAtMs: 17_000, lastValue: 0 },
    ]);
  });

  it('with forMs the condition must hold that long first', () => {
    const { timeline } = marks(filling([{ node: 'orders', metric: 'depth', threshold: 190, forMs: 2000 }]));
    expect(timeline.map((e) => [e.atMs, e.kind])).toEqual([
      [6000, 'alert'], // above from 4 s, for 2 s
      [17_000, 'alert-resolved'],
    ]);
  });

  it('a growth-rate rule fires long before the depth rule, and resolves as soon as the queue stops growing', () => {
    // Depth grows 50/s from the start: over a 5 s window the growth is 50/s from the first second.
    // After 10 s it falls: the window's average growth is (depth now - depth 5 s ago) / 5 s,
    // 30/s at 11 s (450 vs 300), 10/s at 12 s (400 vs 350).
    const { timeline } = marks(filling([{ node: 'orders', metric: 'depth-growth', threshold: 20, windowMs: 5000 }]));
    expect(timeline.map((e) => [e.atMs, e.kind])).toEqual([
      [1000, 'alert'],
      [12_000, 'alert-resolved'],
    ]);
  });

  it('an error-rate rule counts refusals, drops, expiries and failures against arrivals over its window', () => {
    const s = parseScenario({
      version: 1,
      nodes: [
        { id: 'users', type: 'producer', rate: 1000, arrival: 'constant' },
        { id: 'api', type: 'service', concurrency: 100, serviceTime: { dist: 'constant', ms: 1 } },
      ],
      edges: [{ from: 'users', to: 'api' }],
      alerts: [{ node: 'api', metric: 'error-rate', threshold: 5, windowMs: 2000 }],
    });
    if (!s.ok) throw new Error(JSON.stringify(s.issues));
    const sim = createSimulation(s.value);
    sim.runUntil(10_000);
    sim.setParams('api', { errorRate: 0.2 }); // 20% errors from 10 s on
    sim.runUntil(20_000);
    sim.setParams('api', { errorRate: 0 });
    sim.runUntil(30_000);
    const t = sim.report().timeline.map((e) => [e.atMs, e.kind]);
    // At 11 s the 2 s window holds 1 s clean and 1 s at 20%: 10% > 5%. It resolves once the window
    // holds under 5% errors: at 22 s the whole window is clean again (at 21 s it is still 10%).
    expect(t).toEqual([
      [11_000, 'alert'],
      [22_000, 'alert-resolved'],
    ]);
  });

  it('p99 (end to end) and system-wide rules go on the timeline as "(system)"', () => {
    const s = parseScenario({
      version: 1,
      nodes: [
        { id: 'users', type: 'producer', rate: 10, arrival: 'constant' },
        { id: 'api', type: 'service', concurrency: 10, serviceTime: { dist: 'constant', ms: 50 } },
      ],
      edges: [{ from: 'users', to: 'api' }],
      alerts: [{ name: 'slow', metric: 'p99', threshold: 100 }],
    });
    if (!s.ok) throw new Error(JSON.stringify(s.issues));
    const sim = createSimulation(s.value);
    sim.runUntil(5000);
    expect(sim.report().alerts[0]).toMatchObject({ firing: false, fired: 0 });
    expect(sim.report().alerts[0]!.lastValue).toBeCloseTo(50, -1);
    sim.setParams('api', { serviceTime: { dist: 'constant', ms: 300 } });
    sim.runUntil(8000);
    expect(sim.report().alerts[0]).toMatchObject({ firing: true, fired: 1 });
    expect(sim.report().timeline).toContainEqual({ atMs: 6000, node: '(system)', kind: 'alert' });
  });

  it('does not depend on how often the run is sampled', () => {
    const s = filling([
      { node: 'orders', metric: 'depth-growth', threshold: 20 },
      { node: 'worker', metric: 'utilization', threshold: 90, forMs: 3000 },
    ]);
    const a = createSimulation(s, { sampleIntervalMs: 250 });
    const b = createSimulation(s, { sampleIntervalMs: 1000 });
    a.runUntil(30_000);
    b.runUntil(30_000);
    expect(a.report().alerts).toEqual(b.report().alerts);
    expect(a.report().timeline).toEqual(b.report().timeline);
    expect(a.report().events).toBe(b.report().events);
  });

  it('are validated: the node must exist and the metric must exist there', () => {
    const issues = (alerts: object[]) => {
      const p = parseScenario({ version: 1, nodes: [{ id: 'q', type: 'queue', capacity: 5 }], alerts });
      return p.ok ? [] : p.issues.map((i) => `${i.path}: ${i.message}`);
    };
    expect(issues([{ node: 'nope', metric: 'depth', threshold: 1 }])).toEqual(['alerts[0].node: no node with id "nope"']);
    expect(issues([{ node: 'q', metric: 'utilization', threshold: 80 }])).toEqual(['alerts[0].metric: utilization is measured on services; "q" is a queue']);
    expect(issues([{ node: 'q', metric: 'p99', threshold: 80 }])).toEqual(['alerts[0].metric: p99 is measured end to end: leave out "node"']);
    expect(issues([{ node: 'q', metric: 'lag', threshold: 80 }])[0]).toMatch(/^alerts\[0\]\.metric: expected one of "depth"/);
  });
});

describe('alerts on lag and memory', () => {
  it('"lag > 5 min" fires on a consumer group that falls behind, "memory > 80%" on a queue filling towards its limit', () => {
    const p = parseScenario({
      version: 1,
      durationMs: 900_000,
      nodes: [
        { id: 'events', type: 'producer', rate: 20, arrival: 'constant' },
        { id: 'log', type: 'topic', partitions: 2 },
        // Two consumers at 300 ms a record: 20/s in, 6.7/s out.
        { id: 'group', type: 'consumer-group', consumers: 2, processingTime: { dist: 'constant', ms: 300 } },
        { id: 'jobs', type: 'producer', rate: 200, arrival: 'constant' },
        { id: 'buffer', type: 'queue', capacity: null, memoryLimitBytes: 1024 * 1000 },
        { id: 'worker', type: 'service', serviceTime: { dist: 'constant', ms: 10 } },
      ],
      edges: [
        { from: 'events', to: 'log' },
        { from: 'log', to: 'group' },
        { from: 'jobs', to: 'buffer' },
        { from: 'buffer', to: 'worker' },
      ],
      alerts: [
        { name: 'lag > 5 min', node: 'group', metric: 'lag-seconds', threshold: 300 },
        { name: 'memory > 80%', node: 'buffer', metric: 'memory', threshold: 80 },
      ],
    });
    if (!p.ok) throw new Error(JSON.stringify(p.issues));
    const sim = createSimulation(p.value);
    sim.runToEnd();
    const r = sim.report();
    const lag = r.alerts!.find((a) => a.name === 'lag > 5 min')!;
    const mem = r.alerts!.find((a) => a.name === 'memory > 80%')!;
    // At time t the group has processed the records of the first t/3 seconds (6.7/s of 20/s), so
    // the oldest unprocessed one is about 2t/3 old: 300 s behind at about t = 450 s.
    expect(lag.fired).toBe(1);
    expect(Number(lag.lastFiredAtMs)).toBeGreaterThan(400_000);
    expect(Number(lag.lastFiredAtMs)).toBeLessThan(520_000);
    // Killed at its limit, restarted, filled again: the alert fires once per fill.
    expect(mem.fired).toBeGreaterThan(1);
    // 200/s in, 100/s out, 1 KiB items: 80% of 1,000 KiB is 800 items, reached at about 8 s.
    const early = createSimulation(p.value);
    early.runUntil(12_000);
    const first = early.report().alerts!.find((a) => a.name === 'memory > 80%')!;
    expect(first.fired).toBe(1);
    expect(Number(first.lastFiredAtMs)).toBeGreaterThanOrEqual(7000);
    expect(Number(first.lastFiredAtMs)).toBeLessThanOrEqual(10_000);
  });

  it('refuses a lag rule on a queue and a memory rule on the whole system, saying why', () => {
    const bad = parseScenario({
      version: 1,
      nodes: [
        { id: 'p', type: 'producer', rate: 1 },
        { id: 'q', type: 'queue', capacity: 5 },
      ],
      edges: [{ from: 'p', to: 'q' }],
      alerts: [
        { node: 'q', metric: 'lag-seconds', threshold: 300 },
        { metric: 'memory', threshold: 80 },
      ],
    });
    expect(bad.ok).toBe(false);
    const text = bad.ok ? '' : bad.issues.map((i) => `${i.path}: ${i.message}`).join('\n');
    expect(text).toContain('lag is measured on topics and consumer groups; "q" is a queue');
    expect(text).toContain('memory needs a "node"');
  });
});
