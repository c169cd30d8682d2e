/**
 * The scripted timeline: timed events a scenario carries, e.g. a load spike at t = 30 s, a
 * dependency that slows from 40 ms to 900 ms, a node that fails and recovers, a capacity change.
 *
 *   { "atMs": 30000, "node": "db", "set": { "serviceTime": { "dist": "constant", "ms": 900 } } }
 *   { "atMs": 60000, "node": "db", "down": true }      the node fails: every arrival gets a 503
 *   { "atMs": 70000, "node": "db", "down": false }     ...and recovers
 *
 * A `set` patch is merged over the node's configuration as it is at that moment and validated as a
 * whole, exactly like a live edit from the inspector (Simulation.setParams).
 */
import { z } from './zod';
import { label, nonNeg } from './fields';
import type { NodeConfig } from './schema';

export const MAX_EVENTS = 200;

export const scriptedEventSchema = z
  .strictObject({
    /** When, in simulated milliseconds from the start. */
    atMs: nonNeg('a time in milliseconds'),
    /** The id of the node it changes. */
    node: z.string({ error: 'expected the id of a node' }),
    /** Parameters to change, as in the node's own configuration (e.g. { "rate": 400 }). */
    set: z.record(z.string(), z.unknown(), { error: 'expected the parameters to change, e.g. { "rate": 400 }' }).optional(),
    /** true: the node fails (refuses every arrival, 503 "node-down"); false: it recovers. */
    down: z.boolean({ error: 'expected true (the node fails) or false (it recovers)' }).optional(),
    /** A few words for the timeline marker and the events list. */
    note: label.optional(),
  })
  .refine((e) => (e.set === undefined) !== (e.down === undefined), {
    error: 'an event either sets parameters ("set": {...}) or fails or recovers the node ("down": true or false), one of the two',
  });
export type ScriptedEvent = z.infer<typeof scriptedEventSchema>;

export const eventsSchema = z.array(scriptedEventSchema).max(MAX_EVENTS, { error: `at most ${MAX_EVENTS} scripted events` });

/** Event indices in the order they happen: by time, and in list order at the same instant. */
export function eventOrder(events: readonly ScriptedEvent[]): number[] {
  return events.map((_, i) => i).sort((a, b) => events[a]!.atMs - events[b]!.atMs || a - b);
}

type NodeParser = (data: unknown) => { ok: true; value: NodeConfig } | { ok: false; issues: { path: string; message: string }[] };

/**
 * What is wrong with the events of an otherwise valid scenario: an unknown node, a time after the
 * end of the run, a patch that would make the node invalid (checked against the node as earlier
 * events leave it, with the field path inside `set`), a producer told to fail.
 */
export function checkEvents(
  nodes: readonly NodeConfig[],
  events: readonly ScriptedEvent[],
  durationMs: number,
  parseNode: NodeParser,
): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const current = new Map(nodes.map((n) => [n.id, n]));
  for (const i of eventOrder(events)) {
    const e = events[i]!;
    const at = `events[${i}]`;
    const node = current.get(e.node);
    if (!node) {
      issues.push({ path: `${at}.node`, message: `no node with id "${e.node}"` });
      continue;
    }
    if (e.atMs > durationMs) {
      issues.push({ path: `${at}.atMs`, message: `${e.atMs} ms is after the end of the run (durationMs ${durationMs})` });
    }
    if (e.down !== undefined) {
      if (node.type === 'producer') issues.push({ path: `${at}.down`, message: `a producer cannot fail; set "${e.node}"'s rate to 0 instead` });
      continue;
    }
    const patch = e.set!;
    for (const k of ['id', 'type'] as const) {
      if (k in patch) issues.push({ path: `${at}.set.${k}`, message: `a scripted event cannot change a node's ${k}` });
    }
    if ('id' in patch || 'type' in patch) continue;
    const parsed = parseNode({ ...node, ...patch, id: node.id, type: node.type });
    if (!parsed.ok) {
      for (const iss of parsed.issues) issues.push({ path: iss.path === '(node)' ? `${at}.set` : `${at}.set.${iss.path}`, message: iss.message });
      continue;
    }
    current.set(node.id, parsed.value);
  }
  return issues.slice(0, 20);
}
