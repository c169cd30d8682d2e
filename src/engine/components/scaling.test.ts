/**
 * Capacity that comes and goes: the autoscaler (Kubernetes HPA), readiness honoured by a load
 * balancer, liveness restarts, and a HikariCP-style connection pool. Each test reads like the
 * system's documentation.
 */
import { describe, expect, it } from 'vitest';
import { conserved, scenario, traced } from '../testing/build';
import { parseScenario, type NodeInput } from '../index';
import { hpaDesired } from './autoscaler';

const num = (v: unknown) => v as number;

describe('HPA formula: desired = ceil(current x metric / target)', () => {
  it('scales by the ratio of metric to target, rounding up', () => {
    expect(hpaDesired(4, 90, 60, 0.1)).toBe(6); // 4 x 1.5
    expect(hpaDesired(3, 100, 70, 0.1)).toBe(5); // 4.29 -> 5
    expect(hpaDesired(10, 20, 50, 0.1)).toBe(4); // scale down: 10 x 0.4
  });

  it('changes nothing while the ratio is within the tolerance (0.1)', () => {
    expect(hpaDesired(4, 65, 60, 0.1)).toBe(4); // ratio 1.083
    expect(hpaDesired(4, 55, 60, 0.1)).toBe(4); // ratio 0.917
    expect(hpaDesired(4, 67, 60, 0.1)).toBe(5); // ratio 1.117: out of tolerance
  });
});

/** 100 items/s into a queue in front of `api`: 1 worker per replica, 50 ms each (20/s per replica). */
function overloaded(autoscaler: Partial<Extract<NodeInput, { type: 'autoscaler' }>>, rate: number | { atMs: number; rate: number }[] = 100) {
  const profile = typeof rate === 'number' ? undefined : rate;
  return traced(
    scenario(
      [
        { id: 'users', type: 'producer', rate: typeof rate === 'number' ? rate : rate[0]!.rate, arrival: 'constant', ...(profile ? { profile } : {}) },
        { id: 'inbox', type: 'queue', capacity: null },
        { id: 'api', type: 'service', concurrency: 1, serviceTime: { dist: 'constant', ms: 50 } },
        { id: 'hpa', type: 'autoscaler', metric: 'utilization', targetValue: 50, maxReplicas: 20, ...autoscaler },
      ],
      [
        ['users', 'inbox'],
        ['inbox', 'api'],
        ['hpa', 'api', 'scales'],
      ],
    ),
  );
}

const workers = (sim: ReturnType<typeof overloaded>) => num(sim.report().nodes.api!.concurrency);

