/** Scatter-gather (fanOut.ts) against "The Tail at Scale"'s arithmetic, and the shared row's optimistic concurrency (sharedRow.ts). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation, type NodeInput, type ServiceTime } from '../index';
import { parseScenario } from '../scenario/validate';
import { scenario } from '../testing/build';
import { bucketHigh, bucketLow } from '../metrics/histogram';

const num = (v: unknown) => v as number;

/** Each call takes 10 ms, or 1 s with probability q. */
const slowWithP = (q: number): ServiceTime => ({
  dist: 'mixture',
  components: [
    { weight: 1 - q, dist: 'constant', ms: 10 },
    { weight: q, dist: 'constant', ms: 1000 },
  ],
});

function fanOut(fan: Partial<Extract<NodeInput, { type: 'fan-out' }>>, q: number, backends = 1, extra: Partial<Extract<NodeInput, { type: 'service' }>> = {}, ms = 100_000, seed = 1) {
  const ids = Array.from({ length: backends }, (_, i) => `leaf${i}`);
  const sim = createSimulation(
    scenario(
      [
        { id: 'users', type: 'producer', rate: 20 },
        { id: 'fan', type: 'fan-out', ...fan },
        ...ids.map((id): NodeInput => ({ id, type: 'service', concurrency: 10_000, serviceTime: slowWithP(q), ...extra })),
      ],
      [['users', 'fan'], ...ids.map((id): [string, string] => ['fan', id])],
      { seed },
    ),
  );
  sim.runUntil(ms);
  return sim;
}

const balanced = (sim: ReturnType<typeof createSimulation>) => {
  const t = sim.report().totals;
  return t.produced === t.completed + t.refused + t.dropped + t.expired + t.failed + t.timedOut + t.inSystem;
};

describe('fan-out (scatter-gather)', () => {
  it('waiting for all n calls, a request is slow with probability 1 - (1 - q)^n', () => {
    const q = 0.01;
    for (const n of [1, 10, 100]) {
      const sim = fanOut({ calls: n, waitFor: 'all' }, q, 3);
      const r = sim.report().nodes.fan!;
      const done = num(r.completed);
      // A request is slow (≥ 1 s) iff one of its calls was: count them from the per-request latencies.
      const slowShare = 1 - fastShare(sim, 'fan');
      const want = 1 - (1 - q) ** n;
      expect(Math.abs(slowShare - want), `n = ${n}: slow share ${slowShare} vs ${want}`).toBeLessThan(4 * Math.sqrt((want * (1 - want)) / done) + 2 / done);
      // Per call, the tail stays that of one call: 1% slow.
      expect(num(r.p50CallLatencyMs)).toBeLessThan(10.1);
      expect(balanced(sim)).toBe(true);
    }
  });

  it('waiting for the first k of n cuts the tail: slow only if more than n - k calls are', () => {
    const sim = fanOut({ calls: 100, waitFor: 95 }, 0.01, 2);
    const r = sim.report().nodes.fan!;
    // P(more than 5 of 100 slow) at q = 1% is 0.06%: nearly every request is fast, and the slow calls are cancelled.
    expect(num(r.p99LatencyMs)).toBeLessThan(10.1);
    expect(num(r.callsCancelled)).toBeGreaterThan(0);
    expect(balanced(sim)).toBe(true);
  });

  it('spreads calls round-robin over its outgoing edges', () => {
    const sim = fanOut({ calls: 6, waitFor: 'all' }, 0, 3, {}, 10_000);
    const r = sim.report().nodes;
    const a = num(r.leaf0!.arrived), b = num(r.leaf1!.arrived), c = num(r.leaf2!.arrived);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(a).toBe(2 * num(r.fan!.accepted));
  });

  it('fails a request as soon as a needed call fails, with that call\'s reason', () => {
    const sim = fanOut({ calls: 10, waitFor: 'all' }, 0, 1, { errorRate: 0.05 });
    const r = sim.report();
    const fan = r.nodes.fan!;
    const n = num(fan.accepted);
    const want = (1 - 0.05) ** 10;
    expect(Math.abs(num(fan.completed) / n - want)).toBeLessThan(4 * Math.sqrt((want * (1 - want)) / n) + 2 / n);
    expect(r.totals.failed).toBe(num(fan.failed));
    expect(r.reasons.error!.count).toBeGreaterThanOrEqual(num(fan.failed));
    expect(num(fan.callsCancelled)).toBeGreaterThan(0);
  });

  it('refuses waitFor above calls, and hedging with retries, with the field named', () => {
    const bad = parseScenario({ version: 1, nodes: [{ id: 'f', type: 'fan-out', calls: 3, waitFor: 5 }] });
    expect(!bad.ok && bad.issues[0]).toEqual({ path: 'nodes[0] (f).waitFor', message: 'waitFor cannot be more than calls' });
    const both = parseScenario({ version: 1, nodes: [{ id: 'f', type: 'fan-out', maxAttempts: 2, hedgingPolicy: {} }] });
    expect(!both.ok && both.issues[0]!.path).toBe('nodes[0] (f).hedgingPolicy');
  });

  it('conserves every request, leaves no call behind and runs the same for the same seed, with retries, hedges, timeouts and failures', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom<'retries' | 'hedging' | 'none'>('retries', 'hedging', 'none'),
        fc.option(fc.integer({ min: 5, max: 300 }), { nil: undefined }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.integer({ min: 1, max: 500 }),
        (calls, k, policy, timeoutMs, errorRate, seed) => {
          const waitFor = k === 0 || k > calls ? ('all' as const) : k;
          const pol = policy === 'retries' ? { maxAttempts: 3 } : policy === 'hedging' ? { hedgingPolicy: { maxAttempts: 2, hedgingDelayMs: 15 } } : {};
          const make = () => fanOut({ calls, waitFor, ...pol, ...(timeoutMs ? { timeoutMs } : {}) }, 0.05, 2, { errorRate, concurrency: 20 }, 3000, seed);
          const sim = make();
          expect(balanced(sim)).toBe(true);
          // Same design and seed: the same run, to the last count and quantile.
          const twin = make();
          expect(twin.report()).toEqual(sim.report());
          sim.setParams('users', { rate: 0 });
          sim.runFor(60_000);
          expect(sim.sim.items.live).toBe(0);
          expect(sim.report().totals.inSystem).toBe(0);
          expect(balanced(sim)).toBe(true);
          twin.setParams('users', { rate: 0 });
          twin.runFor(60_000);
          expect(twin.report()).toEqual(sim.report());
        },
      ),
      { numRuns: 25 },
    );
  });
});

