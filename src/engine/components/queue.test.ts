import { describe, expect, it } from 'vitest';
import { conserved, scenario, traced } from '../testing/build';
import type { NodeInput } from '../index';

const num = (v: unknown) => v as number;

// One item every 100 ms into a queue drained by one worker that takes 1 s per item:
// the worker is busy from t=100 to t=1100, so items 2, 3, ... find the queue.
const tenPerSecond: NodeInput = { id: 'clients', type: 'producer', rate: 10, arrival: 'constant' };
const slowWorker: NodeInput = { id: 'worker', type: 'service', concurrency: 1, serviceTime: { dist: 'constant', ms: 1000 } };
const queue = (q: Partial<Extract<NodeInput, { type: 'queue' }>>): NodeInput => ({ id: 'q', type: 'queue', capacity: 2, ...q });
const chain = (q: NodeInput, extra: NodeInput[] = []) =>
  scenario([tenPerSecond, q, slowWorker, ...extra], [
    ['clients', 'q'],
    ['q', 'worker'],
  ]);

describe('queue, overflow "drop-newest"', () => {
  it('refuses the arriving item when full and tells its sender', () => {
    const sim = traced(chain(queue({ overflow: 'drop-newest' })));
    sim.runUntil(600);
    // 1 is in service, 2 and 3 wait; 4, 5, 6 are refused at the door.
    expect(sim.trace).toEqual([
      [400, 4, 'refused', 'q'],
      [500, 5, 'refused', 'q'],
      [600, 6, 'refused', 'q'],
    ]);
    const r = sim.report().nodes;
    expect(r.q).toMatchObject({ arrived: 6, accepted: 3, rejected: 3, dropped: 0, departed: 1, depth: 2, maxDepth: 2 });
    expect(r.clients).toMatchObject({ produced: 6, accepted: 3, refused: 3 });
  });
});

describe('queue, overflow "drop-oldest"', () => {
  it('discards the item that waited longest to make room for the new one', () => {
    const sim = traced(chain(queue({ overflow: 'drop-oldest' })));
    sim.runUntil(1200);
    expect(sim.trace).toEqual([
      [400, 2, 'dropped', 'q'],
      [500, 3, 'dropped', 'q'],
      [600, 4, 'dropped', 'q'],
      [700, 5, 'dropped', 'q'],
      [800, 6, 'dropped', 'q'],
      [900, 7, 'dropped', 'q'],
      [1000, 8, 'dropped', 'q'],
      [1100, 1, 'completed', 'worker'],
      // At 1100 the worker finishes item 1 and takes item 9; 11 arrives; at 1200 item 12 pushes out 10.
      [1200, 10, 'dropped', 'q'],
    ]);
    expect(sim.report().nodes.q).toMatchObject({ accepted: 12, rejected: 0, dropped: 8 });
  });
});

describe('queue, overflow "block"', () => {
  it('keeps the sender waiting until there is room: the producer stops and counts the time', () => {
    const sim = traced(chain(queue({ overflow: 'block' })));
    sim.runUntil(2000);
    // Item 4 (t=400) cannot enter; the producer holds it until the worker takes item 2 at t=1100,
    // then produces item 5 at 1200, which finds the queue full again.
    expect(sim.trace).toEqual([[1100, 1, 'completed', 'worker']]);
    const r = sim.report().nodes;
    expect(r.q).toMatchObject({ rejected: 0, dropped: 0, maxDepth: 2 });
    expect(r.clients!.produced).toBe(5); // 4 entered at 1100, 5 arrived 100 ms later and waits
    expect(r.clients!.blockedMs).toBe(700 + 800); // 400→1100, then 1200→2000 (it is still blocked at 2000)
    expect(conserved(sim)).toBe(true);
  });
});

