import type { Scenario } from '../../engine/core';
import parsed from './defaultScenario.parsed.json';

/**
 * The example the app opens with (scenarios/default.json: producer → bounded queue → service, a
 * little overloaded), as the parser makes it: `npm run schema` writes the parsed form and a test
 * checks it is current, so the page shows it before the schema library has loaded.
 */
export function defaultScenario(): Scenario {
  return structuredClone(parsed) as Scenario;
}
