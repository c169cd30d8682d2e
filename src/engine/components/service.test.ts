import { describe, expect, it } from 'vitest';
import { conserved, scenario, traced } from '../testing/build';
import { moments } from './distributions';
import type { NodeInput, ServiceTime } from '../index';

const everyHundredMs: NodeInput = { id: 'clients', type: 'producer', rate: 10, arrival: 'constant' };

describe('service workers', () => {
  it('serves up to `concurrency` items at once; the rest wait in the queue', () => {
    const sim = traced(
      scenario(
        [
          everyHundredMs,
          { id: 'q', type: 'queue', capacity: null },
          { id: 'pool', type: 'service', concurrency: 2, serviceTime: { dist: 'constant', ms: 250 } },
        ],
        [
          ['clients', 'q'],
          ['q', 'pool'],
        ],
      ),
    );
    sim.runUntil(700);
    // Items arrive every 100 ms and take 250 ms: two workers keep up only with some waiting.
    expect(sim.trace).toEqual([
      [350, 1, 'completed', 'pool'],
      [450, 2, 'completed', 'pool'],
      [600, 3, 'completed', 'pool'], // waited from 300 to 350
      [700, 4, 'completed', 'pool'], // waited from 400 to 450
    ]);
    const pool = sim.report().nodes.pool!;
    expect(pool).toMatchObject({ arrived: 6, completed: 4, meanServiceMs: 250 });
  });

  it('fails items with probability errorRate', () => {
    const sim = traced(
      scenario(
        [
          { id: 'clients', type: 'producer', rate: 1000 },
          { id: 'flaky', type: 'service', concurrency: 100, serviceTime: { dist: 'constant', ms: 1 }, errorRate: 0.2 },
        ],
        [['clients', 'flaky']],
      ),
    );
    sim.runUntil(50_000);
    const r = sim.report().nodes.flaky!;
    const share = (r.failed as number) / ((r.failed as number) + (r.completed as number));
    // Binomial standard error sqrt(.2 x .8 / 50,000) = 0.0018; allow 4.
    expect(Math.abs(share - 0.2)).toBeLessThan(4 * 0.0018);
  });

  it('without a queue in front, a busy service makes its sender wait (a producer blocks)', () => {
    const sim = traced(
      scenario([everyHundredMs, { id: 'solo', type: 'service', serviceTime: { dist: 'constant', ms: 250 } }], [['clients', 'solo']]),
    );
    sim.runUntil(1000);
    // Item 2 (t=200) waits until 350; item 3 is produced at 450 and waits until 600; ...
    expect(sim.trace.map(([t]) => t)).toEqual([350, 600, 850]);
    // Blocked 200→350, 450→600, 700→850, and since 950 (the item it holds at t=1000).
    expect(sim.report().nodes.clients!.blockedMs).toBe(150 + 150 + 150 + 50);
  });
});

describe('a slow stage backs up the stages above it', () => {
  const pipeline = () =>
    scenario(
      [
        { id: 'clients', type: 'producer', rate: 20, arrival: 'constant' },
        { id: 'api-queue', type: 'queue', capacity: 3, overflow: 'drop-newest' },
        { id: 'api', type: 'service', concurrency: 2, serviceTime: { dist: 'constant', ms: 10 } },
        { id: 'db-queue', type: 'queue', capacity: 2, overflow: 'block' },
        { id: 'db', type: 'service', concurrency: 1, serviceTime: { dist: 'constant', ms: 200 } },
      ],
      [
        ['clients', 'api-queue'],
        ['api-queue', 'api'],
        ['api', 'db-queue'],
        ['db-queue', 'db'],
      ],
    );

  it('api workers hold finished items the db queue cannot take, so the api queue fills and refuses', () => {
    const sim = traced(pipeline());
    sim.runUntil(10_000);
    const r = sim.report().nodes;
    // The db serves 5/s; clients send 20/s. The api is fast, yet its workers end up holding items:
    expect(r.api!.holding).toBe(2);
    expect(r['db-queue']).toMatchObject({ rejected: 0, depth: 2 });
    expect(r['api-queue']!.rejected).toBeGreaterThan(100);
    // ...and the api's workers are busy (holding) nearly all the time although each item takes 10 ms.
    expect(r.api!.utilization).toBeGreaterThan(0.9);
    expect(r.db!.utilization).toBeGreaterThan(0.99);
    expect(conserved(sim)).toBe(true);
  });

  it('end-to-end latency is measured from creation to completion at the last stage', () => {
    const sim = traced(pipeline());
    sim.runUntil(10_000);
    const e = sim.report().endToEnd;
    expect(e.completed).toBe(sim.report().nodes.db!.completed);
    // Everything that completes waited behind the db: at least one db service time.
    expect(e.p50LatencyMs).toBeGreaterThan(200);
  });
});

describe('service-time distributions', () => {
  const dists: ServiceTime[] = [
    { dist: 'exponential', meanMs: 20 },
    { dist: 'lognormal', meanMs: 20, sigma: 1 },
    { dist: 'uniform', minMs: 5, maxMs: 35 },
  ];
  for (const d of dists) {
    it(`"${d.dist}" has the documented mean`, () => {
      const sim = traced(
        scenario(
          [
            { id: 'c', type: 'producer', rate: 1000 },
            { id: 's', type: 'service', concurrency: 10_000, serviceTime: d },
          ],
          [['c', 's']],
        ),
      );
      sim.runUntil(200_000);
      const r = sim.report().nodes.s!;
      const { mean, secondMoment } = moments(d);
      const sd = Math.sqrt(secondMoment - mean * mean);
      // Standard error of the mean over about 200,000 items; allow 4 of them.
      expect(Math.abs((r.meanServiceMs as number) - mean)).toBeLessThan((4 * sd) / Math.sqrt(r.arrived as number));
    });
  }
});
