/**
 * Hooks for the end-to-end tests and bench:ui, loaded only when the page's address has
 * `?testhooks` (its own chunk, so a normal visit never downloads it). They go through the same
 * doors a person does: the design store for the scenario, simClient for the worker.
 *
 *   window.bpTest.load(scenario)              shows `scenario` on the canvas; the worker follows
 *   window.bpTest.run(scenario, seed, ms)     loads, then steps the worker to exactly `ms`
 *                                             simulated (a multiple of a step) and returns its report
 *   window.bpTest.replay(ms)                  the design on the canvas, as it is, from 0 s to `ms`
 *   window.bpTest.peak(nodeId, field)         the highest value a node's snapshot field (F, e.g.
 *                                             'latP50') took in the rows the page holds: what its
 *                                             node showed at its highest, however seldom it painted
 *   window.bpTest.rows(nodeId | null, field)  every row the page holds of one field (a node's F, or the
 *                                             system's G when nodeId is null) as [simulated ms, value],
 *                                             null where the row has no value (NaN: a gap on a chart)
 */
import { F, G, parseScenario, type Report } from '../engine/index';
import { nodeBase } from './frames/derive';
import { frameStore, type FrameState } from './frames/frameStore';
import { sim } from './simClient';
import { scenarioStore } from './store/appStore';

export interface TestHooks {
  load(input: unknown): Promise<void>;
  run(input: unknown, seed: number, simMs: number): Promise<Report>;
  replay(simMs: number): Promise<Report>;
  peak(nodeId: string, field: keyof typeof F): number;
  rows(nodeId: string | null, field: string): [number, number | null][];
}

function parse(input: unknown) {
  const p = parseScenario(input);
  if (!p.ok) throw new Error(`invalid scenario: ${p.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return p.value;
}

/** Resolves with the first frame state that satisfies `ok` (now, or when it arrives). */
function frameWhere(ok: (s: FrameState) => boolean): Promise<FrameState> {
  return new Promise((resolve) => {
    if (ok(frameStore.get())) return resolve(frameStore.get());
    const off = frameStore.subscribe((s) => {
      if (!ok(s)) return;
      off();
      resolve(s);
    });
  });
}

const hooks: TestHooks = {
  async load(input) {
    const epoch = frameStore.get().epoch;
    scenarioStore.getState().loadScenario(parse(input));
    await frameWhere((s) => s.epoch !== epoch && s.snapshot !== null);
  },

  async run(input, seed, simMs) {
    const scenario = { ...parse(input), seed };
    await sim.pause();
    await hooks.load(scenario);
    return stepTo(simMs);
  },

  async replay(simMs) {
    await sim.pause();
    const epoch = frameStore.get().epoch;
    await sim.reset();
    await frameWhere((s) => s.epoch !== epoch && s.snapshot !== null);
    return stepTo(simMs);
  },

  peak(nodeId, field) {
    const { history: h, indexOf } = frameStore.get();
    const i = indexOf.get(nodeId);
    if (!h || i === undefined || !(field in F)) throw new Error(`no history for ${nodeId}.${field}`);
    let max = -Infinity;
    for (let r = 0; r < h.count; r++) {
      const v = h.get(r, nodeBase(i) + F[field]);
      // A latency is NaN in a row whose window had no completions: no value, not a peak.
      if (Number.isFinite(v)) max = Math.max(max, v);
    }
    return max;
  },

  rows(nodeId, field) {
    const { history: h, indexOf } = frameStore.get();
    const i = nodeId === null ? -1 : indexOf.get(nodeId);
    const at = i === -1 ? (G as Record<string, number>)[field] : i === undefined ? undefined : nodeBase(i) + (F as Record<string, number>)[field]!;
    if (!h || at === undefined || Number.isNaN(at)) throw new Error(`no history for ${nodeId ?? 'the system'}.${field}`);
    const out: [number, number | null][] = [];
    for (let r = 0; r < h.count; r++) {
      const v = h.get(r, at);
      out.push([h.timeMs(r), Number.isFinite(v) ? v : null]);
    }
    return out;
  },
};

/** Steps the paused worker to exactly `simMs` and returns its report. */
async function stepTo(simMs: number): Promise<Report> {
  for (let now = frameStore.get().status.simMs; now < simMs; ) {
    await sim.step();
    const s = await frameWhere((f) => f.status.simMs > now);
    now = s.status.simMs;
  }
  const reached = frameStore.get().status.simMs;
  if (reached !== simMs) throw new Error(`stepped to ${reached} ms, not ${simMs} ms: ask for a multiple of one step`);
  const report = await sim.report();
  if (!report) throw new Error('the worker gave no report');
  return report;
}

(window as unknown as { bpTest: TestHooks }).bpTest = hooks;
