import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { conserved, traced } from '../testing/build';
import { createSimulation, parseScenario, type Scenario, type Simulation } from '../index';
import type { FlowInput } from '../scenario/flow';
import { FlowWindow, Http2Window, Subscription, UNBOUNDED_DEMAND, WindowUpdater } from './creditWindow';

/** producer -> (flow-controlled edge) -> reader, a service with one worker. */
function slowReader(flow: FlowInput, o: { rate?: number; sizeBytes?: number; readMs?: number; durationMs?: number } = {}): Scenario {
  const p = parseScenario({
    version: 1,
    seed: 1,
    durationMs: o.durationMs ?? 10_000,
    nodes: [
      { id: 'sender', type: 'producer', rate: o.rate ?? 100, arrival: 'constant', sizeBytes: o.sizeBytes ?? 1024 },
      { id: 'reader', type: 'service', serviceTime: { dist: 'constant', ms: o.readMs ?? 1000 } },
    ],
    edges: [{ from: 'sender', to: 'reader', flow }],
  });
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.value;
}

const windowOf = (sim: Simulation, id = 'sender->reader'): FlowWindow => sim.sim.nodes.find((n) => n.id === id) as FlowWindow;

describe('HTTP/2 flow-control windows (RFC 9113 6.9)', () => {
  it('start at 65,535 bytes', () => {
    expect(new Http2Window().available).toBe(65_535);
  });

  it('a WINDOW_UPDATE with an increment of 0 is a PROTOCOL_ERROR and changes nothing', () => {
    const w = new Http2Window(100);
    expect(w.update(0)).toBe('PROTOCOL_ERROR');
    expect(w.available).toBe(100);
  });

  it('a window above 2^31-1 is a FLOW_CONTROL_ERROR', () => {
    const w = new Http2Window(65_535);
    expect(w.update(2_147_483_647 - 65_535)).toBeNull();
    expect(w.available).toBe(2_147_483_647);
    expect(w.update(1)).toBe('FLOW_CONTROL_ERROR');
  });

  it('the receiver sends WINDOW_UPDATE only once it consumed the threshold (half the window here)', () => {
    const u = new WindowUpdater(65_535, 0.5);
    expect(u.consumed(16_384)).toBe(0);
    expect(u.consumed(16_384)).toBe(32_768);
    expect(u.consumed(100)).toBe(0);
  });

  it('a sender that spends more than the window is a bug, not a protocol choice', () => {
    expect(() => new Http2Window(10).spend(11)).toThrow(/exceed the window/);
  });
});

describe('Reactive Streams request(n)', () => {
  it('rule 3.9: request(n) with n <= 0 signals onError (IllegalArgumentException)', () => {
    for (const n of [0, -1, Number.NaN]) {
      const s = new Subscription();
      s.request(n);
      expect(s.error).toMatch(/IllegalArgumentException: §3.9/);
      expect(s.mayEmit).toBe(false);
    }
  });

  it('rule 1.1: onNext never delivers more than was requested, for any sequence of requests and emissions', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 1, max: 50 }).map((n) => ({ request: n })), fc.constant({ emit: true })), { maxLength: 200 }), (ops) => {
        const s = new Subscription();
        for (const op of ops) {
          if ('request' in op) s.request(op.request);
          else if (s.mayEmit) s.onNext();
          else expect(() => s.onNext()).toThrow(/§1.1/);
          expect(s.delivered).toBeLessThanOrEqual(s.requested);
          expect(s.demand).toBe(s.requested - s.delivered);
        }
      }),
    );
  });

  it('rule 3.17: demand of 2^63-1 or more is unbounded', () => {
    const s = new Subscription();
    s.request(Number.MAX_SAFE_INTEGER);
    s.request(5);
    expect(s.demand).toBe(UNBOUNDED_DEMAND);
    s.onNext();
    expect(s.demand).toBe(UNBOUNDED_DEMAND);
  });
});

