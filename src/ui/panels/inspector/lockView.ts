/**
 * What the design's lock (engine/scenario/lock.ts) means for the node in the inspector: which of
 * its fields are read-only, and the reason to show beside them. The design store holds the lock
 * whatever the inspector shows; this only keeps the person from typing into a field that would refuse.
 */
import { createContext, useContext } from 'react';
import { changedPaths, isEditable, lockReason, nodeLockState, type Lock, type NodeConfig } from '../../../engine/index';

export interface NodeLockView {
  cfg: NodeConfig;
  lock: Lock;
  ids: ReadonlySet<string>;
  /** Which of the node's fields the lock leaves editable. */
  state: 'all' | 'none' | 'some';
  /** "locked by this lesson: ..." */
  reason: string;
}

export const NodeLockContext = createContext<NodeLockView | null>(null);

export function nodeLockView(cfg: NodeConfig, lock: Lock | undefined, ids: ReadonlySet<string>, isLesson: boolean): NodeLockView | null {
  if (!lock) return null;
  return { cfg, lock, ids, state: nodeLockState(lock, ids, cfg.id), reason: lockReason(lock, isLesson) };
}

/** A value no field holds: the fields a text box writes are where it shows up in the patch. */
const PROBE = '\u0000probe';

/**
 * The reason this control is read-only, or null. A text field names its fields by a probe of its
 * patch; a select or checkbox by `field` (a path in the node, "overflow", "call.retryBudget"), and
 * one that names none is read-only unless its whole node is editable.
 */
export function useLockedReason(field: string | undefined, probe?: (text: string) => Record<string, unknown>): string | null {
  const v = useContext(NodeLockContext);
  if (!v || v.state === 'all') return null;
  if (v.state === 'none') return v.reason;
  let paths: string[][];
  if (field !== undefined) paths = [field.split('.')];
  else if (probe) paths = changedPaths(v.cfg, { ...v.cfg, ...probe(PROBE) });
  else return v.reason;
  if (paths.length === 0) return v.reason;
  return paths.every((p) => isEditable(v.lock, v.ids, v.cfg.id, p)) ? null : v.reason;
}
