/** What validation reports: each problem with the field path it is about. */

export interface ScenarioIssue {
  /** Where: `nodes[1] (buffer).capacity`, `edges[0].to`, or `(file)`. */
  path: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: ScenarioIssue[] };

export function formatIssues(issues: ScenarioIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('\n');
}