describe('credit-based flow control on an edge', () => {
  it('HTTP/2: a zero window stops the sender until the reader consumes and sends WINDOW_UPDATE', () => {
    // 4 KiB window, 1 KiB messages every 10 ms, a reader that takes 1 s per message.
    const sim = createSimulation(slowReader({ mode: 'http2', streamWindowBytes: 4096, connectionWindowBytes: 4096 }));
    sim.runUntil(500);
    const w = windowOf(sim);
    // Message 1 went straight to the reader (consumed: 1 KiB not yet acknowledged, under half the window);
    // messages 2..4 wait in the receive buffer; the window is spent and the sender waits with message 5.
    expect(w.credit()).toBe(0);
    expect(w.bufferedUnits).toBe(3072);
    expect(w.updates).toBe(0);
    const r = sim.report();
    expect(r.nodes.sender).toMatchObject({ produced: 5, accepted: 4 });
    expect(r.edges!['sender->reader']).toMatchObject({ credit: 0, senderWaiting: 1, stalls: 1 });
    sim.runUntil(1009);
    expect(sim.report().nodes.sender!.accepted).toBe(4); // nothing moves without an update
    sim.runUntil(1010);
    // At 1.01 s (message 1 came at 10 ms) the reader takes message 2: 2 KiB consumed = half the
    // window: WINDOW_UPDATE of 2,048, one frame for the stream and one for the connection.
    expect(w.updates).toBe(2);
    // The blocked message 5 goes at once; message 6, produced 10 ms later, spends the rest.
    expect(sim.report().nodes.sender!.accepted).toBe(5);
    expect(w.credit()).toBe(1024);
    sim.runUntil(1020);
    expect(sim.report().nodes.sender!.accepted).toBe(6);
    expect(w.credit()).toBe(0);
  });

  it('HTTP/2: a slow reader throttles the sender to its own pace, with at most a window in flight', () => {
    const sim = createSimulation(slowReader({ mode: 'http2' }, { rate: 1000, readMs: 10, durationMs: 20_000 }));
    sim.runToEnd();
    const r = sim.report();
    const sender = r.nodes.sender!;
    // The reader does 100/s; the sender, wanting 1,000/s, gets 100/s and is blocked the rest of the time.
    expect((sender.accepted as number) / 20).toBeGreaterThan(99);
    expect((sender.accepted as number) / 20).toBeLessThan(105);
    expect(sender.blockedMs as number).toBeGreaterThan(0.85 * 20_000);
    const edge = r.edges!['sender->reader']!;
    expect(edge.maxBufferedUnits as number).toBeLessThanOrEqual(65_535);
    expect(edge.updates as number).toBeGreaterThan(50);
    expect(r.totals.dropped + r.totals.refused).toBe(0); // backpressure, not loss
    expect(conserved(sim)).toBe(true);
  });

  it('TCP: a window too small for the next segment stalls the sender; zero-window probes find the space the receiver did not advertise', () => {
    // 4,096-byte receive buffer, 1,000-byte segments, MSS 1,460: freeing one segment (1,000 bytes)
    // is below min(MSS, buffer/2), so the receiver stays silent and only a probe reopens the window.
    const sim = createSimulation(slowReader({ mode: 'tcp', receiveWindowBytes: 4096, mssBytes: 1460, probeMs: 200 }, { sizeBytes: 1000, readMs: 1000 }));
    sim.runUntil(900);
    const w = windowOf(sim);
    expect(w.credit()).toBe(96); // 4,096 - 4 x 1,000 sent
    expect(w.probes).toBeGreaterThan(0);
    sim.runUntil(10_000);
    expect(w.probes).toBeGreaterThan(3);
    // Without probes it would never send again: the reader frees one segment at a time.
    expect(sim.report().nodes.reader!.completed).toBeGreaterThanOrEqual(9);
    expect(sim.report().edges!['sender->reader']!.zeroWindowProbes).toBe(w.probes);
  });

  it('TCP: probes back off exponentially while the window stays shut', () => {
    const sim = createSimulation(slowReader({ mode: 'tcp', receiveWindowBytes: 2048, mssBytes: 536, probeMs: 200 }, { sizeBytes: 1024, readMs: 1_000_000, durationMs: 60_000 }));
    sim.runToEnd();
    // 200 + 400 + 800 + ... ms: about log2(60,000 / 200) probes in a minute, not 300.
    const probes = windowOf(sim).probes;
    expect(probes).toBeGreaterThanOrEqual(7);
    expect(probes).toBeLessThanOrEqual(9);
  });

  it('Reactive Streams: request(256) up front, then request(192) after each 192 consumed (Reactor replenishes at 75%)', () => {
    const sim = createSimulation(slowReader({ mode: 'reactive-streams' }, { rate: 1000, readMs: 1, durationMs: 1000 }));
    sim.runToEnd();
    const e = sim.report().edges!['sender->reader']!;
    expect(e.requested).toBe(256 + 192 * ((e.updates as number) - 1));
    expect(e.delivered as number).toBeLessThanOrEqual(e.requested as number);
    expect(e.delivered).toBe(sim.report().nodes.sender!.accepted);
  });

  it('Reactive Streams: a slow subscriber stops the publisher once demand is spent', () => {
    const sim = createSimulation(slowReader({ mode: 'reactive-streams', prefetch: 8 }, { rate: 100, readMs: 1000, durationMs: 3000 }));
    sim.runToEnd();
    const e = sim.report().edges!['sender->reader']!;
    // 8 requested; after 6 consumed (75%) it requests 6 more.
    expect(e.delivered as number).toBeLessThanOrEqual(e.requested as number);
    expect(e.credit).toBe(0);
    expect(e.senderWaiting).toBe(1);
    expect(e.buffered as number).toBeLessThanOrEqual(8);
  });

  it('Node streams: write() returns false at highWaterMark (16 objects); the writer waits for drain', () => {
    const sim = createSimulation(slowReader({ mode: 'node-stream' }, { rate: 1000, readMs: 5, durationMs: 2000 }));
    const w = windowOf(sim);
    while (w.credit() > 0 && sim.now < 1000) sim.runUntil(1000, 1);
    // write() returned false on the 16th buffered object: the writer stops there.
    expect(w.bufferedUnits).toBe(16);
    expect(sim.report().edges!['sender->reader']!.senderWaiting).toBe(0);
    sim.runUntil(sim.now + 1);
    expect(sim.report().edges!['sender->reader']!.senderWaiting).toBe(1);
    sim.runToEnd();
    const e = sim.report().edges!['sender->reader']!;
    expect(e.maxBufferedUnits).toBe(16);
    // 'drain' comes only once the buffer is empty: the writer idles until the reader caught up.
    expect(e.updates as number).toBeGreaterThan(10);
    // The reader's pace (200/s) is the writer's.
    expect((e.sent as number) / 2).toBeGreaterThan(190);
    expect((e.sent as number) / 2).toBeLessThanOrEqual(210);
  });

  it('a sender never exceeds the granted window: credit + receive buffer <= window after every event (property)', () => {
    const flow = fc.oneof(
      fc.record({ mode: fc.constant('http2' as const), streamWindowBytes: fc.integer({ min: 1, max: 20_000 }), connectionWindowBytes: fc.integer({ min: 1, max: 20_000 }), updateThreshold: fc.constantFrom(0.25, 0.5, 1) }),
      fc.record({ mode: fc.constant('tcp' as const), receiveWindowBytes: fc.integer({ min: 1, max: 20_000 }), mssBytes: fc.integer({ min: 100, max: 1460 }) }),
      fc.record({ mode: fc.constant('reactive-streams' as const), prefetch: fc.integer({ min: 1, max: 64 }), replenishAt: fc.constantFrom(0.5, 0.75, 1) }),
      fc.record({ mode: fc.constant('node-stream' as const), highWaterMark: fc.integer({ min: 1, max: 32 }) }),
    );
    fc.assert(
      fc.property(
        flow,
        fc.integer({ min: 10, max: 2000 }),
        fc.integer({ min: 1, max: 8000 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 1000 }),
        (f, rate, sizeBytes, readMs, seed) => {
          const s = slowReader(f, { rate, sizeBytes, readMs, durationMs: 3000 });
          const sim = traced({ ...s, seed, nodes: s.nodes.map((n) => (n.type === 'producer' ? { ...n, arrival: 'poisson' as const } : n)) });
          const w = windowOf(sim);
          for (let k = 0; k < 4000 && sim.now < 3000; k++) {
            sim.runUntil(3000, 1);
            const credit = w.credit();
            expect(credit).toBeGreaterThanOrEqual(0);
            expect(w.bufferedUnits).toBeGreaterThanOrEqual(0);
            // What was sent and not yet given back never exceeds the window.
            expect(credit + w.bufferedUnits).toBeLessThanOrEqual(w.size);
          }
          expect(conserved(sim)).toBe(true);
        },
      ),
      { numRuns: Number(process.env.PROP_RUNS ?? 40) },
    );
  });
});

