import { describe, expect, it } from 'vitest';
import { F, F_STRIDE, G, G_STRIDE, parseScenario, TIMELINE_KINDS, type Scenario } from '../engine/index';
import { Runner, SAMPLE_MS, type Host } from './runner';
import { frameSnapshot, type Frame } from './protocol';

function scenario(): Scenario {
  const p = parseScenario({
    version: 1,
    nodes: [
      { id: 'clients', type: 'producer', rate: 110 },
      { id: 'buffer', type: 'queue', capacity: 50 },
      { id: 'workers', type: 'service', serviceTime: { dist: 'exponential', meanMs: 10 } },
    ],
    edges: [
      { from: 'clients', to: 'buffer' },
      { from: 'buffer', to: 'workers' },
    ],
  });
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.value;
}

/** A host whose clock moves only when the test says so. */
function fakeHost() {
  let now = 0;
  let timers: { at: number; fn: () => void }[] = [];
  const host: Host = {
    now: () => now,
    later: (fn, ms) => void timers.push({ at: now + ms, fn }),
    soon: (fn) => void timers.push({ at: now, fn }),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > end) break;
      timers = timers.slice(1);
      now = Math.max(now, next.at);
      next.fn();
    }
    now = end;
  };
  const flush = () => advance(0);
  return { host, advance, flush };
}

function setup() {
  const h = fakeHost();
  const runner = new Runner(h.host);
  const frames: Frame[] = [];
  runner.connect((f) => void frames.push(f));
  runner.load(scenario(), 1);
  return { ...h, runner, frames, last: () => frames[frames.length - 1]! };
}

describe('Runner', () => {
  it('tracks wall time at the requested speed', () => {
    const t = setup();
    t.runner.setSpeed(2);
    t.runner.play();
    t.advance(1000);
    expect(t.last().status.simMs).toBeGreaterThan(1900);
    expect(t.last().status.simMs).toBeLessThanOrEqual(2000);
    expect(t.last().status.playing).toBe(true);
  });

  it('sends the node layout once per epoch and every sampled row once', () => {
    const t = setup();
    t.runner.play();
    t.advance(3000);
    const rows = t.frames.reduce((n, f) => n + f.rows.length / f.rowLength, 0);
    expect(rows).toBe(Math.floor(t.last().status.simMs / SAMPLE_MS));
    expect(t.frames.filter((f) => f.nodeIds).length).toBe(1);
    expect(t.frames[0]!.nodeIds).toEqual(['clients', 'buffer', 'workers']);
  });

  it('sends only the rows sampled since the last frame, none lost while a frame is in flight', async () => {
    const h = fakeHost();
    const runner = new Runner(h.host);
    const frames: Frame[] = [];
    let release: () => void = () => {};
    // The UI is slow: every frame stays in flight until the test lets it through.
    runner.connect((f) => {
      frames.push(f);
      return new Promise<void>((resolve) => (release = resolve));
    });
    runner.load(scenario(), 1);
    runner.play();
    for (let k = 0; k < 10; k++) {
      h.advance(700);
      release();
      await Promise.resolve();
      await Promise.resolve();
    }
    const times = frames.flatMap((f) => {
      const len = f.rowLength;
      return Array.from({ length: f.rows.length / len }, (_, r) => f.rows[r * len + G.now]!);
    });
    expect(times.length).toBeGreaterThan(20);
    expect(times).toEqual(times.map((_, r) => (r + 1) * SAMPLE_MS));
    // No frame carries more than the rows of its own stretch of time.
    for (const f of frames) expect(f.rows.length / f.rowLength).toBeLessThanOrEqual(Math.ceil(700 / SAMPLE_MS) + 1);
  });

  it('steps one sample interval at a time, paused', async () => {
    const t = setup();
    const stepped = t.runner.step();
    t.flush();
    await stepped;
    expect(t.last().status.simMs).toBe(SAMPLE_MS);
    expect(t.last().status.playing).toBe(false);
    expect(t.last().rows.length).toBe(t.last().rowLength);
    expect(t.last().snapshot.length).toBe(t.last().rowLength); // a step shows the state now
    expect(t.last().rows[G.now]).toBe(SAMPLE_MS);
  });

  it('applies a live edit without a reset, and a reset replays the edited design', () => {
    const t = setup();
    t.runner.play();
    t.advance(2000);
    const before = t.last().status.simMs;
    expect(t.runner.setParams('buffer', { capacity: 5 })).toEqual({ ok: true });
    expect(t.last().status.simMs).toBe(before);
    t.runner.reset();
    expect(t.last().status.simMs).toBe(0);
    expect(t.last().epoch).toBe(2);
    const capField = G_STRIDE + 1 * F_STRIDE + F.capacity; // node 1 is the buffer
    expect(frameSnapshot(t.last())[capField]).toBe(5);
  });

  it('refuses a bad live edit and keeps the last good value', () => {
    const t = setup();
    const r = t.runner.setParams('buffer', { capacity: -5 });
    expect(r.ok).toBe(false);
    const capField = G_STRIDE + 1 * F_STRIDE + F.capacity;
    expect(frameSnapshot(t.last())[capField]).toBe(50);
  });
});

describe('Runner frames and their snapshot', () => {
  it('a frame on its clock with rows leaves the snapshot out; its newest row is the state, and it is the state at that sample', () => {
    const t = setup();
    t.runner.setSpeed(50);
    t.runner.play();
    t.advance(2000);
    const clocked = t.frames.filter((f) => f.rows.length > 0 && f.snapshot.length === 0);
    expect(clocked.length).toBeGreaterThan(t.frames.length / 2);
    for (const f of clocked) {
      const s = frameSnapshot(f);
      expect(s.length).toBe(f.rowLength);
      expect(s[G.now]).toBe(f.rows[f.rows.length - f.rowLength + G.now]);
    }
    // Without rows, the frame carries the state now.
    for (const f of t.frames.filter((f) => f.rows.length === 0)) expect(f.snapshot.length).toBe(f.rowLength);
  });
});

