/** Selectors more than one component uses, at module level (narrow, stable subscriptions). */
import type { EdgeKind } from '../../engine/index';
import { edgeKind } from './graph';
import type { ScenarioState } from './scenarioStore';

/** Whether node `id` has an outgoing edge of `kind`. */
export const hasOutgoing = (s: ScenarioState, id: string, kind: EdgeKind): boolean => s.edges.some((e) => e.source === id && edgeKind(e) === kind);

/** How many edges leave node `id`. */
export const outgoingCount = (s: ScenarioState, id: string): number => s.edges.reduce((n, e) => (e.source === id ? n + 1 : n), 0);