describe('flow control in the scenario file', () => {
  const base = (edge: Record<string, unknown>) => ({
    version: 1,
    nodes: [
      { id: 'api', type: 'service', serviceTime: { dist: 'constant', ms: 1 } },
      { id: 'db', type: 'service', serviceTime: { dist: 'constant', ms: 1 } },
    ],
    edges: [{ from: 'api', to: 'db', ...edge }],
  });

  it('fills in the real defaults: 65,535-byte windows, update at half; Reactor prefetch 256 at 75%; highWaterMark 16', () => {
    const flows = (['http2', 'tcp', 'reactive-streams', 'node-stream'] as const).map((mode) => {
      const p = parseScenario(base({ flow: { mode } }));
      if (!p.ok) throw new Error(JSON.stringify(p.issues));
      return p.value.edges[0]!.flow;
    });
    expect(flows).toEqual([
      { mode: 'http2', streamWindowBytes: 65_535, connectionWindowBytes: 65_535, updateThreshold: 0.5 },
      { mode: 'tcp', receiveWindowBytes: 65_535, mssBytes: 1460, probeMs: 200 },
      { mode: 'reactive-streams', prefetch: 256, replenishAt: 0.75 },
      { mode: 'node-stream', highWaterMark: 16 },
    ]);
  });

  it('refuses what the protocols refuse, saying where', () => {
    const issues = (edge: Record<string, unknown>) => {
      const p = parseScenario(base(edge));
      return p.ok ? [] : p.issues.map((i) => `${i.path}: ${i.message}`);
    };
    expect(issues({ flow: { mode: 'http2', streamWindowBytes: 2_147_483_648 } })).toEqual([expect.stringMatching(/^edges\[0\]\.flow\.streamWindowBytes: at most 2\^31-1/)]);
    expect(issues({ flow: { mode: 'reactive-streams', prefetch: 0 } })).toEqual([expect.stringMatching(/^edges\[0\]\.flow\.prefetch: must be ≥ 1/)]);
    expect(issues({ flow: { mode: 'quic' } })).toEqual([expect.stringMatching(/^edges\[0\]\.flow.*expected flow mode "http2", "tcp"/)]);
    expect(issues({ kind: 'call', flow: { mode: 'http2' } })).toEqual(['edges[0].flow: flow control applies to "send" edges only; this is a "call" edge']);
  });
});
