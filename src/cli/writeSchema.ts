/**
 * `npm run schema`: writes what is generated from the scenario schema. The format's JSON Schema
 * (engine/scenario/jsonSchema.ts) goes to public/, where the build serves it; the default design,
 * parsed (every default filled in), goes beside the store that opens it, so the page's first load
 * needs no schema library. Run it after changing the scenario schema or scenarios/default.json; a
 * test fails while a committed file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatIssues, parseScenario, SCHEMA_FILE_NAME, scenarioJsonSchemaText } from '../engine/index';

const out = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const written: string[] = [];

const schemaFile = out(`../../public/${SCHEMA_FILE_NAME}`);
writeFileSync(schemaFile, scenarioJsonSchemaText());
written.push(schemaFile);

const parsed = parseScenario(JSON.parse(readFileSync(out('../../scenarios/default.json'), 'utf8')));
if (!parsed.ok) {
  process.stderr.write(`scenarios/default.json is invalid:\n${formatIssues(parsed.issues)}\n`);
  process.exit(1);
}
const defaultFile = out('../ui/store/defaultScenario.parsed.json');
writeFileSync(defaultFile, `${JSON.stringify(parsed.value, null, 2)}\n`);
written.push(defaultFile);

process.stdout.write(written.map((f) => `wrote ${f}\n`).join(''));
