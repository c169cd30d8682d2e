/**
 * The run's report as the CLI prints it with `--json`: the same document (reportDocument in the
 * engine), one line of JSON. For the design on the canvas at the simulated time reached, it equals
 * `npm run sim -- exported.json --json --duration <that time>` on the design exported as a file,
 * except `wallMs` (the worker reports 0: its run was spread over wall time at the chosen speed).
 */
import { reportDocument, type Report, type Scenario } from '../../engine/index';

export function reportJsonText(scenario: Scenario, report: Report): string {
  return `${JSON.stringify(reportDocument(scenario, report))}\n`;
}