describe('queue, overflow "block-timeout"', () => {
  it('lets a sender wait at most blockTimeoutMs, then refuses its item', () => {
    const sim = traced(chain(queue({ overflow: 'block-timeout', blockTimeoutMs: 250 })));
    sim.runUntil(1000);
    // Item 4 arrives at 400 and waits until 650; item 5 arrives at 750 and waits until 1000.
    expect(sim.trace).toEqual([
      [650, 4, 'refused', 'q'],
      [1000, 5, 'refused', 'q'],
    ]);
    expect(sim.report().nodes.q).toMatchObject({ rejected: 2 });
    expect(sim.report().nodes.clients!.blockedMs).toBe(500);
  });
});

describe('queue, capacity 0 (a hand-off, like SynchronousQueue)', () => {
  it('passes an item only when the worker is free, and refuses it otherwise', () => {
    const sim = traced(chain(queue({ capacity: 0, overflow: 'drop-newest' })));
    sim.runUntil(1200);
    expect(sim.trace.slice(0, 3)).toEqual([
      [200, 2, 'refused', 'q'],
      [300, 3, 'refused', 'q'],
      [400, 4, 'refused', 'q'],
    ]);
    // At 1100 the worker is free again and item 11 passes straight through; 12 is refused at 1200.
    expect(sim.report().nodes.q).toMatchObject({ accepted: 2, rejected: 10, maxDepth: 0, meanWaitMs: 0 });
  });

  it('with "block" makes the sender wait for a free worker instead', () => {
    const sim = traced(chain(queue({ capacity: 0, overflow: 'block' })));
    sim.runUntil(3000);
    expect(sim.trace).toEqual([
      [1100, 1, 'completed', 'worker'],
      [2100, 2, 'completed', 'worker'],
    ]);
    expect(sim.report().nodes.q).toMatchObject({ rejected: 0, maxDepth: 0 });
    expect(sim.report().nodes.worker!.utilization).toBeCloseTo(2900 / 3000, 9);
  });
});

describe('queue disciplines', () => {
  it('"lifo" serves the newest waiting item first', () => {
    const sim = traced(chain(queue({ capacity: 5, discipline: 'lifo' })));
    sim.runUntil(3100);
    const completed = sim.trace.filter(([, , o]) => o === 'completed').map(([t, item]) => [t, item]);
    expect(completed).toEqual([
      [1100, 1],
      [2100, 6], // at 1100 items 2..6 wait (7 to 10 were refused); 6 is the newest
      [3100, 11], // 11 arrived just after 6 left and is the newest; 12 to 20 found the queue full
    ]);
  });

  it('"priority" serves the most important class first and sheds the least important when full', () => {
    const sim = traced(
      scenario(
        [
          { id: 'batch', type: 'producer', rate: 10, arrival: 'constant', priorities: { batch: 1 } },
          { id: 'users', type: 'producer', rate: 2, arrival: 'constant', priorities: { critical: 1 } },
          { id: 'q', type: 'queue', capacity: 3, discipline: 'priority', overflow: 'drop-newest' },
          slowWorker,
        ],
        [
          ['batch', 'q'],
          ['users', 'q'],
          ['q', 'worker'],
        ],
      ),
    );
    sim.runUntil(2200);
    const r = sim.report().nodes;
    // Critical requests arrive at 500, 1000, 1500, 2000: none is refused, batch work is shed.
    expect(r.users).toMatchObject({ produced: 4, refused: 0 });
    expect(r.q!.dropped).toBeGreaterThan(0);
    expect(sim.trace.filter(([, , , node]) => node === 'worker').map(([t]) => t)).toEqual([1100, 2100]);
    // The first critical item (produced 5th) is served second, ahead of batch items waiting longer.
    expect(sim.trace.find(([t, , o]) => t === 2100 && o === 'completed')![1]).toBe(5);
  });

  it('with agingMs a waiting low-priority item eventually beats fresh high-priority work (no starvation)', () => {
    const run = (agingMs: number) => {
      const sim = traced(
        scenario(
          [
            { id: 'interactive', type: 'producer', rate: 12, arrival: 'constant', priorities: { high: 1 } },
            { id: 'reports', type: 'producer', rate: 1, arrival: 'constant', priorities: { batch: 1 } },
            { id: 'q', type: 'queue', capacity: null, discipline: 'priority', agingMs },
            { id: 'worker', type: 'service', concurrency: 1, serviceTime: { dist: 'constant', ms: 90 } },
          ],
          [
            ['interactive', 'q'],
            ['reports', 'q'],
            ['q', 'worker'],
          ],
        ),
      );
      sim.runUntil(20_000);
      return sim.report().nodes.reports!.completed as number;
    };
    // Interactive load alone exceeds the worker (12/s x 90 ms = 108%): without aging no report is served.
    expect(run(0)).toBe(0);
    expect(run(1000)).toBeGreaterThan(10);
  });
});

