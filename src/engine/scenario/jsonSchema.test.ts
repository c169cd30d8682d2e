import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText } from './validate';
import { SCHEMA_FILE_NAME, scenarioJsonSchema, scenarioJsonSchemaText } from './jsonSchema';

const root = new URL('../../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const jsonFiles = (dir: string): string[] => readdirSync(new URL(dir, root)).filter((f) => f.endsWith('.json')).map((f) => `${dir}/${f}`);
const shipped = [...jsonFiles('scenarios'), ...jsonFiles('scenarios/lessons')];

type Schema = Record<string, unknown>;

/** The keywords zod writes, and the only ones `check` knows; any other fails the test rather than passing unchecked. */
const KEYWORDS = new Set([
  '$schema', 'title', 'description', 'default', 'type', 'properties', 'required', 'additionalProperties', 'propertyNames',
  'enum', 'const', 'oneOf', 'anyOf', 'items', 'additionalItems', 'minItems', 'maxItems',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern',
]);

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);

/**
 * A small JSON Schema (draft-07) checker for the subset of keywords above: enough to tell whether
 * the generated schema accepts a file, without a validator library. Returns the first problems found.
 */
function check(schema: Schema, value: unknown, path = '$'): string[] {
  const out: string[] = [];
  for (const key of Object.keys(schema)) if (!KEYWORDS.has(key)) out.push(`${path}: the schema uses "${key}", which this checker does not know`);
  const t = typeOf(value);
  if (schema.type !== undefined) {
    const types = ([] as unknown[]).concat(schema.type);
    if (!types.some((x) => x === t || (x === 'number' && t === 'integer'))) return [...out, `${path}: expected ${types.join('|')}, got ${t}`];
  }
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) out.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) out.push(`${path}: not one of ${JSON.stringify(schema.enum)}`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) out.push(`${path}: below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) out.push(`${path}: above ${schema.maximum}`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) out.push(`${path}: not above ${schema.exclusiveMinimum}`);
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) out.push(`${path}: not below ${schema.exclusiveMaximum}`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) out.push(`${path}: shorter than ${schema.minLength}`);
    if (typeof schema.maxLength === 'number' && [...value].length > schema.maxLength) out.push(`${path}: longer than ${schema.maxLength}`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) out.push(`${path}: does not match ${schema.pattern}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) out.push(`${path}: fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) out.push(`${path}: more than ${schema.maxItems} items`);
    if (Array.isArray(schema.items)) {
      const tuple = schema.items as Schema[];
      value.forEach((v, i) => {
        if (i < tuple.length) out.push(...check(tuple[i]!, v, `${path}[${i}]`));
        else if (schema.additionalItems === false) out.push(`${path}[${i}]: no item allowed here`);
      });
    } else if (schema.items) value.forEach((v, i) => out.push(...check(schema.items as Schema, v, `${path}[${i}]`)));
  }
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in obj)) out.push(`${path}: missing ${r}`);
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) out.push(...check(props[k], v, `${path}.${k}`));
      else if (schema.additionalProperties === false) out.push(`${path}: unknown field ${k}`);
      else if (typeof schema.additionalProperties === 'object') out.push(...check(schema.additionalProperties as Schema, v, `${path}.${k}`));
      if (schema.propertyNames) out.push(...check(schema.propertyNames as Schema, k, `${path}{${k}}`));
    }
  }
  for (const kw of ['oneOf', 'anyOf'] as const) {
    const options = schema[kw] as Schema[] | undefined;
    if (!options) continue;
    const results = options.map((o) => check(o, value, path));
    const passing = results.filter((r) => r.length === 0).length;
    if (kw === 'oneOf' ? passing !== 1 : passing === 0) {
      // The option with the fewest problems is most likely the one meant: report its problems.
      const best = results.reduce((a, b) => (b.length < a.length ? b : a), results[0] ?? []);
      out.push(passing > 1 ? `${path}: matches ${passing} of oneOf` : best[0] ?? `${path}: matches none of ${kw}`);
    }
  }
  return out;
}

describe('the JSON Schema of the scenario format', () => {
  it(`public/${SCHEMA_FILE_NAME} is up to date with the zod schema`, () => {
    const committed = read(`public/${SCHEMA_FILE_NAME}`);
    expect(committed === scenarioJsonSchemaText(), `public/${SCHEMA_FILE_NAME} differs from the zod schema (src/engine/scenario/schema.ts): run \`npm run schema\` and commit it`).toBe(true);
  });

  it.each(shipped)('accepts %s', (file) => {
    const data: unknown = JSON.parse(read(file));
    expect(check(scenarioJsonSchema(), data)).toEqual([]);
    // And the app's own validation agrees, with a $schema key too.
    expect(parseScenario(data).ok).toBe(true);
  });

  it('refuses what the app refuses: an unknown field, a wrong type, a value out of range, an unknown node type', () => {
    const schema = scenarioJsonSchema();
    const base = JSON.parse(read('scenarios/mm1k.json')) as { nodes: Record<string, unknown>[] } & Record<string, unknown>;
    const variants: unknown[] = [
      { ...base, colour: 'red' },
      { ...base, seed: 'one' },
      { ...base, version: 2 },
      { ...base, nodes: [{ ...base.nodes[0], rate: -1 }, ...base.nodes.slice(1)] },
      { ...base, nodes: [{ ...base.nodes[0], type: 'teleporter' }, ...base.nodes.slice(1)] },
    ];
    for (const v of variants) {
      expect(check(schema, v).length, JSON.stringify(v).slice(0, 80)).toBeGreaterThan(0);
      expect(parseScenario(v).ok).toBe(false);
    }
  });

  it('a file that names its schema reads as the same scenario without it', () => {
    const text = read('scenarios/mm1k.json');
    const plain = parseScenarioText(text);
    const named = parseScenarioText(JSON.stringify({ $schema: 'https://example.org/scenario.schema.json', ...JSON.parse(text) }));
    expect(plain.ok).toBe(true);
    expect(named).toEqual(plain);
    expect(check(scenarioJsonSchema(), { $schema: './scenario.schema.json', ...JSON.parse(text) })).toEqual([]);
  });
});
