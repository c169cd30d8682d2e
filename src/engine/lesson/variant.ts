/** A lesson's "try this" as data: the scenario with its changes applied, validated like a file. */
import type { Scenario } from '../scenario/schema';
import { parseScenario, type Parsed } from '../scenario/validate';

export function tryThisVariant(s: Scenario): Parsed<Scenario> {
  const t = s.lesson?.tryThis;
  if (!t) return { ok: false, issues: [{ path: 'lesson.tryThis', message: 'this scenario is not a lesson' }] };
  const nodes = s.nodes.map((n) => {
    const patch = t.changes.filter((c) => c.node === n.id).reduce<Record<string, unknown>>((acc, c) => ({ ...acc, ...c.set }), {});
    return { ...n, ...patch, id: n.id, type: n.type };
  });
  return parseScenario({ ...s, nodes, ...(t.events !== undefined ? { events: t.events } : {}) });
}
