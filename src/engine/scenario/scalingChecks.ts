/**
 * Rules that span nodes for the scaling parts: what an autoscaler's "scales" edge may join, and
 * which nodes and metrics an alert rule may name.
 */
import type { EdgeConfig, EdgeKind, NodeConfig } from './schema';
import { alertMetricError, SCALABLE_TYPES, scalingMetricError, type AlertRule } from './scaling';

interface Ends {
  id: string;
  type: string;
}

/** Why from → to of this kind breaks the autoscaler's wiring rules, or null. */
export function scalesWiringError(from: Ends, to: Ends, kind: EdgeKind): string | null {
  if (kind === 'scales') {
    if (from.type !== 'autoscaler') return `only an autoscaler scales another node; "${from.id}" is a ${from.type}`;
    if (!(SCALABLE_TYPES as readonly string[]).includes(to.type)) return `an autoscaler scales a service or a consumer group; "${to.id}" is a ${to.type}`;
    return null;
  }
  if (from.type === 'autoscaler') return 'an autoscaler sends no items: its edge says which service it scales (kind "scales")';
  if (to.type === 'autoscaler') return `an autoscaler receives no items; "${to.id}" is an autoscaler`;
  return null;
}

/** One target per autoscaler, one autoscaler per target. */
export function checkScalesEdges(byId: ReadonlyMap<string, NodeConfig>, edges: readonly EdgeConfig[]): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const targetOf = new Map<string, string>();
  const scaledBy = new Map<string, string>();
  edges.forEach((e, i) => {
    if (e.kind !== 'scales' || !byId.has(e.from) || !byId.has(e.to)) return;
    const t = targetOf.get(e.from);
    if (t !== undefined) issues.push({ path: `edges[${i}]`, message: `autoscaler "${e.from}" already scales "${t}": one target each` });
    const by = scaledBy.get(e.to);
    if (by !== undefined) issues.push({ path: `edges[${i}]`, message: `"${e.to}" is already scaled by "${by}": two autoscalers would fight` });
    const scaler = byId.get(e.from)!, target = byId.get(e.to)!;
    if (scaler.type === 'autoscaler') {
      const why = scalingMetricError(scaler.metric, target.type, target.id);
      if (why) issues.push({ path: `edges[${i}]`, message: why });
    }
    targetOf.set(e.from, e.to);
    scaledBy.set(e.to, e.from);
  });
  return issues;
}

export function checkAlerts(nodes: readonly NodeConfig[], rules: readonly AlertRule[]): { path: string; message: string }[] {
  const types = new Map(nodes.map((n) => [n.id, n.type]));
  const issues: { path: string; message: string }[] = [];
  rules.forEach((r, i) => {
    if (r.node !== undefined && !types.has(r.node)) {
      issues.push({ path: `alerts[${i}].node`, message: `no node with id "${r.node}"` });
      return;
    }
    const why = alertMetricError(r, r.node === undefined ? undefined : types.get(r.node));
    if (why) issues.push({ path: `alerts[${i}].metric`, message: why });
  });
  return issues;
}
