/**
 * Conservation and determinism with capacity that comes and goes: random designs of a producer, a
 * load balancer over replicas (a queue in front of a service with readiness and liveness probes,
 * liveness sometimes depending on load so replicas get restarted), a connection pool in front of
 * a database, an autoscaler on one replica, and alert rules. At every stop:
 * produced = completed + refused + dropped + expired + failed + timedOut + inSystem, the items the
 * nodes hold add up to inSystem, a pool never has more connections in use than it allows, and an
 * autoscaled service runs between min and max replicas. The same seed gives the same report.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation, parseScenario, type Scenario } from './index';

const probe = fc.record({ periodMs: fc.integer({ min: 50, max: 2000 }), failureThreshold: fc.integer({ min: 1, max: 3 }) });

const replica = fc.record({
  concurrency: fc.integer({ min: 1, max: 4 }),
  ms: fc.integer({ min: 1, max: 80 }),
  capacity: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 30 })),
  readiness: fc.option(fc.record({ maxBacklogMs: fc.integer({ min: 1, max: 2000 }) }).chain((r) => probe.map((p) => ({ ...r, ...p }))), { nil: undefined }),
  liveness: fc.option(
    fc.record({ dependsOnLoad: fc.boolean(), timeoutMs: fc.integer({ min: 1, max: 500 }), restartDelayMs: fc.integer({ min: 0, max: 1000 }) }).chain((l) => probe.map((p) => ({ ...l, ...p }))),
    { nil: undefined },
  ),
});

const design = fc.record({
  rate: fc.integer({ min: 1, max: 800 }),
  replicas: fc.array(replica, { minLength: 1, maxLength: 3 }),
  strategy: fc.constantFrom('round-robin', 'least-outstanding', 'p2c'),
  pool: fc.option(fc.record({ maxConnections: fc.integer({ min: 1, max: 6 }), acquireTimeoutMs: fc.integer({ min: 0, max: 300 }), dbMs: fc.integer({ min: 1, max: 60 }) }), { nil: undefined }),
  autoscaler: fc.option(
    fc.record({
      metric: fc.constantFrom('utilization', 'queue-depth'),
      targetValue: fc.integer({ min: 1, max: 90 }),
      minReplicas: fc.integer({ min: 1, max: 2 }),
      extra: fc.integer({ min: 0, max: 4 }),
      syncPeriodMs: fc.integer({ min: 100, max: 1500 }),
      provisioningDelayMs: fc.integer({ min: 0, max: 1500 }),
      scaleDownStabilizationMs: fc.integer({ min: 0, max: 3000 }),
    }),
    { nil: undefined },
  ),
  alerts: fc.boolean(),
  seed: fc.integer({ min: 0, max: 2 ** 31 }),
  durationMs: fc.integer({ min: 500, max: 6000 }),
});

type Design = typeof design extends fc.Arbitrary<infer T> ? T : never;

function build(d: Design): Scenario {
  const nodes: Record<string, unknown>[] = [
    { id: 'users', type: 'producer', rate: d.rate },
    { id: 'lb', type: 'load-balancer', strategy: d.strategy },
  ];
  const edges: Record<string, unknown>[] = [{ from: 'users', to: 'lb' }];
  d.replicas.forEach((r, i) => {
    nodes.push({ id: `q${i}`, type: 'queue', capacity: r.capacity });
    nodes.push({ id: `s${i}`, type: 'service', concurrency: r.concurrency, serviceTime: { dist: 'exponential', meanMs: r.ms }, readiness: r.readiness, liveness: r.liveness });
    edges.push({ from: 'lb', to: `q${i}` }, { from: `q${i}`, to: `s${i}` });
    if (i === 0 && d.pool) edges.push({ from: 's0', to: 'pool', kind: 'call' });
  });
  if (d.pool) {
    nodes.push({ id: 'pool', type: 'connection-pool', maxConnections: d.pool.maxConnections, acquireTimeoutMs: d.pool.acquireTimeoutMs });
    nodes.push({ id: 'db', type: 'service', concurrency: 3, serviceTime: { dist: 'exponential', meanMs: d.pool.dbMs } });
    edges.push({ from: 'pool', to: 'db' });
  }
  if (d.autoscaler) {
    const { extra, ...a } = d.autoscaler;
    nodes.push({ id: 'hpa', type: 'autoscaler', ...a, maxReplicas: a.minReplicas + extra });
    edges.push({ from: 'hpa', to: `s${d.replicas.length - 1}`, kind: 'scales' });
  }
  const alerts = d.alerts
    ? [
        { node: 'q0', metric: 'depth-growth', threshold: 5, windowMs: 2000 },
        { node: 's0', metric: 'utilization', threshold: 80 },
        { metric: 'p99', threshold: 100 },
        { metric: 'error-rate', threshold: 5, forMs: 1000 },
      ]
    : undefined;
  const p = parseScenario({ version: 1, seed: d.seed, durationMs: d.durationMs, nodes, edges, alerts });
  if (!p.ok) throw new Error(`invalid design: ${JSON.stringify(p.issues)}`);
  return p.value;
}

const n = (v: unknown) => v as number;

describe('scaling parts on random designs', () => {
  it('conserve items, respect their bounds, and are deterministic', () => {
    fc.assert(
      fc.property(design, fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }), (d, cuts) => {
        const s = build(d);
        const sim = createSimulation(s);
        const total = cuts.reduce((a, b) => a + b, 0);
        let acc = 0;
        for (const c of cuts) {
          acc += c;
          sim.runUntil((s.durationMs * acc) / total);
          const r = sim.report();
          const t = r.totals;
          expect(t.completed + t.refused + t.dropped + t.expired + t.failed + t.timedOut + t.inSystem).toBe(t.produced);
          // Calls through the pool are items of their own: held items add up to all live items.
          expect(sim.sim.nodes.reduce((a, x) => a + x.held(), 0)).toBe(sim.sim.items.live);
          if (d.pool) expect(n(r.nodes.pool!.inUse)).toBeLessThanOrEqual(d.pool.maxConnections);
          if (d.autoscaler) {
            const replicas = n(r.nodes.hpa!.replicas);
            expect(replicas).toBeGreaterThanOrEqual(d.autoscaler.minReplicas);
            expect(replicas).toBeLessThanOrEqual(d.autoscaler.minReplicas + d.autoscaler.extra);
            const scaled = d.replicas[d.replicas.length - 1]!;
            // Its workers: replicas x workers per replica (none while a liveness restart is under way).
            const workers = n(r.nodes[`s${d.replicas.length - 1}`]!.concurrency);
            expect(scaled.liveness ? [0, replicas * scaled.concurrency] : [replicas * scaled.concurrency]).toContain(workers);
          }
        }
        const again = createSimulation(s);
        again.runUntil(sim.now);
        expect(again.report()).toEqual(sim.report());
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 150) },
    );
  });
});
