/**
 * The scenario format as a JSON Schema, generated from the zod schema (schema.ts) so the two cannot
 * drift apart. `npm run schema` writes it to public/scenario.schema.json, which the app serves at
 * `<base>scenario.schema.json`; editors that read a file's `$schema` then complete and check it.
 *
 * It describes what a person may write (zod's input side: fields with a default are optional). It
 * checks the shape and the ranges; the rules across fields (maxMs ≥ minMs, edges between existing
 * nodes, no loops...) live in refinements and in validate.ts, which only the app and the CLI apply.
 */
import { z } from './zod';
import { scenarioSchema } from './schema';
import { SCENARIO_VERSION, SCHEMA_KEY } from './constants';

export { SCHEMA_FILE_NAME } from './constants';

export function scenarioJsonSchema(): Record<string, unknown> {
  // draft-07: the dialect editors and validators understand most widely. Anything zod cannot
  // express throws here (unrepresentable: 'throw'), so a new field never turns silently into "any".
  const generated = z.toJSONSchema(scenarioSchema, { target: 'draft-07', io: 'input', unrepresentable: 'throw' }) as Record<string, unknown>;
  const { $schema, properties, ...rest } = generated as { $schema: string; properties: Record<string, unknown> };
  return {
    $schema,
    title: 'Backpressure Playground scenario',
    description: `A scenario file (version ${SCENARIO_VERSION}) of the Backpressure Playground: nodes, edges and their settings. Times in milliseconds, rates per second.`,
    ...rest,
    properties: {
      [SCHEMA_KEY]: { type: 'string', description: 'The JSON Schema this file follows (for editors); ignored by the app and the CLI.' },
      ...properties,
    },
  };
}

/** The text of public/scenario.schema.json. */
export const scenarioJsonSchemaText = (): string => `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
