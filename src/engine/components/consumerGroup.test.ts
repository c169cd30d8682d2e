/**
 * The consumer group, as Kafka's consumer documentation describes it (ConsumerConfig.java,
 * shared/reference/SEMANTICS.md "Kafka consumer"): one consumer per partition at most, poll batches,
 * max.poll.interval.ms, eager and cooperative rebalances, commits and redelivery, dead letters.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { conserved, scenario, traced } from '../testing/build';
import { createSimulation, F, F_STRIDE, G_STRIDE, parseScenario, type NodeInput, type Simulation } from '../index';

const num = (v: unknown) => v as number;
type GroupInput = Partial<Extract<NodeInput, { type: 'consumer-group' }>>;
type TopicInput = Partial<Extract<NodeInput, { type: 'topic' }>>;

/** producer → topic → group (→ extra nodes), with the group's and topic's settings given. */
function pipeline(producer: Partial<Extract<NodeInput, { type: 'producer' }>>, topic: TopicInput, group: GroupInput, durationMs = 60_000, extra: NodeInput[] = [], extraEdges: [string, string, ('send' | 'dead-letter')?][] = []) {
  return traced(
    scenario(
      [
        { id: 'orders', type: 'producer', rate: 100, arrival: 'constant', ...producer },
        { id: 'log', type: 'topic', partitions: 3, ...topic },
        { id: 'group', type: 'consumer-group', consumers: 1, processingTime: { dist: 'constant', ms: 1 }, ...group },
        ...extra,
      ],
      [['orders', 'log'], ['log', 'group'], ...extraEdges.map(([a, b, k]) => (k ? ([a, b, k] as [string, string, 'dead-letter']) : ([a, b] as [string, string])))],
      { durationMs },
    ),
  );
}

/** The group's snapshot field (it is node 2). */
const field = (sim: Simulation, f: number) => sim.snapshot()[G_STRIDE + 2 * F_STRIDE + f]!;

describe('partitions and consumers', () => {
  it('a group of 4 consumers on 3 partitions leaves one idle: each partition is read by one consumer', () => {
    const sim = pipeline({ rate: 300 }, { partitions: 3, partitioning: 'round-robin' }, { consumers: 4 });
    sim.runUntil(10_000);
    const g = sim.report().nodes.group!;
    expect(g).toMatchObject({ consumers: 4, members: 4, activeConsumers: 3, idleConsumers: 1, partitionsAssigned: 3 });
    expect(field(sim, F.activeConsumers)).toBe(3);
    // 3,000 records in 10 s, all read: the fourth consumer adds nothing.
    expect(num(g.processed)).toBeGreaterThanOrEqual(2997);
    expect(conserved(sim)).toBe(true);
  });

  it('with 3 consumers on 3 partitions, a fourth consumer cannot lower the lag of a slow group', () => {
    // 300 records/s over 3 partitions, 12 ms each: every consumer can do 83/s of the 100/s it gets.
    const run = (consumers: number) => {
      const sim = pipeline({ rate: 300 }, { partitions: 3, partitioning: 'round-robin' }, { consumers, processingTime: { dist: 'constant', ms: 12 } });
      sim.runUntil(30_000);
      return num(sim.report().nodes.group!.lag);
    };
    const three = run(3), four = run(4);
    // Each partition falls behind by 100 - 83.3 = 16.7/s: about 1,500 over 30 s, minus a batch in hand.
    expect(three).toBeGreaterThan(1000);
    expect(four).toBe(three);
  });

  it('lag equals produced minus consumed; records-lag (log end - position) leaves out the batch in hand', () => {
    // 100/s into 2 partitions; one consumer that can do 50/s. At 20 s the producer stops.
    const sim = pipeline({ rate: 100 }, { partitions: 2, partitioning: 'round-robin' }, { consumers: 1, processingTime: { dist: 'constant', ms: 20 }, maxPollRecords: 10 });
    sim.runUntil(20_000);
    const mid = sim.report().nodes;
    expect(num(mid.group!.lag)).toBe(num(mid.log!.appended) - num(mid.group!.processed));
    expect(num(mid.group!.lag)).toBeGreaterThan(900); // 2,000 appended, about 1,000 processed
    // Kafka's records-lag counts what is not fetched yet; the batch in hand (at most 10) is fetched.
    expect(num(mid.group!.recordsLag)).toBe(num(mid.log!.appended) - num(mid.group!.fetched));
    expect(num(mid.group!.lag) - num(mid.group!.recordsLag)).toBe(num(mid.group!.inFlight));
    expect(num(mid.group!.inFlight)).toBeLessThanOrEqual(10);
    // Drained (a quiet moment: nothing in hand), they agree, and everything produced was consumed.
    sim.setParams('orders', { rate: 0 });
    sim.runUntil(200_000);
    const end = sim.report().nodes;
    expect(end.group!.lag).toBe(0);
    expect(end.group!.processed).toBe(end.log!.appended);
    expect(end.group!.lagMs).toBe(0);
    expect(end.group!.recordsLag).toBe(0);
    expect(sim.report().totals).toMatchObject({ produced: 2000, completed: 2000, inSystem: 0 });
  });

  it('lag in seconds is the age of the oldest record not read yet', () => {
    const sim = pipeline({ rate: 100 }, { partitions: 1 }, { consumers: 1, processingTime: { dist: 'constant', ms: 20 }, maxPollRecords: 1 });
    sim.runUntil(10_000);
    // 50/s read of 100/s: at 10 s the consumer is at the record appended at about 5 s.
    expect(Math.abs(num(sim.report().nodes.group!.lagMs) - 5000)).toBeLessThan(100);
  });
});

