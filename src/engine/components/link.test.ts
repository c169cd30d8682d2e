/**
 * Network link: latency on the way to the next hop, as Linux's netem adds it
 * (`tc qdisc add dev eth0 root netem delay 100ms 20ms limit 1000`).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { conserved, scenario, traced } from '../testing/build';
import { createSimulation, type NodeInput } from '../index';

const fast: NodeInput = { id: 'backend', type: 'service', concurrency: 1000, serviceTime: { dist: 'constant', ms: 0 } };

/** producer → link → fast service. */
function path(link: Partial<Extract<NodeInput, { type: 'link' }>>, producer: Partial<Extract<NodeInput, { type: 'producer' }>> = {}, seed = 1) {
  return scenario(
    [{ id: 'users', type: 'producer', rate: 100, arrival: 'constant', ...producer }, { id: 'net', type: 'link', ...link }, fast],
    [
      ['users', 'net'],
      ['net', 'backend'],
    ],
    { seed },
  );
}

/** Each finished item's time from its creation to its end. */
function timesThrough(sim: ReturnType<typeof traced>): { serials: number[]; ms: number[] } {
  const s = sim.sim;
  const serials: number[] = [];
  const ms: number[] = [];
  const finish = s.finish.bind(s);
  s.finish = (item, outcome, at, reason, retryAfterMs) => {
    serials.push(s.items.serial[item]!);
    ms.push(s.now - s.items.created[item]!);
    finish(item, outcome, at, reason, retryAfterMs);
  };
  return { serials, ms };
}

