/**
 * Keeps the worker's run in step with the design: a parameter edit goes over as a live edit at the
 * current simulated instant; a structural edit (or a new seed) restarts the run from t = 0, and the
 * person is told so. Moving nodes around changes nothing in the run.
 */
import type { NodeConfig } from '../../engine/index';
import { frameStore } from '../frames/frameStore';
import { sim, startSimulation } from '../simClient';
import { noticeStore } from '../store/noticeStore';
import { compareStore } from '../store/compareStore';
import { scenarioOf, type ScenarioState, type ScenarioStore } from '../store/scenarioStore';

/** The patch that turns `before` into `after`, with removed optional fields set to undefined. */
function patchOf(before: NodeConfig, after: NodeConfig): Record<string, unknown> {
  const patch: Record<string, unknown> = { ...after };
  for (const k of Object.keys(before)) if (!(k in after)) patch[k] = undefined;
  return patch;
}

function sendParamEdits(prev: ScenarioState, next: ScenarioState): void {
  if (prev.nodes === next.nodes) return;
  const before = new Map(prev.nodes.map((n) => [n.id, n.data]));
  for (const n of next.nodes) {
    const old = before.get(n.id);
    if (old && old !== n.data) void sim.setParams(n.id, patchOf(old, n.data));
  }
}

export function startWorkerSync(store: ScenarioStore): () => void {
  const st = store.getState();
  startSimulation(scenarioOf(st), st.meta.seed);
  const offCompare = compareStore.subscribe((next, prev) => {
    if (next.baseline !== prev.baseline) void sim.compare(next.baseline);
  });
  const offDesign = store.subscribe((next, prev) => {
    // Comparing, a parameter edit restarts both runs too: A and B are compared over the same time.
    const comparing = compareStore.getState().baseline !== null && next.nodes !== prev.nodes && paramsChanged(prev, next);
    if (comparing || next.structureVersion !== prev.structureVersion || next.meta.seed !== prev.meta.seed) {
      const ran = frameStore.get().status.simMs > 0;
      void sim.replaceScenario(scenarioOf(next), next.meta.seed);
      if (ran) {
        const why = next.meta.seed !== prev.meta.seed ? 'New seed' : 'The design changed';
        noticeStore.getState().showInfo(compareStore.getState().baseline !== null ? `${why}: A and B both restarted from 0 s, on the same traffic.` : `${why}: the run restarted from 0 s.`);
      }
      return;
    }
    sendParamEdits(prev, next);
  });
  return () => {
    offCompare();
    offDesign();
  };
}

/** Whether any node's configuration changed (not only positions or selection). */
function paramsChanged(prev: ScenarioState, next: ScenarioState): boolean {
  const before = new Map(prev.nodes.map((n) => [n.id, n.data]));
  return next.nodes.some((n) => before.has(n.id) && before.get(n.id) !== n.data);
}

/** Starts a fresh worker with the current design (after a crash). */
export function restartWorker(store: ScenarioStore): void {
  const st = store.getState();
  startSimulation(scenarioOf(st), st.meta.seed);
  const kept = compareStore.getState().baseline;
  if (kept) void sim.compare(kept);
}