describe('queue maxAgeMs', () => {
  it('expires items that waited too long instead of serving them', () => {
    const sim = traced(chain(queue({ capacity: 10, maxAgeMs: 450 })));
    sim.runUntil(1100);
    expect(sim.trace.slice(0, 3)).toEqual([
      [650, 2, 'expired', 'q'],
      [750, 3, 'expired', 'q'],
      [850, 4, 'expired', 'q'],
    ]);
    expect(sim.report().nodes.q!.expired).toBe(5); // items 2..6 by t=1050
  });
});

describe('queue, live edits', () => {
  it('a larger capacity lets blocked senders in at once', () => {
    const sim = traced(chain(queue({ overflow: 'block' })));
    sim.runUntil(500);
    expect(sim.report().nodes.clients!.blockedMs).toBe(100);
    expect(sim.setParams('q', { capacity: 10 }).ok).toBe(true);
    // Item 4 enters at once (t=500); production resumes: items 5..9 at 600..1000.
    sim.runUntil(1000);
    expect(sim.report().nodes.q).toMatchObject({ depth: 8, maxDepth: 8 });
    expect(sim.report().nodes.clients!.blockedMs).toBe(100);
  });

  it('an invalid edit changes nothing and says what is wrong', () => {
    const sim = traced(chain(queue({})));
    const r = sim.setParams('q', { capacity: -5 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ path: 'capacity' });
    expect(sim.config('q')).toMatchObject({ capacity: 2 });
  });
});

describe('runaway protection', () => {
  it('stops the run and names the unbounded queue that grew', () => {
    const s = scenario(
      [
        { id: 'flash-sale', type: 'producer', rate: 1000 },
        { id: 'orders', type: 'queue', capacity: null },
        { id: 'worker', type: 'service', serviceTime: { dist: 'constant', ms: 10 } },
      ],
      [
        ['flash-sale', 'orders'],
        ['orders', 'worker'],
      ],
      { durationMs: 60_000 },
    );
    const sim = traced(s, { maxItemsInSystem: 5000 });
    sim.runToEnd();
    expect(sim.halted).toMatchObject({ reason: 'runaway', nodeId: 'orders' });
    expect(sim.halted!.message).toMatch(/queue "orders" holds 4,99\d of them and grew without bound/);
    expect(sim.now).toBeLessThan(6000); // 900 items/s of growth reach 5000 after about 5.5 s
    expect(conserved(sim)).toBe(true);
  });
});

