/**
 * Scenario documents made bad at random, for the bad-input properties (the validator's and the
 * CLI's): valid designs (the tests pass the shipped scenarios and lessons) with fields deleted, entries
 * duplicated, values replaced by odd ones (extreme numbers, huge strings, deep nesting,
 * `__proto__` keys). Tests only.
 */
import fc from 'fast-check';

function deep(levels: number, asArray: boolean): unknown {
  let v: unknown = 0;
  for (let i = 0; i < levels; i++) v = asArray ? [v] : { a: v };
  return v;
}

const HUGE_TEXT = '<100k characters>';
const DEEP_ARRAY = '<10k nested lists>';
const DEEP_OBJECT = '<10k nested objects>';
const built = (v: unknown): unknown => (v === HUGE_TEXT ? 'x'.repeat(100_000) : v === DEEP_ARRAY ? deep(10_000, true) : v === DEEP_OBJECT ? deep(10_000, false) : v);

export const oddValue = fc.oneof(
  fc.constantFrom<unknown>(1e308, -1e308, -0, 2 ** 53 + 1, 1e-320, 0, -1, null, true, false, '', 'abc', [], {}),
  // Named, and built in mutate(): fast-check's report of a counterexample would recurse 10k deep.
  fc.constantFrom<unknown>(HUGE_TEXT, DEEP_ARRAY, DEEP_OBJECT),
  fc.constantFrom('__proto__', 'constructor', 'prototype').map((k) => JSON.parse(`{"${k}": {"polluted": 1}}`) as unknown),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string(),
);

type Json = Record<string, unknown> | unknown[];

/** Every container inside v, with itself first. */
function containers(v: unknown, out: Json[] = [], depth = 0): Json[] {
  if (depth > 12 || v === null || typeof v !== 'object') return out;
  out.push(v as Json);
  for (const c of Object.values(v as object)) containers(c, out, depth + 1);
  return out;
}

export function mutate(base: unknown, picks: number[], values: unknown[], expand: (v: unknown) => unknown = built): unknown {
  const doc = JSON.parse(JSON.stringify(base)) as unknown;
  picks.forEach((p, i) => {
    const all = containers(doc);
    const target = all[p % all.length];
    const value = expand(values[i]);
    if (!target) return;
    const keys = Object.keys(target);
    const op = (p >> 4) % 4;
    const key = keys.length > 0 ? keys[(p >> 6) % keys.length] : undefined;
    if (op === 0 && key !== undefined) {
      if (Array.isArray(target)) target.splice(Number(key), 1);
      else delete (target as Record<string, unknown>)[key];
    } else if (op === 1 && Array.isArray(target) && target.length > 0) {
      target.push(target[0]); // the same entry twice (a copy by JSON would recurse into a 10k-deep value)
    } else if (op === 2 && !Array.isArray(target)) {
      const extra = value;
      if (extra && typeof extra === 'object' && !Array.isArray(extra)) Object.assign(target, extra);
      else (target as Record<string, unknown>)[key ?? 'extra'] = extra;
    } else if (key !== undefined) {
      (target as Record<string, unknown>)[key] = value;
    }
  });
  return doc;
}


/**
 * The same mutation as file text: the huge and deep values are written into the text itself (a
 * 10k-deep value is more than JSON.stringify's stack takes, but a file may hold one).
 */
export function mutateText(base: unknown, picks: number[], values: unknown[]): string {
  return JSON.stringify(mutate(base, picks, values, (v) => v))
    .replaceAll(JSON.stringify(HUGE_TEXT), JSON.stringify('x'.repeat(100_000)))
    .replaceAll(JSON.stringify(DEEP_ARRAY), `${'['.repeat(10_000)}0${']'.repeat(10_000)}`)
    .replaceAll(JSON.stringify(DEEP_OBJECT), `${'{"a":'.repeat(10_000)}0${'}'.repeat(10_000)}`);
}