describe('autoscaler (HorizontalPodAutoscaler)', () => {
  it('decides every syncPeriod, and new capacity serves only after the provisioning delay', () => {
    const sim = overloaded({ syncPeriodMs: 15_000, provisioningDelayMs: 30_000 });
    sim.runUntil(14_999);
    expect(workers(sim)).toBe(1); // starts at minReplicas
    sim.runUntil(15_000); // first decision: 100% busy against a 50% target: ceil(1 x 2) = 2
    expect(sim.report().nodes.hpa).toMatchObject({ replicas: 1, starting: 1, desiredReplicas: 2 });
    expect(workers(sim)).toBe(1);
    sim.runUntil(30_000); // counted over the replicas asked for (the starting one at 0%): 50%, no change
    expect(sim.report().nodes.hpa).toMatchObject({ replicas: 1, starting: 1, desiredReplicas: 2 });
    sim.runUntil(44_999);
    expect(workers(sim)).toBe(1);
    sim.runUntil(45_000); // 15 s + 30 s: the second replica serves
    expect(workers(sim)).toBe(2);
    expect(sim.report().timeline).toContainEqual({ atMs: 45_000, node: 'hpa', kind: 'scaled-up' });
    expect(conserved(sim)).toBe(true);
  });

  it('a live edit of the decision interval counts from the last decision', () => {
    const sim = overloaded({ syncPeriodMs: 15_000, provisioningDelayMs: 0 });
    sim.runUntil(1_000);
    expect(sim.setParams('hpa', { syncPeriodMs: 2_000 }).ok).toBe(true);
    sim.runUntil(1_999);
    expect(sim.report().nodes.hpa!.decisions).toBe(0);
    sim.runUntil(2_000);
    expect(sim.report().nodes.hpa!.decisions).toBe(1);
    sim.runUntil(16_000); // every 2 s from there, and nothing left over from the old 15 s period
    expect(sim.report().nodes.hpa!.decisions).toBe(8);
  });

  it('never leaves [minReplicas, maxReplicas], however large the overload', () => {
    const sim = overloaded({ minReplicas: 2, maxReplicas: 3, syncPeriodMs: 1000, provisioningDelayMs: 0 }, 1000);
    sim.runUntil(0);
    expect(workers(sim)).toBe(2);
    let most = 0;
    for (let t = 1000; t <= 60_000; t += 1000) {
      sim.runUntil(t);
      most = Math.max(most, workers(sim));
    }
    expect(most).toBe(3);
    expect(sim.report().nodes.hpa!.maxReplicasReached).toBe(3);
  });

  it('scales up on queue depth per replica: ceil(waiting / targetValue)', () => {
    // With metric queue-depth the recommendation is ceil(current x (waiting / current) / target).
    const sim = overloaded({ metric: 'queue-depth', targetValue: 100, syncPeriodMs: 10_000, provisioningDelayMs: 0 });
    sim.runUntil(9_999);
    const waiting = num(sim.report().nodes.inbox!.depth); // grows 80/s with one replica
    expect(waiting).toBeGreaterThan(700);
    sim.runUntil(10_000);
    expect(Math.abs(num(sim.report().nodes.hpa!.lastMetric) - waiting)).toBeLessThanOrEqual(2);
    // ceil(~800 / 100) = 8 recommended, but one period may at most double or add 4 (HPA's default scale-up policy).
    expect(sim.report().nodes.hpa!.desiredReplicas).toBe(5);
    expect(workers(sim)).toBe(5); // provisioning delay 0: at once
  });

  it('scales down only to the highest recommendation of the last 300 s (the stabilization window)', () => {
    // The load stops at 300 s; recommendations fall, replicas follow only as the window lets them.
    const sim = overloaded({ syncPeriodMs: 15_000, provisioningDelayMs: 5_000 }, [
      { atMs: 0, rate: 100 },
      { atMs: 300_000, rate: 0 },
    ]);
    const recs: [number, number][] = [];
    const replicas = new Map<number, number>();
    for (let t = 15_000; t <= 900_000; t += 15_000) {
      sim.runUntil(t);
      recs.push([t, num(sim.report().nodes.hpa!.recommendation)]);
      replicas.set(t, num(sim.report().nodes.hpa!.replicas));
    }
    const highestInWindow = (t: number) => Math.max(...recs.filter(([at]) => at > t - 300_000 && at <= t).map(([, r]) => r));
    let downs = 0;
    for (const [t] of recs.slice(1)) {
      const before = replicas.get(t - 15_000)!, now = replicas.get(t)!;
      if (now < before) {
        downs++;
        expect(now, `scale-down at ${t} ms`).toBe(highestInWindow(t));
      }
    }
    expect(downs).toBeGreaterThan(0);
    // Idle from 300 s on, it recommends minReplicas; the last higher one is remembered for 300 s.
    const lastHigh = recs.filter(([, r]) => r > 1).at(-1)![0];
    expect(lastHigh).toBeGreaterThanOrEqual(300_000);
    expect(replicas.get(lastHigh + 285_000)).toBeGreaterThan(1);
    expect(replicas.get(lastHigh + 300_000)).toBe(1);
    expect(conserved(sim)).toBe(true);
  });

  it('with no stabilization window, scales down at the first idle decision', () => {
    const sim = overloaded({ syncPeriodMs: 15_000, provisioningDelayMs: 5_000, scaleDownStabilizationMs: 0 }, [
      { atMs: 0, rate: 100 },
      { atMs: 300_000, rate: 0 },
    ]);
    sim.runUntil(315_000);
    expect(workers(sim)).toBe(1);
  });
});