describe('Runner timeline marks', () => {
  it('sends each breaker transition once, in order, with its node, across frames', () => {
    const p = parseScenario({
      version: 1,
      nodes: [
        { id: 'users', type: 'producer', rate: 40 },
        { id: 'api', type: 'service', concurrency: 50, serviceTime: { dist: 'constant', ms: 1 } },
        { id: 'breaker', type: 'circuit-breaker', slidingWindowSize: 10, minimumNumberOfCalls: 5, slowCallDurationThresholdMs: 500, slowCallRateThreshold: 50, waitDurationInOpenStateMs: 2000, permittedNumberOfCallsInHalfOpenState: 2 },
        // A database that has turned slow: the breaker opens, tries half-open, opens again.
        { id: 'database', type: 'service', concurrency: 8, serviceTime: { dist: 'constant', ms: 900 } },
      ],
      edges: [
        { from: 'users', to: 'api' },
        { from: 'api', to: 'breaker', kind: 'call' },
        { from: 'breaker', to: 'database' },
      ],
    });
    if (!p.ok) throw new Error(JSON.stringify(p.issues));
    const slow = p.value;
    const h = fakeHost();
    const runner = new Runner(h.host);
    const frames: Frame[] = [];
    runner.connect((f) => void frames.push(f));
    runner.load(slow, 1);
    runner.setSpeed(20);
    runner.play();
    for (let k = 0; k < 60; k++) h.advance(50);
    runner.pause();
    const got: [number, number, string][] = [];
    for (const f of frames) for (let k = 0; k < f.marks.length; k += 3) got.push([f.marks[k]!, f.marks[k + 1]!, TIMELINE_KINDS[f.marks[k + 2]!]!]);
    const breaker = runner.report()!;
    const expected = breaker.timeline.map((e) => [e.atMs, slow.nodes.findIndex((n) => n.id === e.node), e.kind]);
    expect(expected.map((e) => e[2])).toContain('breaker-open');
    expect(got).toEqual(expected);
  });
});

describe('Runner compare mode', () => {
  /** Every series row a runner sent, concatenated (the live run, or the kept copy's). */
  const rowsOf = (frames: Frame[], which: 'live' | 'baseline'): number[] =>
    frames.flatMap((f) => Array.from(which === 'live' ? f.rows : (f.baseline?.rows ?? [])));

  function play(load: (r: Runner) => void, ms: number): Frame[] {
    const h = fakeHost();
    const runner = new Runner(h.host);
    const frames: Frame[] = [];
    runner.connect((f) => void frames.push(f));
    load(runner);
    runner.setSpeed(10);
    runner.play();
    for (let k = 0; k < ms / 50; k++) h.advance(50);
    runner.pause();
    return frames;
  }

  it('runs the kept copy beside the live design on the same traffic: each as it would run alone', () => {
    const a = scenario();
    const b = { ...a, nodes: a.nodes.map((n) => (n.type === 'queue' ? { ...n, capacity: 5 } : n)) };
    const both = play((r) => {
      r.load(b, 7);
      r.compare(a);
    }, 2000);
    const aloneA = play((r) => r.load(a, 7), 2000);
    const aloneB = play((r) => r.load(b, 7), 2000);
    const live = rowsOf(both, 'live'), kept = rowsOf(both, 'baseline');
    expect(live.length).toBeGreaterThan(0);
    expect(kept.length).toBe(live.length);
    expect(live).toEqual(rowsOf(aloneB, 'live').slice(0, live.length));
    expect(kept).toEqual(rowsOf(aloneA, 'live').slice(0, kept.length));
    expect(kept).not.toEqual(live); // capacity 5 vs 50: the two runs differ
    expect(both.find((f) => f.baseline?.nodeIds)?.baseline?.nodeIds).toEqual(['clients', 'buffer', 'workers']);
  });

  it('stops comparing: no kept copy in the frames after compare(null)', () => {
    const frames = play((r) => {
      r.load(scenario(), 1);
      r.compare(scenario());
      r.compare(null);
    }, 500);
    expect(frames.at(-1)!.baseline).toBeUndefined();
  });
});

describe('Runner at high speed', () => {
  it('merges rows so that at most about 40 a wall second cross, tiling simulated time with none lost', () => {
    const t = setup();
    t.runner.setSpeed(100);
    t.runner.play();
    t.advance(1000);
    const warm = t.frames.length;
    t.advance(4000);
    const rowsIn = (fs: Frame[]) => fs.reduce((n, f) => n + f.rows.length / f.rowLength, 0);
    // 100x samples 400 rows a wall second; merged, 25 (4 s buckets).
    expect(rowsIn(t.frames.slice(warm))).toBeLessThanOrEqual(4 * 40);
    t.runner.pause();
    let covered = 0;
    let prev = 0;
    for (const f of t.frames) {
      for (let o = 0; o < f.rows.length; o += f.rowLength) {
        expect(f.rows[o + G.now]!).toBeGreaterThan(prev);
        prev = f.rows[o + G.now]!;
        covered += f.rows[o + G.windowMs]!;
      }
    }
    // Pausing closes the open bucket: the rows reach the last sample before the pause.
    expect(covered).toBe(prev);
    expect(prev).toBe(Math.floor(t.last().status.simMs / SAMPLE_MS) * SAMPLE_MS);
  });
});