/**
 * One partition turns hot: a burst puts 1,900 records on it, its consumer fetches 500 (5 ms each:
 * 2.5 s), longer than max.poll.interval.ms = 2 s. The other consumer owns the cold partition.
 */
const slowBatch = (rebalance: 'eager' | 'cooperative', group: GroupInput = {}) =>
  pipeline(
    { rate: 100, arrival: 'constant', profile: [{ atMs: 5000, rate: 2000, rampMs: 0 }, { atMs: 6000, rate: 100, rampMs: 0 }] },
    { partitions: 2, keys: 1000, hotKeyShare: 0.9 },
    { consumers: 2, processingTime: { dist: 'constant', ms: 5 }, maxPollRecords: 500, maxPollIntervalMs: 2000, rebalanceMs: 1000, rebalance, ...group },
    30_000,
  );

/** The first rebalance: when it started (a consumer left) and ended, and the group's polls then. */
function firstRebalance(rebalance: 'eager' | 'cooperative', group: GroupInput = {}) {
  const probe = slowBatch(rebalance, group);
  probe.runToEnd();
  const tl = probe.report().timeline.filter((e) => e.node === 'group');
  const left = tl.find((e) => e.kind === 'consumer-left')!;
  const start = tl.find((e) => e.kind === 'rebalance-start')!;
  const end = tl.find((e) => e.kind === 'rebalance-end')!;
  // The same scenario and seed again, stopping at those instants.
  const sim = slowBatch(rebalance, group);
  sim.runUntil(start.atMs);
  const pollsAtStart = num(sim.report().nodes.group!.polls);
  expect(field(sim, F.rebalancing)).toBe(1);
  sim.runUntil(end.atMs - 0.001);
  const pollsBeforeEnd = num(sim.report().nodes.group!.polls);
  return { left, start, end, pollsAtStart, pollsBeforeEnd, report: probe.report() };
}