describe('autoscaler on a consumer group (lag per consumer, like KEDA\'s Kafka scaler)', () => {
  it('adds consumers on lag, never more than the topic has partitions', () => {
    const sim = traced(
      scenario(
        [
          { id: 'orders', type: 'producer', rate: 400, arrival: 'constant' },
          { id: 'log', type: 'topic', partitions: 4, partitioning: 'round-robin' },
          { id: 'billing', type: 'consumer-group', consumers: 1, processingTime: { dist: 'constant', ms: 10 }, rebalanceMs: 100 },
          { id: 'keda', type: 'autoscaler', metric: 'lag', targetValue: 50, maxReplicas: 10, syncPeriodMs: 5000, provisioningDelayMs: 1000 },
        ],
        [
          ['orders', 'log'],
          ['log', 'billing'],
          ['keda', 'billing', 'scales'],
        ],
      ),
    );
    // One consumer reads 100/s of the 400/s: lag grows 300/s, far above 50 per consumer.
    let most = 0;
    for (let t = 5000; t <= 120_000; t += 5000) {
      sim.runUntil(t);
      most = Math.max(most, num(sim.report().nodes.keda!.replicas));
      expect(num(sim.report().nodes.keda!.recommendation)).toBeLessThanOrEqual(4);
    }
    expect(most).toBe(4); // 4 partitions: a fifth consumer would sit idle
    expect(sim.report().nodes.billing).toMatchObject({ consumers: 4, idleConsumers: 0 });
  });

  it('is refused on a consumer group with any metric but lag, and lag is refused on a service', () => {
    const p = parseScenario({
      version: 1,
      nodes: [
        { id: 'log', type: 'topic' },
        { id: 'g', type: 'consumer-group' },
        { id: 'a', type: 'autoscaler', metric: 'utilization', targetValue: 70 },
      ],
      edges: [
        { from: 'log', to: 'g' },
        { from: 'a', to: 'g', kind: 'scales' },
      ],
    });
    expect(p.ok ? [] : p.issues.map((i) => i.message)).toEqual(['a consumer group is scaled on "lag"; "g" has no utilization']);
  });
});

describe('autoscaler wiring', () => {
  it('names its target by a "scales" edge to a service; other wiring is refused with a reason', () => {
    const base = [
      { id: 'hpa', type: 'autoscaler', targetValue: 70 },
      { id: 'q', type: 'queue', capacity: 10 },
      { id: 'api', type: 'service', serviceTime: { dist: 'constant', ms: 1 } },
    ];
    const issues = (edges: object[]) => {
      const p = parseScenario({ version: 1, nodes: base, edges });
      return p.ok ? [] : p.issues.map((i) => `${i.path}: ${i.message}`);
    };
    expect(issues([{ from: 'hpa', to: 'api', kind: 'scales' }])).toEqual([]);
    expect(issues([{ from: 'hpa', to: 'q', kind: 'scales' }])).toEqual(['edges[0]: an autoscaler scales a service or a consumer group; "q" is a queue']);
    expect(issues([{ from: 'hpa', to: 'api' }])).toEqual(['edges[0]: an autoscaler sends no items: its edge says which service it scales (kind "scales")']);
    expect(issues([{ from: 'q', to: 'api', kind: 'scales' }])).toEqual(['edges[0]: only an autoscaler scales another node; "q" is a queue']);
    const two = parseScenario({ version: 1, nodes: [...base, { id: 'hpa2', type: 'autoscaler', targetValue: 70 }], edges: [{ from: 'hpa', to: 'api', kind: 'scales' }, { from: 'hpa2', to: 'api', kind: 'scales' }] });
    expect(two.ok ? [] : two.issues.map((i) => i.message)).toEqual(['"api" is already scaled by "hpa": two autoscalers would fight']);
    const bounds = parseScenario({ version: 1, nodes: [{ id: 'hpa', type: 'autoscaler', targetValue: 70, minReplicas: 5, maxReplicas: 2 }] });
    expect(bounds.ok ? [] : bounds.issues).toEqual([{ path: 'nodes[0] (hpa).maxReplicas', message: 'maxReplicas must be ≥ minReplicas' }]);
  });
});

/** 100/s round robin over two replicas, each a queue in front of one worker; b is 200x slower. */
function twoReplicas(readiness: { maxBacklogMs: number; periodMs?: number; failureThreshold?: number; successThreshold?: number } | undefined) {
  return traced(
    scenario(
      [
        { id: 'users', type: 'producer', rate: 100, arrival: 'constant' },
        { id: 'lb', type: 'load-balancer', strategy: 'round-robin' },
        { id: 'qa', type: 'queue', capacity: null },
        { id: 'a', type: 'service', concurrency: 1, serviceTime: { dist: 'constant', ms: 1 } },
        { id: 'qb', type: 'queue', capacity: null },
        { id: 'b', type: 'service', concurrency: 1, serviceTime: { dist: 'constant', ms: 200 }, ...(readiness ? { readiness } : {}) },
      ],
      [
        ['users', 'lb'],
        ['lb', 'qa'],
        ['lb', 'qb'],
        ['qa', 'a'],
        ['qb', 'b'],
      ],
    ),
  );
}

