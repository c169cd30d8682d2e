import { formatIssues, parseScenario, type Scenario } from '../../engine/index';
import example from '../../../scenarios/default.json';

/** The example the app opens with: producer → bounded queue → service, a little overloaded. */
export function defaultScenario(): Scenario {
  const p = parseScenario(example);
  if (!p.ok) throw new Error(`scenarios/default.json is invalid:\n${formatIssues(p.issues)}`);
  return p.value;
}
