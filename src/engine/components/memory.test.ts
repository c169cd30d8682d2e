import { describe, expect, it } from 'vitest';
import { conserved, scenario, traced } from '../testing/build';
import { createSimulation, type NodeInput } from '../index';
import { DEFAULT_MEMORY_LIMIT_BYTES } from './memory';

const KiB = 1024;

/** The seed's 2:47am incident: a flash sale of 1,000 orders/s into an unbounded queue drained at 100/s. */
const incident = (queue: Partial<NodeInput> = {}, durationMs = 60_000) =>
  scenario(
    [
      { id: 'flash-sale', type: 'producer', rate: 1000, arrival: 'constant', sizeBytes: KiB },
      { id: 'orders', type: 'queue', capacity: null, ...queue } as NodeInput,
      { id: 'worker', type: 'service', serviceTime: { dist: 'constant', ms: 10 } },
    ],
    [
      ['flash-sale', 'orders'],
      ['orders', 'worker'],
    ],
    { durationMs },
  );

describe('memory: an unbounded queue under sustained overload', () => {
  it('holds 9,000 items after 10 s when 1,000/s arrive and 100/s leave', () => {
    const sim = createSimulation(incident());
    sim.runUntil(10_000);
    const orders = sim.report().nodes.orders!;
    // 10,000 arrived (one every ms), 1,000 served (one every 10 ms), at most one of them in service.
    expect(orders.depth).toBeGreaterThanOrEqual(8_999);
    expect(orders.depth).toBeLessThanOrEqual(9_001);
    expect(orders.memoryBytes).toBe((orders.depth as number) * KiB);
    expect(orders.oomKills).toBe(0);
  });

  it('is OOM-killed at its memory limit, loses exactly what it held, restarts empty and fills again (a sawtooth)', () => {
    // A 4 MiB container: 4,096 orders of 1 KiB fit; the 4,097th puts it over the limit.
    const sim = traced(incident({ memoryLimitBytes: 4096 * KiB, restartDelayMs: 2000 }));
    const depths: number[] = [];
    for (let t = 500; t <= 20_000; t += 500) {
      sim.runUntil(t);
      depths.push(sim.report().nodes.orders!.depth as number);
    }
    const r = sim.report();
    const orders = r.nodes.orders!;
    expect(sim.halted).toBeNull();
    // 900 orders/s of growth reach 4,097 after ~4.55 s: killed, down 2 s, then 4.55 s to fill again, down 4 s (CrashLoopBackOff doubles) ...
    const kills = r.timeline.filter((e) => e.node === 'orders' && e.kind === 'oom-killed');
    const restarts = r.timeline.filter((e) => e.node === 'orders' && e.kind === 'restarted');
    expect(kills.length).toBeGreaterThanOrEqual(2);
    expect(kills[0]!.atMs).toBeGreaterThan(4_400);
    expect(kills[0]!.atMs).toBeLessThan(4_700);
    expect(restarts[0]!.atMs - kills[0]!.atMs).toBe(2000);
    expect(restarts[1]!.atMs - kills[1]!.atMs).toBe(4000);
    // Each kill lost exactly the 4,097 items it held: dropped with reason oom-killed.
    const lost = sim.trace.filter(([, , outcome, node]) => outcome === 'dropped' && node === 'orders');
    expect(lost.length).toBe(4097 * kills.length);
    expect(orders.lostToOom).toBe(4097 * kills.length);
    expect(r.reasons['oom-killed']).toEqual({ status: 503, count: 4097 * kills.length });
    const firstKill = lost.filter(([t]) => t === kills[0]!.atMs);
    expect(firstKill.length).toBe(4097);
    // While down it refused the flash sale with 503 "restarting" (2 s x 1,000/s the first time).
    expect(r.reasons.restarting!.status).toBe(503);
    expect(orders.refusedWhileRestarting).toBeGreaterThanOrEqual(1999 + 3999);
    // The sawtooth: never above the limit, down to 0 at each kill, climbing again after.
    expect(Math.max(...depths)).toBeLessThanOrEqual(4096);
    expect(depths).toContain(0);
    expect(conserved(sim)).toBe(true);
  });

  it('says so on the node: memory, limit, kills and down in the snapshot', async () => {
    const { F, G_STRIDE, F_STRIDE } = await import('../index');
    const sim = createSimulation(incident({ memoryLimitBytes: 1000 * KiB, restartDelayMs: 5000 }));
    const base = G_STRIDE + 1 * F_STRIDE;
    sim.runUntil(1000);
    let snap = sim.snapshot();
    expect(snap[base + F.memoryLimit]).toBe(1000 * KiB);
    expect(snap[base + F.memoryBytes]).toBe(snap[base + F.level]! * KiB);
    expect(snap[base + F.down]).toBe(0);
    sim.runUntil(2000); // over the limit at ~1.1 s
    snap = sim.snapshot();
    expect(snap[base + F.oomKills]).toBe(1);
    expect(snap[base + F.down]).toBe(1);
    expect(snap[base + F.memoryBytes]).toBe(0);
    expect(snap[base + F.restartAt]).toBeGreaterThan(6000);
    expect(snap[base + F.oomLost]).toBe(1001);
  });

  it('with the default 512 MiB limit, an unbounded queue is killed instead of stopping the run', () => {
    const s = scenario(
      [
        { id: 'sale', type: 'producer', rate: 100_000, arrival: 'constant' },
        { id: 'orders', type: 'queue', capacity: null },
        { id: 'w', type: 'service', serviceTime: { dist: 'constant', ms: 10 } },
      ],
      [
        ['sale', 'orders'],
        ['orders', 'w'],
      ],
      { durationMs: 8000 },
    );
    const sim = createSimulation(s);
    sim.runToEnd();
    const r = sim.report();
    expect(sim.halted).toBeNull();
    expect(r.nodes.orders!.oomKills).toBe(1);
    // 1 KiB items: killed when the 524,289th would not fit.
    expect(r.nodes.orders!.lostToOom).toBe(DEFAULT_MEMORY_LIMIT_BYTES / KiB + 1);
    expect(r.nodes.orders!.memoryLimitBytes).toBe(DEFAULT_MEMORY_LIMIT_BYTES);
  });

  it('with no limit (null), the runaway halt is still the last resort', () => {
    const sim = createSimulation(incident({ memoryLimitBytes: null }), { maxItemsInSystem: 5000 });
    sim.runToEnd();
    expect(sim.halted).toMatchObject({ reason: 'runaway', nodeId: 'orders' });
    expect(sim.report().nodes.orders!.memoryLimitBytes).toBeNull();
  });

  it('a bounded queue never comes near its limit: capacity is the real protection', () => {
    const sim = createSimulation(incident({ capacity: 1000, memoryLimitBytes: 2000 * KiB }));
    sim.runToEnd();
    const orders = sim.report().nodes.orders!;
    expect(orders.oomKills).toBe(0);
    expect(orders.peakMemoryBytes).toBe(1000 * KiB);
    expect(orders.rejected).toBeGreaterThan(0);
  });

  it('counts bytes, not items: big items reach the limit sooner', () => {
    const big = scenario(
      [
        { id: 'uploads', type: 'producer', rate: 100, arrival: 'constant', sizeBytes: 1024 * KiB },
        { id: 'q', type: 'queue', capacity: null, memoryLimitBytes: 64 * 1024 * KiB },
        { id: 'w', type: 'service', serviceTime: { dist: 'constant', ms: 20 } },
      ],
      [
        ['uploads', 'q'],
        ['q', 'w'],
      ],
      { durationMs: 5000 },
    );
    const sim = traced(big);
    sim.runToEnd();
    // 50/s of growth of 1 MiB items: 65 MiB held after ~1.3 s.
    const kill = sim.report().timeline.find((e) => e.kind === 'oom-killed')!;
    expect(kill.atMs).toBeGreaterThan(1200);
    expect(kill.atMs).toBeLessThan(1400);
    expect(sim.report().nodes.q!.lostToOom).toBe(65);
  });
});
