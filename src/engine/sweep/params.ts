/**
 * The numeric parameters of a node, read from its schema: what a sweep may vary. A parameter is
 * named by its path in the scenario file, e.g. `rate`, `capacity`, `serviceTime.meanMs`,
 * `call.timeoutMs`. Nested objects are offered only when the node has them (a service without a
 * `call` block has no call timeout to vary).
 */
import type { z } from 'zod';
import { nodeSchema, type NodeConfig } from '../scenario/schema';

export interface NumericParam {
  /** Path inside the node, dotted: `serviceTime.meanMs`. */
  field: string;
  /** Whole numbers only (workers, capacity, attempts...). */
  int: boolean;
  /** Bounds the schema states (inclusive or not: the schema has the last word on each value). */
  min: number;
  max: number;
  /** The value in the design now: undefined when the field is optional and unset, null when "unbounded". */
  current: number | null | undefined;
}

type AnySchema = z.core.$ZodType;
// The schema library's definitions, as far as this walk needs them.
interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  options?: AnySchema[];
  discriminator?: string;
  shape?: Record<string, AnySchema>;
  values?: unknown[];
}
const def = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'default', 'nullable', 'readonly', 'catch', 'prefault', 'nonoptional']);

function unwrap(s: AnySchema): AnySchema {
  for (;;) {
    const d = def(s);
    if (WRAPPERS.has(d.type) && d.innerType) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else return s;
  }
}

function shapeOf(s: AnySchema): Record<string, AnySchema> | undefined {
  const d = def(s);
  return d.type === 'object' ? ((s as unknown as { shape: Record<string, AnySchema> }).shape ?? d.shape) : undefined;
}

function numberBounds(s: AnySchema): { min: number; max: number; int: boolean } {
  const n = s as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
  return { min: n.minValue ?? -Infinity, max: n.maxValue ?? Infinity, int: !!n.isInt };
}

const SKIP = new Set(['id', 'type', 'label', 'position']);

function walk(s: AnySchema, value: unknown, prefix: string, out: NumericParam[]): void {
  const u = unwrap(s);
  const d = def(u);
  const cur = value === null ? null : typeof value === 'number' ? value : undefined;
  if (d.type === 'number') {
    out.push({ field: prefix, ...numberBounds(u), current: cur });
    return;
  }
  if (d.type === 'union' && d.options) {
    const opts = d.options.map(unwrap);
    const num = opts.find((o) => def(o).type === 'number');
    if (num) {
      out.push({ field: prefix, ...numberBounds(num), current: cur });
      return;
    }
    // A discriminated union (serviceTime's dist): the option the node uses now.
    if (d.discriminator && value && typeof value === 'object') {
      const tag = (value as Record<string, unknown>)[d.discriminator];
      const chosen = opts.find((o) => def(unwrap(shapeOf(o)?.[d.discriminator!] ?? o)).values?.includes(tag));
      if (chosen) walk(chosen, value, prefix, out);
    }
    return;
  }
  const shape = shapeOf(u);
  if (shape && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(shape)) {
      if (prefix === '' && SKIP.has(key)) continue;
      const v = (value as Record<string, unknown>)[key];
      const cu = unwrap(child);
      // Nested objects only when the node has them; plain numbers whether set or not.
      if (shapeOf(cu) || (def(cu).type === 'union' && def(cu).discriminator)) {
        if (v !== undefined) walk(child, v, prefix ? `${prefix}.${key}` : key, out);
      } else walk(child, v, prefix ? `${prefix}.${key}` : key, out);
    }
  }
}

function schemaFor(type: string): AnySchema | undefined {
  return def(nodeSchema as unknown as AnySchema).options!.find((o) => def(unwrap(shapeOf(o)!.type!)).values?.includes(type));
}

/** Every numeric parameter of `node`, in the order of its schema. */
export function numericParams(node: NodeConfig): NumericParam[] {
  const s = schemaFor(node.type);
  const out: NumericParam[] = [];
  if (s) walk(s, node, '', out);
  return out;
}

/** Reads `field` (dotted) of a node. */
export function getField(node: NodeConfig, field: string): unknown {
  let cur: unknown = node;
  for (const k of field.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
  return cur;
}

/** A copy of `node` with `field` (dotted) set to `value`; the objects along the path are copied, nothing else. */
export function withField<T extends NodeConfig>(node: T, field: string, value: number): T {
  const keys = field.split('.');
  const set = (obj: Record<string, unknown>, i: number): Record<string, unknown> => {
    const k = keys[i]!;
    if (i === keys.length - 1) return { ...obj, [k]: value };
    const child = obj[k];
    return { ...obj, [k]: set(child && typeof child === 'object' ? (child as Record<string, unknown>) : {}, i + 1) };
  };
  return set(node as unknown as Record<string, unknown>, 0) as unknown as T;
}
