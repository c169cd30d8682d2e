/** The lock (scenario/lock.ts) against the design: which entries name what, and what an edit may change. */
import { nodeSchema, type NodeConfig } from './schema';
import type { Lock } from './lock';
import type { ScenarioIssue } from './validate';

/** One entry resolved against the design: the node it names and the field path inside it ([] = the whole node). */
export interface LockTarget {
  node: string;
  path: string[];
}

/** "client.retryBudget" → { node: "client", path: ["retryBudget"] }, the longest matching node id first; null if no node matches. */
export function resolveEntry(text: string, ids: ReadonlySet<string>): LockTarget | null {
  if (ids.has(text)) return { node: text, path: [] };
  const parts = text.split('.');
  for (let cut = parts.length - 1; cut >= 1; cut--) {
    const node = parts.slice(0, cut).join('.');
    if (ids.has(node)) return { node, path: parts.slice(cut) };
  }
  return null;
}

type Def = { type: string; shape?: Record<string, unknown>; innerType?: unknown; in?: unknown; options?: unknown[] };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

/** The schemas a value at `key` inside `schema` may follow (unions give several), or [] if none has the key. */
function childSchemas(schema: unknown, key: string): unknown[] {
  const d = defOf(schema);
  switch (d.type) {
    case 'object':
      return d.shape && key in d.shape ? [d.shape[key]] : [];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      return childSchemas(d.innerType, key);
    case 'pipe':
      return childSchemas(d.in, key);
    case 'union':
      return (d.options ?? []).flatMap((o) => childSchemas(o, key));
    default:
      return [];
  }
}

/** Whether `path` names a field a node of this kind can have. */
export function fieldExists(type: NodeConfig['type'], path: readonly string[]): boolean {
  let at: unknown[] = (defOf(nodeSchema).options ?? []).filter((o) => {
    const shape = defOf(o).shape as Record<string, unknown> | undefined;
    const t = shape?.type ? defOf(shape.type) : undefined;
    return (t as { values?: unknown[] } | undefined)?.values?.includes(type);
  });
  for (const key of path) {
    at = at.flatMap((s) => childSchemas(s, key));
    if (at.length === 0) return false;
  }
  return true;
}

/** A lock that names a node or a field that is not there: refused, saying which entry and what. */
export function checkLock(lock: Lock, nodes: readonly NodeConfig[]): ScenarioIssue[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const ids = new Set(byId.keys());
  const issues: ScenarioIssue[] = [];
  lock.editable.forEach((text, i) => {
    const where = `lock.editable[${i}]`;
    const t = resolveEntry(text, ids);
    if (!t) {
      issues.push({ path: where, message: `no node with id "${text.split('.')[0]}" (from "${text}")` });
      return;
    }
    const node = byId.get(t.node)!;
    if (t.path.length > 0 && !fieldExists(node.type, t.path)) {
      issues.push({ path: where, message: `a ${node.type} has no field "${t.path.join('.')}" (node "${t.node}")` });
    }
  });
  return issues;
}

/** The field paths (leaves) where `a` and `b` differ; objects are compared field by field, lists as a whole. */
export function changedPaths(a: unknown, b: unknown, at: string[] = [], out: string[][] = []): string[][] {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObj(a) || isObj(b)) {
    const ao = isObj(a) ? a : {};
    const bo = isObj(b) ? b : {};
    if (!isObj(a) && a !== undefined) out.push(at);
    else if (!isObj(b) && b !== undefined) out.push(at);
    for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) changedPaths(ao[k], bo[k], [...at, k], out);
    return out;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push(at);
  return out;
}

/** Whether the lock lets learners change field `path` of node `node`. No lock: everything is editable. */
export function isEditable(lock: Lock | undefined, ids: ReadonlySet<string>, node: string, path: readonly string[]): boolean {
  if (!lock) return true;
  return lock.editable.some((text) => {
    const t = resolveEntry(text, ids);
    return t !== null && t.node === node && t.path.length <= path.length && t.path.every((k, i) => path[i] === k);
  });
}

/** The fields of `node` the lock leaves editable: "all", "none", or some (shown field by field). */
export function nodeLockState(lock: Lock | undefined, ids: ReadonlySet<string>, node: string): 'all' | 'none' | 'some' {
  if (!lock) return 'all';
  let some = false;
  for (const text of lock.editable) {
    const t = resolveEntry(text, ids);
    if (t?.node !== node) continue;
    if (t.path.length === 0) return 'all';
    some = true;
  }
  return some ? 'some' : 'none';
}

/** "locked by this lesson" (or design), with the lock's own reason after it. */
export function lockReason(lock: Lock, isLesson: boolean): string {
  const head = isLesson ? 'locked by this lesson' : 'locked by this design';
  return lock.reason ? `${head}: ${lock.reason}` : head;
}
