import { describe, expect, it } from 'vitest';
import { createSimulation, evaluateCheck, parseScenario, type Scenario } from '../engine/index';
import { Runner, type Host } from './runner';
import type { Frame } from './protocol';

/** A lesson with a scripted spike, as small as it gets (worker tests have no file system). */
function lesson(withLesson = true, predictions?: unknown[]): Scenario {
  const p = parseScenario({
    version: 1,
    durationMs: 20_000,
    nodes: [
      { id: 'users', type: 'producer', rate: 50 },
      { id: 'q', type: 'queue', capacity: null },
      { id: 'api', type: 'service', serviceTime: { dist: 'exponential', meanMs: 10 } },
    ],
    edges: [
      { from: 'users', to: 'q' },
      { from: 'q', to: 'api' },
    ],
    events: [
      { atMs: 5000, node: 'users', set: { rate: 300 } },
      { atMs: 8000, node: 'users', set: { rate: 50 } },
    ],
    ...(withLesson
      ? {
          lesson: {
            title: 'Spike',
            setup: 'one\ntwo',
            watch: 'the queue',
            tryThis: { text: 'bound it', changes: [{ node: 'q', set: { capacity: 10 } }] },
            check: [{ metric: 'nodes.q.maxDepth', op: '>', value: 100, says: 'the queue grew' }],
            ...(predictions ? { predictions } : {}),
          },
        }
      : {}),
  });
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.value;
}

function run(s: Scenario, wallMs: number, load = true) {
  let now = 0;
  const timers: { at: number; fn: () => void }[] = [];
  // Every look at the clock costs a millisecond, so a run at Max speed yields now and then.
  const host: Host = { now: () => ++now, later: (fn, ms) => void timers.push({ at: now + ms, fn }), soon: (fn) => void timers.push({ at: now, fn }) };
  const runner = new Runner(host);
  const frames: Frame[] = [];
  runner.connect((f) => void frames.push(f));
  const drain = (ms: number) => {
    const end = now + ms;
    while (timers.length > 0) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers.shift()!;
      if (next.at > end) break;
      now = Math.max(now, next.at + 1);
      next.fn();
    }
  };
  if (load) {
    runner.load(s, 1);
    runner.setSpeed('max');
    runner.play();
    drain(wallMs);
  }
  return { runner, last: () => frames[frames.length - 1]!, drain };
}

describe('a lesson in the worker', () => {
  it('stops at its duration with the report the CLI prints, scripted events included', () => {
    const s = lesson();
    const { runner, last } = run(s, 60_000);
    expect(last().status).toMatchObject({ playing: false, simMs: 20_000 });
    const cli = createSimulation(s);
    cli.runToEnd();
    const report = runner.report()!;
    expect({ ...report, wallMs: 0 }).toEqual(cli.report());
    expect(report.timeline.map((e) => [e.atMs, e.kind])).toEqual([
      [5000, 'scripted'],
      [8000, 'scripted'],
    ]);
    expect(evaluateCheck(s.lesson!.check, report).passed).toBe(true);
  });

  it('Play once the lesson is over runs it again from 0 s', () => {
    const { runner } = run(lesson(), 60_000);
    runner.pause();
    runner.play();
    expect(runner.report()!.simulatedMs).toBe(0);
  });

  it('a design of ones own runs on past its duration until paused', () => {
    const { runner } = run(lesson(false), 2_000);
    expect(runner.report()!.simulatedMs).toBeGreaterThan(20_000);
  });

  it('pauses at a moment the page waits for (a prediction), with the report the CLI gives at that duration, and plays on from there', () => {
    const ask = { question: 'How deep?', metric: 'nodes.q.depth', unit: 'items', expect: { min: 0, max: 1e6 }, explain: 'Because.' };
    const s = lesson(true, [{ ...ask, atMs: 8000 }, ask]);
    const { runner, last, drain } = run(s, 0, false);
    runner.load(s, 1);
    runner.setStops([8000]);
    runner.setSpeed('max');
    runner.play();
    drain(60_000);
    expect(last().status).toMatchObject({ playing: false, simMs: 8000, ended: false });
    const cli = createSimulation({ ...s, durationMs: 8000 });
    cli.runToEnd();
    expect({ ...runner.report()!, wallMs: 0 }).toEqual(cli.report());
    runner.play();
    drain(60_000);
    expect(last().status).toMatchObject({ playing: false, simMs: 20_000, ended: true });
    // Without stops it runs straight to the end.
    runner.setStops([]);
    runner.reset();
    runner.play();
    drain(60_000);
    expect(last().status).toMatchObject({ playing: false, simMs: 20_000, ended: true });
  });
});
