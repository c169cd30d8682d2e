/**
 * The topic: a partitioned log with retention (Kafka's partitioner and retention.ms). Each test
 * reads like the broker's documentation.
 */
import { describe, expect, it } from 'vitest';
import { conserved, scenario, traced } from '../testing/build';
import type { NodeInput } from '../index';
import type { Topic } from './topic';

const num = (v: unknown) => v as number;
const tenPerSecond: NodeInput = { id: 'orders', type: 'producer', rate: 10, arrival: 'constant' };

describe('topic partitioning', () => {
  it('round-robin puts each record on the next partition in turn: equal shares', () => {
    const sim = traced(scenario([{ ...tenPerSecond, rate: 1000 }, { id: 't', type: 'topic', partitions: 4, partitioning: 'round-robin' }], [['orders', 't']]));
    sim.runUntil(1000);
    expect(sim.report().nodes.t!.lagByPartition).toBe('250,250,250,250');
  });

  it('by key: hash(key) mod partitions spreads a uniform key space evenly (within binomial noise)', () => {
    const sim = traced(scenario([{ ...tenPerSecond, rate: 1000 }, { id: 't', type: 'topic', partitions: 4, keys: 100_000 }], [['orders', 't']]));
    sim.runUntil(20_000);
    const shares = String(sim.report().nodes.t!.lagByPartition).split(',').map(Number);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(20_000);
    // 20,000 records, p = 1/4: standard deviation sqrt(20000 * 1/4 * 3/4) ≈ 61; allow 5 of them.
    for (const s of shares) expect(Math.abs(s - 5000)).toBeLessThan(5 * 61);
  });

  it('by key with a hot key: its partition gets the hot share on top of its fair share', () => {
    const sim = traced(scenario([{ ...tenPerSecond, rate: 1000 }, { id: 't', type: 'topic', partitions: 4, keys: 100_000, hotKeyShare: 0.6 }], [['orders', 't']]));
    sim.runUntil(20_000);
    const shares = String(sim.report().nodes.t!.lagByPartition).split(',').map(Number);
    const hottest = Math.max(...shares);
    // 60% on the hot key's partition, plus a quarter of the other 40%: 70% = 14,000.
    expect(Math.abs(hottest - 14_000)).toBeLessThan(5 * Math.sqrt(20_000 * 0.7 * 0.3));
  });

  it('the same key lands on the same partition, and a key space of one is one partition', () => {
    const sim = traced(scenario([{ ...tenPerSecond, rate: 1000 }, { id: 't', type: 'topic', partitions: 8, keys: 1 }], [['orders', 't']]));
    sim.runUntil(1000);
    const shares = String(sim.report().nodes.t!.lagByPartition).split(',').map(Number);
    expect(shares.filter((s) => s > 0)).toEqual([1000]);
  });
});

describe('topic retention (retention.ms)', () => {
  it('deletes a record once it is older than retention: unread, it is lost, counted with reason "retention"', () => {
    // Nobody reads this topic: every record is lost exactly retentionMs after it was appended.
    const sim = traced(scenario([tenPerSecond, { id: 't', type: 'topic', partitions: 1, retentionMs: 2000 }], [['orders', 't']]));
    sim.runUntil(2300);
    expect(sim.trace).toEqual([
      [2100, 1, 'expired', 't'],
      [2200, 2, 'expired', 't'],
      [2300, 3, 'expired', 't'],
    ]);
    const t = sim.report().nodes.t!;
    // Appended at 100..2300: 23; deleted 3; the 20 of the last 2 s are still there.
    expect(t).toMatchObject({ appended: 23, lostToRetention: 3, unread: 20, lag: 20 });
    expect(sim.report().reasons.retention).toEqual({ status: 503, count: 3 });
    expect(conserved(sim)).toBe(true);
  });

  it('lag in seconds is the age of the oldest unread record, and stays below retention', () => {
    const sim = traced(scenario([tenPerSecond, { id: 't', type: 'topic', partitions: 1, retentionMs: 2000 }], [['orders', 't']]));
    sim.runUntil(1550);
    expect(sim.report().nodes.t!.lagMs).toBe(1450); // the record of t = 100
    sim.runUntil(10_000);
    expect(num(sim.report().nodes.t!.lagMs)).toBeLessThanOrEqual(2000);
  });

  it('keeps memory flat: with a group keeping up, only records not yet committed stay in memory', () => {
    const sim = traced(
      scenario(
        [
          { ...tenPerSecond, rate: 2000, arrival: 'poisson' },
          { id: 't', type: 'topic', partitions: 2 },
          { id: 'g', type: 'consumer-group', consumers: 2, processingTime: { dist: 'constant', ms: 0.1 } },
        ],
        [
          ['orders', 't'],
          ['t', 'g'],
        ],
        { durationMs: 600_000 },
      ),
    );
    const topic = sim.sim.nodes[1] as Topic;
    let most = 0;
    for (let t = 10_000; t <= 600_000; t += 10_000) {
      sim.runUntil(t);
      for (const log of topic.logs) most = Math.max(most, log.end - log.base);
    }
    // 1,000 records/s per partition, committed every 5 s (auto-commit): about 5,000 kept, never 300,000.
    expect(most).toBeLessThan(7000);
    expect(sim.report().nodes.t!.appended).toBeGreaterThan(1_100_000);
    expect(conserved(sim)).toBe(true);
  });
});