/** Share of a fan-out's requests answered in under 500 ms (fast calls are 10 ms, slow ones 1 s). */
function fastShare(sim: ReturnType<typeof createSimulation>, id: string): number {
  const node = sim.sim.nodes.find((n) => n.id === id) as unknown as { requestLatency: { counts: Float64Array; count: number } };
  const h = node.requestLatency;
  let fast = 0;
  for (let b = 0; b < h.counts.length; b++) if (bucketMid(b) < 500) fast += h.counts[b]!;
  return fast / h.count;
}

const bucketMid = (b: number) => (bucketLow(b) + bucketHigh(b)) / 2;

describe('shared row (optimistic concurrency)', () => {
  /** N clients, each making one update, retrying conflicts with the given jitter. */
  function contention(jitter: 'none' | 'full' | 'equal' | 'decorrelated', n = 20, seed = 1) {
    const sim = createSimulation(
      scenario(
        [
          // n requests within the first millisecond: clients that start together.
          { id: 'clients', type: 'producer', rate: n * 1000, arrival: 'constant', profile: [{ atMs: 1, rate: 0 }] },
          { id: 'client', type: 'client', maxAttempts: 10, backoff: { baseMs: 10, capMs: 2000, multiplier: 2, jitter } },
          { id: 'row', type: 'shared-row', hopMs: 5 },
        ],
        [
          ['clients', 'client'],
          ['client', 'row'],
        ],
        { seed },
      ),
    );
    sim.runUntil(60_000);
    return sim.report();
  }

  it('lets one write of a round land; the others conflict with 409 and retry', () => {
    const r = contention('full');
    const row = r.nodes.row!;
    expect(r.totals.produced).toBe(20);
    // Every write that landed is one client finished; conflicts are the calls that lost a race.
    expect(num(row.writes)).toBe(r.totals.completed);
    expect(num(row.arrived)).toBe(num(row.writes) + num(row.conflicts));
    expect(r.reasons.conflict?.status ?? 409).toBe(409);
  });

  it('without jitter the retries stay in lockstep: one winner per round; with jitter far fewer calls finish the work', () => {
    const none = contention('none');
    // Lockstep: round after round all remaining clients read together and one write lands.
    expect(num(none.nodes.row!.writes)).toBeLessThanOrEqual(10);
    expect(none.totals.failed).toBeGreaterThanOrEqual(10);
    for (const j of ['full', 'equal', 'decorrelated'] as const) {
      const r = contention(j);
      expect(r.totals.completed, `${j}: every client finishes`).toBeGreaterThan(none.totals.completed);
      const callsPerWrite = num(r.nodes.client!.attempts) / Math.max(1, r.totals.completed);
      const noneCallsPerWrite = num(none.nodes.client!.attempts) / Math.max(1, none.totals.completed);
      expect(callsPerWrite, j).toBeLessThan(noneCallsPerWrite);
    }
  });
});