describe('network link (netem delay)', () => {
  it('delays every item by exactly delayMs when there is no jitter, keeping their order', () => {
    const sim = traced(path({ delayMs: 80 }));
    const { serials, ms } = timesThrough(sim);
    sim.runUntil(5000);
    expect(ms.length).toBeGreaterThan(450);
    expect(new Set(ms)).toEqual(new Set([80]));
    expect(serials).toEqual([...serials].sort((a, b) => a - b));
    expect(sim.report().endToEnd.meanLatencyMs).toBeCloseTo(80, 6);
  });

  it("obeys Little's law: at λ = 200/s and 100 ms it holds λ·D = 20 items on average", () => {
    const sim = createSimulation(path({ delayMs: 100 }, { rate: 200, arrival: 'poisson' }));
    sim.runUntil(60_000);
    const net = sim.report().nodes['net']!;
    expect(net['meanHeld'] as number).toBeGreaterThan(19);
    expect(net['meanHeld'] as number).toBeLessThan(21);
    expect(net['meanInFlight']).toBe(net['meanHeld']); // nothing waits at the far end behind a fast service
    expect(net['refused']).toBe(0);
    // Little again, from the link's own numbers: mean held = throughput × 100 ms.
    expect(net['meanHeld'] as number).toBeCloseTo(((net['delivered'] as number) / 60) * 0.1, 0);
  });

  it('with jitter keeps every delay within [D - J, D + J] and lets items overtake each other', () => {
    const sim = traced(path({ delayMs: 50, jitterMs: 20 }, { rate: 200 }));
    const { serials, ms } = timesThrough(sim);
    sim.runUntil(5000);
    expect(Math.min(...ms)).toBeGreaterThanOrEqual(30);
    expect(Math.max(...ms)).toBeLessThanOrEqual(70);
    expect(Math.max(...ms) - Math.min(...ms)).toBeGreaterThan(35); // the whole window is used
    const overtaken = serials.filter((s, i) => i > 0 && s < serials[i - 1]!).length;
    expect(overtaken).toBeGreaterThan(100); // items 5 ms apart with ±20 ms: reordered, as netem does
    expect(sim.report().endToEnd.meanLatencyMs).toBeGreaterThan(48);
    expect(sim.report().endToEnd.meanLatencyMs).toBeLessThan(52);
  });

  it('refuses items over its limit at once with link-full (503)', () => {
    // 1000/s for 100 ms is 100 in the air; a limit of 30 turns the rest away.
    const sim = traced(path({ delayMs: 100, limit: 30 }, { rate: 1000 }));
    sim.runUntil(2000);
    const r = sim.report();
    const net = r.nodes['net']!;
    expect(r.reasons['link-full']!.status).toBe(503);
    expect(r.reasons['link-full']!.count).toBe(net['refused']);
    expect(net['refused'] as number).toBeGreaterThan(1000);
    // At 30 held and 100 ms each, 300 a second get through.
    expect(net['delivered'] as number).toBeGreaterThan(560);
    expect(net['delivered'] as number).toBeLessThan(600);
    expect(conserved(sim)).toBe(true);
  });

  it('without an output refuses everything (no-route)', () => {
    const sim = createSimulation(scenario([{ id: 'users', type: 'producer', rate: 100 }, { id: 'net', type: 'link' }], [['users', 'net']]));
    sim.runUntil(1000);
    const r = sim.report();
    expect(r.nodes['net']!['refused']).toBe(r.totals.produced);
    expect(r.reasons['no-route']!.count).toBe(r.totals.produced);
  });

  it('holds items while the next hop is BUSY and delivers them later, in the order they arrived there', () => {
    // 100/s into a service that does 20/s behind a 2-place blocking queue: the queue says BUSY.
    const s = scenario(
      [
        { id: 'users', type: 'producer', rate: 100, arrival: 'constant' },
        { id: 'net', type: 'link', delayMs: 10, limit: 20 },
        { id: 'q', type: 'queue', capacity: 2, overflow: 'block' },
        { id: 'slow', type: 'service', concurrency: 1, serviceTime: { dist: 'constant', ms: 50 } },
      ],
      [
        ['users', 'net'],
        ['net', 'q'],
        ['q', 'slow'],
      ],
    );
    const sim = traced(s);
    const { serials, ms } = timesThrough(sim);
    sim.runUntil(3000);
    const net = sim.report().nodes['net']!;
    expect(net['waiting'] as number).toBeGreaterThan(10); // travelled, and waiting for room at the far end
    expect(net['held']).toBe(20); // still counted against the limit
    expect(net['refused'] as number).toBeGreaterThan(100); // so the link is full: link-full at the door
    expect(sim.report().reasons['link-full']!.count).toBe(net['refused']);
    const done = serials.filter((_, i) => sim.trace[i]![2] === 'completed');
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(Math.max(...ms)).toBeGreaterThan(10 + 50 * 20); // waited in the link, then the queue, then served
    expect(conserved(sim)).toBe(true);
  });

  it('ends a waiting item with the next hop\'s block-timeout when it gives up on the link', () => {
    const s = scenario(
      [
        { id: 'users', type: 'producer', rate: 100, arrival: 'constant' },
        { id: 'net', type: 'link', delayMs: 10, limit: 50 },
        { id: 'q', type: 'queue', capacity: 1, overflow: 'block-timeout', blockTimeoutMs: 30 },
        { id: 'slow', type: 'service', concurrency: 1, serviceTime: { dist: 'constant', ms: 50 } },
      ],
      [
        ['users', 'net'],
        ['net', 'q'],
        ['q', 'slow'],
      ],
    );
    const sim = createSimulation(s);
    sim.runUntil(3000);
    const r = sim.report();
    expect(r.reasons['block-timeout']!.count).toBeGreaterThan(10);
    expect(conserved(sim)).toBe(true);
  });

  it('gives the same report for the same seed, and other delays for another seed', () => {
    const run = (seed: number) => {
      const sim = createSimulation(path({ delayMs: 40, jitterMs: 30, limit: 5 }, { rate: 300, arrival: 'poisson' }, seed));
      sim.runUntil(3000);
      return JSON.stringify(sim.report());
    };
    expect(run(7)).toBe(run(7));
    expect(run(7)).not.toBe(run(8));
  });

  it('ends every item exactly once whatever its settings and what is behind it (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        fc.constantFrom('drop-newest', 'block', 'block-timeout') as fc.Arbitrary<'drop-newest' | 'block' | 'block-timeout'>,
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 100, max: 3000 }),
        (delayMs, jitterShare, limit, overflow, seed, stopAt) => {
          const s = scenario(
            [
              { id: 'users', type: 'producer', rate: 150 },
              { id: 'net', type: 'link', delayMs, jitterMs: delayMs * jitterShare, limit },
              { id: 'q', type: 'queue', capacity: 3, overflow, blockTimeoutMs: 20 },
              { id: 'slow', type: 'service', concurrency: 2, serviceTime: { dist: 'exponential', meanMs: 15 } },
            ],
            [
              ['users', 'net'],
              ['net', 'q'],
              ['q', 'slow'],
            ],
            { seed },
          );
          const sim = createSimulation(s);
          sim.runUntil(stopAt);
          const net = sim.report().nodes['net']!;
          return conserved(sim) && (net['held'] as number) <= limit && net['accepted'] === (net['delivered'] as number) + (net['held'] as number) + (net['refusedOnward'] as number);
        },
      ),
      { numRuns: 40 },
    );
  });
});