describe('readiness (Kubernetes readiness probe, honoured by the load balancer)', () => {
  const readiness = { maxBacklogMs: 1000, periodMs: 1000, failureThreshold: 3, successThreshold: 1 };

  it('after failureThreshold failed probes the replica gets no traffic until a probe passes again', () => {
    const sim = twoReplicas(readiness);
    // b gets 50/s and serves 5/s: after 1 s its backlog (45 items x 200 ms) would take 9 s to drain.
    sim.runUntil(2_999);
    expect(sim.report().nodes.b!.ready).toBe(1); // two failed probes: still ready
    sim.runUntil(3_000); // the third
    expect(sim.report().nodes.b!.ready).toBe(0);
    expect(sim.report().timeline).toContainEqual({ atMs: 3_000, node: 'b', kind: 'not-ready' });
    const atNotReady = num(sim.report().nodes.qb!.arrived);
    sim.runUntil(20_000);
    expect(num(sim.report().nodes.qb!.arrived)).toBe(atNotReady); // routed around
    expect(sim.snapshot()[0]).toBe(20_000);
    // b drains 5/s; once its backlog drains within 1 s (5 items or fewer) the next probe passes.
    sim.runUntil(60_000);
    const ready = sim.report().timeline.find((e) => e.node === 'b' && e.kind === 'ready');
    expect(ready).toBeDefined();
    const backlogAtNotReady = atNotReady - 15; // served by 3 s: one every 200 ms
    const expected = 3_000 + ((backlogAtNotReady - 5) / 5) * 1000;
    expect(Math.abs(ready!.atMs - expected)).toBeLessThanOrEqual(2_000); // the next probe, give or take one
    expect(num(sim.report().nodes.qb!.arrived)).toBeGreaterThan(atNotReady); // traffic again
    expect(conserved(sim)).toBe(true);
  });

  it('without readiness the balancer keeps feeding the slow replica, whose queue grows without end', () => {
    const sim = twoReplicas(undefined);
    sim.runUntil(20_000);
    expect(num(sim.report().nodes.qb!.depth)).toBeGreaterThan(800); // 45/s for 20 s
    expect(num(sim.report().nodes.qb!.arrived)).toBe(1000);
  });

  it('with no replica ready, items are refused with 503 no-route', () => {
    const sim = traced(
      scenario(
        [
          { id: 'users', type: 'producer', rate: 100, arrival: 'constant' },
          { id: 'lb', type: 'load-balancer' },
          { id: 'q', type: 'queue', capacity: null },
          { id: 'slow', type: 'service', serviceTime: { dist: 'constant', ms: 1000 }, readiness: { maxBacklogMs: 500, periodMs: 1000, failureThreshold: 1 } },
        ],
        [
          ['users', 'lb'],
          ['lb', 'q'],
          ['q', 'slow'],
        ],
      ),
    );
    sim.runUntil(5_000);
    const r = sim.report();
    expect(r.nodes.slow!.ready).toBe(0);
    expect(r.reasons['no-route']!.status).toBe(503);
    expect(r.reasons['no-route']!.count).toBe(r.nodes.lb!.noRoute);
    expect(num(r.nodes.lb!.noRoute)).toBeGreaterThan(300);
  });
});

describe('liveness (Kubernetes liveness probe)', () => {
  /** 50/s into one replica of 2 workers at 100 ms (20/s): a lasting overload. */
  const busy = (dependsOnLoad: boolean) =>
    traced(
      scenario(
        [
          { id: 'users', type: 'producer', rate: 50, arrival: 'constant' },
          { id: 'q', type: 'queue', capacity: null },
          {
            id: 'api',
            type: 'service',
            concurrency: 2,
            serviceTime: { dist: 'constant', ms: 100 },
            liveness: { periodMs: 1000, failureThreshold: 3, timeoutMs: 1000, dependsOnLoad, restartDelayMs: 5000 },
          },
        ],
        [
          ['users', 'q'],
          ['q', 'api'],
        ],
      ),
    );

  it('a cheap probe (is the process up?) never restarts a busy replica', () => {
    const sim = busy(false);
    sim.runUntil(60_000);
    expect(sim.report().nodes.api).toMatchObject({ restarts: 0, lostOnRestart: 0 });
  });

  it('a probe that waits behind the queued work restarts the busy replica, losing its in-flight work', () => {
    const sim = busy(true);
    sim.runUntil(3_000); // the probe waits behind the backlog from the first second on: 3 failures
    const r = sim.report();
    expect(r.nodes.api!.restarts).toBe(1);
    expect(r.timeline).toContainEqual({ atMs: 3_000, node: 'api', kind: 'restarted' });
    // Both workers were serving: both items are lost, with 503 "restarted".
    expect(r.nodes.api!.lostOnRestart).toBe(2);
    expect(r.reasons.restarted).toEqual({ status: 503, count: 2 });
    const done = num(r.nodes.api!.completed);
    sim.runUntil(7_999);
    expect(num(sim.report().nodes.api!.completed)).toBe(done); // down for restartDelayMs
    sim.runUntil(8_200);
    expect(num(sim.report().nodes.api!.completed)).toBeGreaterThan(done);
    // Back under the same load, it fails again: restarted over and over, less served than the cheap probe's run.
    sim.runUntil(60_000);
    expect(num(sim.report().nodes.api!.restarts)).toBeGreaterThan(3);
    const cheap = busy(false);
    cheap.runUntil(60_000);
    expect(num(sim.report().nodes.api!.completed)).toBeLessThan(0.8 * num(cheap.report().nodes.api!.completed));
    expect(conserved(sim)).toBe(true);
  });
});

