/**
 * The scripted timeline as the app edits it: pure helpers the scenario store's named actions use,
 * and the words the events list shows ("At 30 s: rate = 400", "At 40 s: fails").
 */
import type { Scenario, ScenarioIssue, ScriptedEvent } from '../../engine/core';
import { validation } from '../validation';

/** The scenario with `events` added, validated as a file would be (unknown node, time, bad patch). */
export function withEvents(s: Scenario, events: readonly ScriptedEvent[]): { ok: true; events: ScriptedEvent[] } | { ok: false; issues: ScenarioIssue[] } {
  const all = [...(s.events ?? []), ...events];
  const p = validation().parseScenario({ ...s, events: all });
  if (!p.ok) return { ok: false, issues: p.issues };
  return { ok: true, events: p.value.events ?? [] };
}

/** Events left once some nodes are gone (an event on a deleted node would make the file invalid). */
export function eventsWithout(events: readonly ScriptedEvent[] | undefined, goneNodes: ReadonlySet<string>): ScriptedEvent[] | undefined {
  if (!events) return events;
  const kept = events.filter((e) => !goneNodes.has(e.node));
  return kept.length === events.length ? (events as ScriptedEvent[]) : kept;
}

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(3))} s`;

function describeValue(v: unknown): string {
  if (v === null) return 'unbounded';
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    if ('dist' in o) {
      const ms = o.ms ?? o.meanMs;
      return typeof ms === 'number' ? `${o.dist === 'constant' ? '' : 'mean '}${ms} ms` : String(o.dist);
    }
    return JSON.stringify(v);
  }
  return String(v);
}

/** "rate = 400", "fails (503)", "recovers". */
export function describeChange(e: ScriptedEvent): string {
  if (e.down === true) return 'fails (refuses everything, 503)';
  if (e.down === false) return 'recovers';
  return Object.entries(e.set ?? {})
    .map(([k, v]) => `${k === 'serviceTime' ? 'service time' : k} = ${describeValue(v)}`)
    .join(', ');
}

export function describeEvent(e: ScriptedEvent): string {
  return `At ${seconds(e.atMs)}: ${describeChange(e)}${e.note ? ` (${e.note})` : ''}`;
}
