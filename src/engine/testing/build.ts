/** Test helpers: scenarios from terse node lists, and a trace of every finished item. */
import { createSimulation, parseScenario, type EdgeKind, type Simulation, type SimulationOptions, type NodeInput, type Scenario } from '../index';
import type { TraceEntry } from '../kernel/sim';

/** Validates like a user's file would be; throws with the field messages if it is not valid. */
/** Edges as [from, to] or [from, to, kind]. */
export function scenario(nodes: NodeInput[], edges: ([string, string] | [string, string, EdgeKind])[] = [], extra: Partial<Scenario> = {}): Scenario {
  const p = parseScenario({ version: 1, seed: 1, ...extra, nodes, edges: edges.map(([from, to, kind]) => (kind ? { from, to, kind } : { from, to })) });
  if (!p.ok) throw new Error(p.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return p.value;
}

/** A simulation whose `trace` lists [time, item serial, outcome, node] for every finished item. */
export function traced(s: Scenario, opts?: SimulationOptions): Simulation & { trace: TraceEntry[] } {
  const sim = createSimulation(s, opts) as Simulation & { trace: TraceEntry[] };
  sim.trace = [];
  sim.sim.tracer = (e) => sim.trace.push(e);
  return sim;
}

/** Conservation: produced = completed + refused + dropped + expired + failed + in the system. */
export function conserved(sim: Simulation): boolean {
  const t = sim.report().totals;
  const held = sim.sim.nodes.reduce((a, n) => a + n.held(), 0);
  return t.produced === t.completed + t.refused + t.dropped + t.expired + t.failed + t.inSystem && held === t.inSystem;
}
