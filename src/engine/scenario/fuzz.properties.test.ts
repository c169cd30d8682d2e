import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, parseScenarioText } from './validate';
import { createSimulation } from '../simulation';

/** Valid designs to start from: the shipped scenarios and the lesson files. */
function corpus(): unknown[] {
  const files = [
    ...readdirSync('scenarios').filter((f) => f.endsWith('.json')).map((f) => join('scenarios', f)),
    ...readdirSync('scenarios/lessons').filter((f) => f.endsWith('.json')).map((f) => join('scenarios/lessons', f)),
  ];
  return files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as unknown);
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEEDS = corpus();
let accepted = 0;

function deep(levels: number, asArray: boolean): unknown {
  let v: unknown = 0;
  for (let i = 0; i < levels; i++) v = asArray ? [v] : { a: v };
  return v;
}

const HUGE_TEXT = '<100k characters>';
const DEEP_ARRAY = '<10k nested lists>';
const DEEP_OBJECT = '<10k nested objects>';
const built = (v: unknown): unknown => (v === HUGE_TEXT ? 'x'.repeat(100_000) : v === DEEP_ARRAY ? deep(10_000, true) : v === DEEP_OBJECT ? deep(10_000, false) : v);

const oddValue = fc.oneof(
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

function mutate(base: unknown, picks: number[], values: unknown[]): unknown {
  const doc = JSON.parse(JSON.stringify(base)) as unknown;
  picks.forEach((p, i) => {
    const all = containers(doc);
    const target = all[p % all.length];
    const value = built(values[i]);
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

describe('bad input by construction', () => {
  it('the validator never throws; a refusal names a path and a reason; an accepted design runs 1 s', () => {
    fc.assert(
      fc.property(
        fc.nat(SEEDS.length - 1),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.array(oddValue, { minLength: 4, maxLength: 4 }),
        (which, picks, values) => {
          const data = mutate(SEEDS[which], picks, values);
          const r = parseScenario(data);
          if (!r.ok) {
            expect(r.issues.length).toBeGreaterThan(0);
            for (const iss of r.issues) {
              expect(iss.path.length).toBeGreaterThan(0);
              expect(iss.message.length).toBeGreaterThan(0);
              expect(iss.message.length).toBeLessThan(2_000);
            }
            return;
          }
          accepted++;
          const sim = createSimulation({ ...r.value, durationMs: 1_000 });
          sim.runFor(1_000);
        },
      ),
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (process.env.FUZZ_RUNS) console.log(`fuzz: ${RUNS} runs, ${accepted} accepted and run`);
  }, 60_000);

  it('the text parser never throws on odd JSON text', () => {
    for (const text of ['', 'null', '[]', '"x"', '1e400', '{"__proto__": null}', '['.repeat(10_000) + ']'.repeat(10_000), '{'.repeat(5_000)]) {
      const r = parseScenarioText(text);
      expect(r.ok).toBe(false);
    }
  });
});