describe('max.poll.interval.ms and rebalancing', () => {
  it('a consumer whose batch takes longer than max.poll.interval.ms leaves the group and triggers a rebalance', () => {
    const { left, start, report } = firstRebalance('eager');
    expect(start.atMs).toBe(left.atMs);
    // It polled its 500 records some time after the burst began at 5 s and was out 2 s later.
    expect(left.atMs).toBeGreaterThan(7000);
    expect(left.atMs).toBeLessThan(9000);
    expect(num(report.nodes.group!.leftGroup)).toBeGreaterThanOrEqual(1);
    expect(num(report.nodes.group!.failedCommits)).toBeGreaterThanOrEqual(1);
  });

  it('eager: the whole group pauses: nobody fetches from the rebalance start until its end', () => {
    const { start, end, pollsAtStart, pollsBeforeEnd } = firstRebalance('eager');
    expect(pollsBeforeEnd).toBe(pollsAtStart);
    // At least the sync round; the group also waited for the slow member to finish its batch.
    expect(end.atMs - start.atMs).toBeGreaterThanOrEqual(1000);
  });

  it('cooperative: only the moved partitions pause: the consumer that keeps its partition goes on reading', () => {
    const { start, end, pollsAtStart, pollsBeforeEnd } = firstRebalance('cooperative');
    expect(end.atMs - start.atMs).toBeGreaterThanOrEqual(1000);
    expect(pollsBeforeEnd).toBeGreaterThan(pollsAtStart);
  });

  it('the slow member’s commit fails, so its last batch is processed again by the new owner (at-least-once duplicates)', () => {
    const sim = slowBatch('eager');
    sim.runToEnd();
    const g = sim.report().nodes.group!;
    expect(num(g.redelivered)).toBeGreaterThanOrEqual(500);
    expect(g.deduplicated).toBe(0);
    // Every record still ends once: duplicates are extra work, not extra items.
    expect(conserved(sim)).toBe(true);
  });

  it('an idempotent consumer recognises the redelivered records and skips them instead', () => {
    const sim = slowBatch('eager', { idempotent: true });
    sim.runToEnd();
    const g = sim.report().nodes.group!;
    expect(g.redelivered).toBe(0);
    expect(num(g.deduplicated)).toBeGreaterThanOrEqual(500);
  });

  it('with max.poll.records low enough that a batch fits the interval, nobody leaves', () => {
    const sim = slowBatch('eager', { maxPollRecords: 100 });
    sim.runToEnd();
    const g = sim.report().nodes.group!;
    expect(g).toMatchObject({ leftGroup: 0, rebalances: 0, redelivered: 0 });
    // Caught up: at most the record or two of the last few milliseconds are not processed yet.
    expect(num(g.lag)).toBeLessThanOrEqual(2);
  });
});

describe('commits', () => {
  it('auto-commit every 5 s redelivers more after a consumer is kicked out than committing after each batch', () => {
    // A slow 200-record batch (4 s) against a 3 s poll interval, after 20 s of small batches.
    const run = (enableAutoCommit: boolean) => {
      const sim = pipeline(
        { rate: 40, profile: [{ atMs: 20_000, rate: 400, rampMs: 0 }, { atMs: 21_000, rate: 0, rampMs: 0 }] },
        { partitions: 1 },
        { consumers: 1, processingTime: { dist: 'constant', ms: 20 }, maxPollRecords: 200, maxPollIntervalMs: 3000, rebalanceMs: 100, enableAutoCommit, idempotent: true },
        60_000,
      );
      sim.runToEnd();
      return sim.report().nodes.group!;
    };
    const auto = run(true), manual = run(false);
    expect(num(manual.leftGroup)).toBeGreaterThanOrEqual(1);
    expect(num(auto.leftGroup)).toBeGreaterThanOrEqual(1);
    expect(num(manual.deduplicated)).toBeGreaterThan(0);
    expect(num(auto.deduplicated)).toBeGreaterThan(num(manual.deduplicated));
    expect(manual.lag).toBe(0);
  });
});

describe('failures, retries and the dead-letter topic', () => {
  it('a poison pill is retried maxRetries times, then goes to the dead-letter topic', () => {
    const sim = pipeline(
      { rate: 100 },
      { partitions: 1 },
      { poisonRate: 0.1, maxRetries: 2 },
      20_000,
      [{ id: 'orders-dlt', type: 'topic', partitions: 1 }],
      [['group', 'orders-dlt', 'dead-letter']],
    );
    sim.runToEnd();
    const r = sim.report();
    const g = r.nodes.group!;
    // About one record in ten; three attempts each.
    expect(Math.abs(num(g.deadLettered) - 200)).toBeLessThan(5 * Math.sqrt(2000 * 0.1 * 0.9));
    expect(g.retries).toBe(2 * num(g.deadLettered));
    expect(r.nodes['orders-dlt']!.appended).toBe(g.deadLettered);
    expect(num(g.processed) + num(g.deadLettered)).toBe(num(g.fetched) - num(g.inFlight));
    expect(r.totals.failed).toBe(0);
    expect(conserved(sim)).toBe(true);
  });

  it('without a dead-letter route a record that fails every retry fails there (500)', () => {
    const sim = pipeline({ rate: 100 }, { partitions: 1 }, { errorRate: 1, maxRetries: 1 }, 5000);
    sim.runToEnd();
    const r = sim.report();
    expect(num(r.nodes.group!.failed)).toBeGreaterThan(400);
    expect(r.reasons.error!.count).toBe(r.nodes.group!.failed);
  });

  it('transient errors mostly succeed on a retry: P(three failures in a row) = errorRate³', () => {
    const sim = pipeline({ rate: 1000 }, { partitions: 1 }, { errorRate: 0.2, maxRetries: 2 }, 20_000, [{ id: 'dlt', type: 'topic', partitions: 1 }], [['group', 'dlt', 'dead-letter']]);
    sim.runToEnd();
    const g = sim.report().nodes.group!;
    const n = num(g.fetched);
    expect(Math.abs(num(g.deadLettered) - n * 0.008)).toBeLessThan(5 * Math.sqrt(n * 0.008));
  });
});

