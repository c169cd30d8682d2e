/**
 * Wiring rules of the log parts: a topic is read by one consumer group, a consumer group reads one
 * topic, and a dead-letter route goes from a group to a topic.
 */
import type { EdgeConfig, EdgeKind, NodeConfig } from './schema';

interface Ends {
  id: string;
  type: string;
}

/** Why from → to of this kind breaks the log parts' wiring rules, or null. */
export function streamsWiringError(from: Ends, to: Ends, kind: EdgeKind): string | null {
  if (kind === 'dead-letter') {
    if (from.type !== 'consumer-group') return `only a consumer group has a dead-letter route; "${from.id}" is a ${from.type}`;
    if (to.type !== 'topic') return `a dead-letter route goes to a topic (the dead-letter topic); "${to.id}" is a ${to.type}`;
    return null;
  }
  if (kind !== 'send') return null;
  if (from.type === 'topic' && to.type !== 'consumer-group') return `a topic is read by a consumer group; "${to.id}" is a ${to.type}`;
  if (to.type === 'consumer-group' && from.type !== 'topic') return `a consumer group reads a topic; "${from.id}" is a ${from.type}`;
  return null;
}

/** One group per topic (this engine tracks each record's item once), one topic per group. */
export function checkStreamsEdges(byId: ReadonlyMap<string, NodeConfig>, edges: readonly EdgeConfig[]): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const groupOf = new Map<string, string>();
  const topicOf = new Map<string, string>();
  edges.forEach((e, i) => {
    const from = byId.get(e.from), to = byId.get(e.to);
    if (!from || !to || (e.kind ?? 'send') !== 'send' || from.type !== 'topic' || to.type !== 'consumer-group') return;
    const g = groupOf.get(e.from);
    if (g !== undefined) issues.push({ path: `edges[${i}]`, message: `topic "${e.from}" is already read by group "${g}": one consumer group per topic here` });
    const t = topicOf.get(e.to);
    if (t !== undefined) issues.push({ path: `edges[${i}]`, message: `consumer group "${e.to}" already reads topic "${t}": one topic per group` });
    groupOf.set(e.from, e.to);
    topicOf.set(e.to, e.from);
  });
  return issues;
}
