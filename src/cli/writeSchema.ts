/**
 * `npm run schema`: writes the scenario format's JSON Schema (engine/scenario/jsonSchema.ts) to
 * public/, where the build serves it. Run it after changing the scenario schema; a test fails
 * while the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCHEMA_FILE_NAME, scenarioJsonSchemaText } from '../engine/index';

const file = fileURLToPath(new URL(`../../public/${SCHEMA_FILE_NAME}`, import.meta.url));
writeFileSync(file, scenarioJsonSchemaText());
process.stdout.write(`wrote ${file}\n`);