describe('connection pool (HikariCP)', () => {
  /** Items every 1 ms for `n` ms into a pool in front of a database that takes `dbMs` per query. */
  const pool = (dbMs: number, acquireTimeoutMs: number, n = 11) =>
    traced(
      scenario(
        [
          { id: 'app', type: 'producer', rate: 1000, arrival: 'constant', profile: [{ atMs: n - 0.5, rate: 0 }] },
          { id: 'pool', type: 'connection-pool', maxConnections: 10, acquireTimeoutMs },
          { id: 'db', type: 'service', concurrency: 100, serviceTime: { dist: 'constant', ms: dbMs } },
        ],
        [
          ['app', 'pool'],
          ['pool', 'db'],
        ],
      ),
    );

  it('defaults to maximumPoolSize 10 and connectionTimeout 30,000 ms', () => {
    const p = parseScenario({ version: 1, nodes: [{ id: 'pool', type: 'connection-pool' }] });
    expect(p.ok && p.value.nodes[0]).toMatchObject({ maxConnections: 10, acquireTimeoutMs: 30_000 });
  });

  it('with 10 connections admits 10; the 11th waits and times out after acquireTimeoutMs with 503', () => {
    const sim = pool(2000, 500);
    const ends: [number, number, string, number][] = [];
    sim.sim.tracer = ([t, serial, outcome], reason) => ends.push([t, serial, outcome, reason]);
    sim.runUntil(300);
    expect(sim.report().nodes.pool).toMatchObject({ inUse: 10, waiting: 1, acquired: 10 });
    sim.runUntil(3000);
    // Item 11 arrived at 11 ms and gave up at 511 ms; the first ten are answered at 2001..2010 ms.
    const timeout = sim.report().reasons['pool-timeout'];
    expect(timeout).toEqual({ status: 503, count: 1 });
    expect(ends[0]!.slice(0, 3)).toEqual([511, 11, 'expired']);
    expect(ends.slice(1).map(([t, s, o]) => [t, s, o])).toEqual(Array.from({ length: 10 }, (_, i) => [2001 + i, i + 1, 'completed']));
    expect(sim.report().nodes.db!.arrived).toBe(10);
    expect(conserved(sim)).toBe(true);
  });

  it('a waiter takes the first connection freed before its timeout', () => {
    const sim = pool(300, 500);
    sim.runUntil(1000);
    const r = sim.report();
    expect(r.reasons['pool-timeout']).toBeUndefined();
    expect(r.nodes.pool).toMatchObject({ acquired: 11, timedOut: 0 });
    // Item 11 waited from 11 ms until item 1 ended at 301 ms.
    expect(num(r.nodes.pool!.p99AcquireWaitMs)).toBeCloseTo(290, -1);
  });

  it('in front of a service that calls it, a waiting call keeps the caller’s worker busy', () => {
    const sim = traced(
      scenario(
        [
          { id: 'users', type: 'producer', rate: 200, arrival: 'constant' },
          { id: 'api', type: 'service', concurrency: 50, serviceTime: { dist: 'constant', ms: 1 } },
          { id: 'pool', type: 'connection-pool', maxConnections: 2, acquireTimeoutMs: 1000 },
          { id: 'db', type: 'service', concurrency: 10, serviceTime: { dist: 'constant', ms: 50 } },
        ],
        [
          ['users', 'api'],
          ['api', 'pool', 'call'],
          ['pool', 'db'],
        ],
      ),
    );
    sim.runUntil(10_000);
    const r = sim.report();
    // 2 connections x 20 queries/s = 40/s get through; the api's workers pile up waiting.
    expect(num(r.nodes.api!.completed) / 10).toBeCloseTo(40, -1);
    expect(num(r.nodes.api!.calling)).toBe(50);
    expect(num(r.nodes.db!.inService)).toBeLessThanOrEqual(2);
    expect(r.reasons['pool-timeout']!.count).toBeGreaterThan(0);
  });
});