describe('retention against a lagging group', () => {
  const lagging = (autoOffsetReset: 'latest' | 'earliest') => {
    // 100/s, read at 50/s, retention 10 s: the group falls behind until retention eats its backlog.
    const sim = pipeline({ rate: 100 }, { partitions: 1, retentionMs: 10_000 }, { consumers: 1, processingTime: { dist: 'constant', ms: 20 }, maxPollRecords: 50, autoOffsetReset });
    sim.runUntil(60_000);
    return sim;
  };

  it('a lagging group loses records older than retention (counted), and its lag in seconds stays under retention', () => {
    const sim = lagging('earliest');
    const r = sim.report();
    expect(num(r.nodes.log!.lostToRetention)).toBeGreaterThan(1000);
    expect(r.reasons.retention!.count).toBe(r.nodes.log!.lostToRetention);
    expect(num(r.nodes.log!.lagMs)).toBeLessThanOrEqual(10_000);
    // The group's: plus at most one batch in hand (50 records of 20 ms).
    expect(num(r.nodes.group!.lagMs)).toBeLessThanOrEqual(10_000 + 50 * 20);
    expect(num(r.nodes.group!.offsetResets)).toBeGreaterThan(0);
    expect(r.nodes.log!.skippedByOffsetReset).toBe(0);
    expect(conserved(sim)).toBe(true);
  });

  it('auto.offset.reset "latest" jumps to the end when the offset is deleted: the records between are skipped', () => {
    const sim = lagging('latest');
    const r = sim.report();
    expect(num(r.nodes.log!.skippedByOffsetReset)).toBeGreaterThan(0);
    expect(r.reasons['offset-reset']!.count).toBe(r.nodes.log!.skippedByOffsetReset);
    expect(conserved(sim)).toBe(true);
  });
});

describe('scaling the group (setConsumers)', () => {
  it('adding consumers (up to the partition count) makes lag fall; removing one commits first: nothing redelivered', () => {
    const sim = pipeline({ rate: 300 }, { partitions: 3, partitioning: 'round-robin' }, { consumers: 1, processingTime: { dist: 'constant', ms: 5 }, maxPollRecords: 100 }, 120_000);
    sim.runUntil(20_000);
    const behind = num(sim.report().nodes.group!.lag);
    expect(behind).toBeGreaterThan(1500); // 300/s in, 200/s out
    expect(sim.setParams('group', { consumers: 3 }).ok).toBe(true);
    sim.runUntil(23_000);
    expect(num(sim.report().nodes.group!.rebalances)).toBe(1);
    sim.runUntil(60_000);
    expect(num(sim.report().nodes.group!.lag)).toBeLessThan(behind / 10);
    sim.setParams('group', { consumers: 2 });
    sim.runUntil(80_000);
    const g = sim.report().nodes.group!;
    expect(g).toMatchObject({ members: 2, rebalances: 2, redelivered: 0, leftGroup: 0 });
    expect(conserved(sim)).toBe(true);
  });
});

