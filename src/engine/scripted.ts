/**
 * Plays a scenario's scripted timeline inside the run: each event is an entry in the kernel's event
 * queue, so it happens at its simulated instant however the run is sliced, in the CLI and in the
 * worker alike, and is recorded on the timeline with its node.
 */
import { SCRIPT_TARGET } from './kernel/sim';
import { TL_NODE_DOWN, TL_NODE_UP, TL_SCRIPTED } from './metrics/timeline';
import { eventOrder, type ScriptedEvent } from './scenario/events';
import type { Simulation } from './simulation';

/** Before anything else due at the same instant: the change is in place when that instant's work runs. */
const PRIO_SCRIPT = -1;

export function scheduleScript(simulation: Simulation, events: readonly ScriptedEvent[]): void {
  if (events.length === 0) return;
  const sim = simulation.sim;
  const index = new Map(simulation.nodeIds.map((id, i) => [id, i]));
  sim.script = (i) => {
    const e = events[i]!;
    const node = index.get(e.node);
    if (node === undefined) return;
    if (e.down !== undefined) {
      sim.nodes[node]!.setDown(e.down);
      sim.timeline.add(sim.now, node, e.down ? TL_NODE_DOWN : TL_NODE_UP);
      return;
    }
    // Validated against the configuration as earlier events leave it (scenario/events.ts); a live
    // edit in between may have made it inapplicable, and then it changes nothing.
    if (simulation.setParams(e.node, e.set!).ok) sim.timeline.add(sim.now, node, TL_SCRIPTED);
  };
  for (const i of eventOrder(events)) sim.schedule(events[i]!.atMs, PRIO_SCRIPT, SCRIPT_TARGET, 0, i);
}
