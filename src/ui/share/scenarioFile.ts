/**
 * Export and Import: the scenario as a JSON file in exactly the CLI's format, so
 * `npm run sim -- exported.json` runs what the canvas shows.
 */
import { SCHEMA_FILE_NAME, SCHEMA_KEY, type Parsed, type Scenario } from '../../engine/core';
import { validation } from '../validation';
import { formatBytes, MAX_SCENARIO_BYTES, problem, scenarioFromBytes } from './scenarioBytes';

/**
 * Where this copy of the app serves the format's JSON Schema (public/scenario.schema.json, below
 * the build's base). Absolute in the page, so an editor can fetch it for a downloaded file.
 */
export function schemaUrl(): string {
  const path = `${import.meta.env.BASE_URL}${SCHEMA_FILE_NAME}`;
  return typeof location === 'undefined' ? path : new URL(path, location.href).href;
}

/**
 * The file's text: the validated scenario, indented for people reading or diffing it, with a
 * `$schema` key first so editors check and complete it (the app and the CLI ignore the key).
 */
export function scenarioFileText(scenario: Scenario, schema: string = schemaUrl()): string {
  const p = validation().parseScenario(scenario);
  if (!p.ok) throw new Error(`cannot export an invalid scenario: ${p.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return `${JSON.stringify({ [SCHEMA_KEY]: schema, ...p.value }, null, 2)}\n`;
}

/** "A queue under too much load" → "a-queue-under-too-much-load.json". */
export function scenarioFileName(scenario: Pick<Scenario, 'name'>): string {
  const slug = scenario.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'scenario'}.json`;
}

/** A file the person picked, read without trusting its size, encoding or content. */
export async function readScenarioFile(file: Blob): Promise<Parsed<Scenario>> {
  if (file.size > MAX_SCENARIO_BYTES) {
    return problem('(file)', `${formatBytes(file.size)} is more than any scenario (at most ${formatBytes(MAX_SCENARIO_BYTES)}); is it the right file?`);
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return problem('(file)', `could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
  return scenarioFromBytes(bytes, '(file)');
}