describe('determinism and conservation', () => {
  it('the same scenario and seed give the same report', () => {
    const a = slowBatch('cooperative', { errorRate: 0.05 });
    const b = slowBatch('cooperative', { errorRate: 0.05 });
    a.runToEnd();
    b.runUntil(7777);
    b.runToEnd();
    expect(b.report()).toEqual({ ...a.report(), wallMs: b.report().wallMs });
  });

  it('on random topics and groups: produced = completed + lost + failed + in the system, whenever we stop', () => {
    const groupArb = fc.record({
      consumers: fc.integer({ min: 0, max: 5 }),
      processingTime: fc.oneof(fc.record({ dist: fc.constant('constant' as const), ms: fc.integer({ min: 0, max: 30 }) }), fc.record({ dist: fc.constant('exponential' as const), meanMs: fc.integer({ min: 1, max: 30 }) })),
      maxPollRecords: fc.integer({ min: 1, max: 300 }),
      maxPollIntervalMs: fc.integer({ min: 50, max: 5000 }),
      rebalance: fc.constantFrom('eager' as const, 'cooperative' as const),
      rebalanceMs: fc.integer({ min: 0, max: 2000 }),
      enableAutoCommit: fc.boolean(),
      autoCommitIntervalMs: fc.integer({ min: 1, max: 6000 }),
      autoOffsetReset: fc.constantFrom('latest' as const, 'earliest' as const),
      errorRate: fc.constantFrom(0, 0.1, 1),
      poisonRate: fc.constantFrom(0, 0.05),
      maxRetries: fc.integer({ min: 0, max: 3 }),
      idempotent: fc.boolean(),
    });
    const topicArb = fc.record({ partitions: fc.integer({ min: 1, max: 6 }), partitioning: fc.constantFrom('key' as const, 'round-robin' as const), keys: fc.integer({ min: 1, max: 50 }), hotKeyShare: fc.constantFrom(0, 0.5), retentionMs: fc.integer({ min: 100, max: 20_000 }) });
    const edits = fc.array(fc.record({ atFraction: fc.double({ min: 0, max: 1, noNaN: true }), consumers: fc.integer({ min: 0, max: 6 }), partitions: fc.integer({ min: 1, max: 8 }) }), { maxLength: 3 });
    fc.assert(
      fc.property(topicArb, groupArb, fc.integer({ min: 1, max: 800 }), fc.boolean(), fc.boolean(), edits, fc.integer({ min: 0, max: 1000 }), (topic, group, rate, downstream, dlt, changes, seed) => {
        const nodes: unknown[] = [
          { id: 'p', type: 'producer', rate },
          { id: 't', type: 'topic', ...topic },
          { id: 'g', type: 'consumer-group', ...group },
          { id: 'q', type: 'queue', capacity: 5, overflow: 'block-timeout', blockTimeoutMs: 20 },
          { id: 's', type: 'service', concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 5 } },
          { id: 'dlt', type: 'topic', partitions: 1, retentionMs: 1000 },
        ];
        const edges = [
          { from: 'p', to: 't' },
          { from: 't', to: 'g' },
          { from: 'q', to: 's' },
          ...(downstream ? [{ from: 'g', to: 'q' }] : []),
          ...(dlt ? [{ from: 'g', to: 'dlt', kind: 'dead-letter' }] : []),
        ];
        const parsed = parseScenario({ version: 1, seed, durationMs: 20_000, nodes, edges });
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
        const sim = createSimulation(parsed.value);
        const stops = changes.map((c) => ({ ...c, at: c.atFraction * 20_000 })).sort((a, b) => a.at - b.at);
        for (const c of stops) {
          sim.runUntil(c.at);
          expect(conserved(sim), `conservation at ${sim.now}`).toBe(true);
          expect(sim.setParams('g', { consumers: c.consumers }).ok).toBe(true);
          expect(sim.setParams('t', { partitions: c.partitions }).ok).toBe(true);
        }
        sim.runToEnd();
        const r = sim.report();
        expect(conserved(sim)).toBe(true);
        const t = r.totals;
        expect(t.produced).toBe(t.completed + t.refused + t.dropped + t.expired + t.failed + t.timedOut + t.inSystem);
        const g = r.nodes.g!, lg = r.nodes.t!;
        // The topic's books: every appended record is unread, delivered, or lost.
        expect(num(lg.appended)).toBe(num(lg.unread) + num(lg.delivered) + num(lg.lostToRetention) + num(lg.skippedByOffsetReset));
        expect(lg.delivered).toBe(g.fetched);
        expect(num(lg.lostToRetention) + num(lg.skippedByOffsetReset) + num(r.nodes.dlt!.lostToRetention)).toBe(t.expired);
        // The group's: every fetched record is processed (and handed on, or held for a next stage
        // with no room), dead-lettered, failed, or in hand.
        expect(num(g.fetched)).toBe(num(g.processed) + num(g.deadLettered) + num(g.failed) + num(g.inFlight) - num(g.holding));
        expect(num(g.holding)).toBeLessThanOrEqual(num(g.inFlight));
        expect(num(g.activeConsumers)).toBeLessThanOrEqual(Math.min(num(g.members), num(lg.partitions)));
        expect(num(g.lag)).toBeGreaterThanOrEqual(0);
        expect(num(lg.lagMs)).toBeLessThanOrEqual(topic.retentionMs + 1e-9);
        expect(num(g.lag)).toBe(num(g.recordsLag) + num(g.inFlight) - num(g.holding));
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 60) },
    );
  });
});