describe('active queue management', () => {
  const overloaded = (aqm: 'none' | 'codel' | 'adaptive-lifo') => {
    const sim = traced(
      scenario(
        [
          { id: 'clients', type: 'producer', rate: 600 },
          { id: 'q', type: 'queue', capacity: null, aqm },
          { id: 'worker', type: 'service', serviceTime: { dist: 'exponential', meanMs: 2 } },
        ],
        [
          ['clients', 'q'],
          ['q', 'worker'],
        ],
      ),
    );
    sim.runUntil(60_000);
    return sim.report();
  };

  it('CoDel (RFC 8289) drops from the head so queueing delay stays bounded under overload', () => {
    const plain = overloaded('none');
    const codel = overloaded('codel');
    // 600/s into a 500/s worker: a plain queue grows by 100 items a second, waits reach many seconds.
    expect(num(plain.nodes.q!.meanWaitMs)).toBeGreaterThan(3000);
    // CoDel aims at 5 ms for traffic that backs off when dropped; this load never backs off, so
    // it settles at the drop rate the excess needs (~100/s), with a standing delay of tens of ms.
    expect(num(codel.nodes.q!.meanWaitMs)).toBeLessThan(150);
    expect(num(codel.nodes.q!.p99WaitMs)).toBeLessThan(500);
    // It drops about the sixth it must, not much more: the worker stays busy.
    const dropped = num(codel.nodes.q!.dropped) / num(codel.nodes.q!.arrived);
    expect(dropped).toBeGreaterThan(0.15);
    expect(dropped).toBeLessThan(0.25);
    expect(num(codel.nodes.worker!.utilization)).toBeGreaterThan(0.97);
    expect(codel.reasons.codel!.count).toBe(num(codel.nodes.q!.dropped));
  });

  it('adaptive LIFO serves the newest first once a queue has formed, and drops what waited past 5 ms', () => {
    const r = overloaded('adaptive-lifo');
    // FIFO with a 100 ms timeout while the queue is fresh, then LIFO with 5 ms: waits stay short.
    expect(num(r.nodes.q!.p50WaitMs)).toBeLessThan(20);
    expect(num(r.nodes.q!.meanWaitMs)).toBeLessThan(30);
    expect(num(r.nodes.q!.dropped) / num(r.nodes.q!.arrived)).toBeGreaterThan(0.15);
    expect(num(r.nodes.worker!.utilization)).toBeGreaterThan(0.9);
  });
});

describe("non-preemptive priority queue (Cobham's formula)", () => {
  it('mean waits per class match Wq_k = W0 / ((1 - sigma_k-1)(1 - sigma_k))', () => {
    // critical 30/s and batch 40/s, exponential service mean 10 ms: rho 0.3 + 0.4.
    // W0 = sum lambda_i E[S^2] / 2 = 70/s * 2 (10 ms)^2 / 2 = 7 ms.
    const w0 = 7;
    const want = [w0 / (1 * (1 - 0.3)), w0 / ((1 - 0.3) * (1 - 0.7))];
    const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
    const per = seeds.map((seed) => {
      const sim = traced(
        scenario(
          [
            { id: 'users', type: 'producer', rate: 30, priorities: { critical: 1 } },
            { id: 'batch', type: 'producer', rate: 40, priorities: { batch: 1 } },
            { id: 'q', type: 'queue', capacity: null, discipline: 'priority' },
            { id: 'worker', type: 'service', serviceTime: { dist: 'exponential', meanMs: 10 } },
          ],
          [
            ['users', 'q'],
            ['batch', 'q'],
            ['q', 'worker'],
          ],
          { seed },
        ),
      );
      sim.runUntil(300_000);
      const q = sim.report().nodes.q!;
      return [num(q.meanWaitMs_critical), num(q.meanWaitMs_batch)];
    });
    // 20 independent replications: |mean - theory| < 4 standard errors of the mean (t with 19 df:
    // P(|t| > 4) < 0.001). 300 s runs (21,000 arrivals) make warm-up bias negligible next to that.
    for (const k of [0, 1]) {
      const xs = per.map((p) => p[k]!);
      const mean = xs.reduce((a, b) => a + b) / xs.length;
      const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
      expect(Math.abs(mean - want[k]!)).toBeLessThan((4 * sd) / Math.sqrt(xs.length));
      expect((4 * sd) / Math.sqrt(xs.length)).toBeLessThan(0.05 * want[k]!); // and the test has power
    }
  });
});
