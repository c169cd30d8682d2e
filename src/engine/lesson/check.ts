/**
 * Whether a run showed a lesson's point: its check clauses evaluated over the report. Pure, so the
 * CLI, the tests and the app (over the worker's report) all give the same verdict for the same run.
 */
import type { Report } from '../metrics/report';
import type { CheckClause, CheckOp } from '../scenario/lesson';
import { groupDigits } from '../metrics/format';

export interface ClauseResult {
  says: string;
  passed: boolean;
  /** The measured value (the share when the clause has `per`), or null when the report lacks it. */
  actual: number | null;
  /** "measured 12", or "the report has no nodes.x.y". */
  measured: string;
  /** "queue depth stayed under 50 (measured 12)". */
  text: string;
}

export interface CheckResult {
  passed: boolean;
  clauses: ClauseResult[];
  /** "Showed the point: ..." or "Not yet: ..." with what held and what did not. */
  summary: string;
}

/** A report field by path; counts of reasons that never happened are 0 (the report leaves them out). */
export function metricValue(report: Report, path: string): number | null {
  const parts = path.split('.');
  if (parts[0] === 'reasons' && parts.length === 3) return report.reasons[parts[1]!]?.count ?? 0;
  if (parts[0] === 'nodes' && parts.length >= 3) {
    // Node ids may contain dots: the field is the last part, the id everything between.
    const node = report.nodes[parts.slice(1, -1).join('.')];
    const v = node?.[parts[parts.length - 1]!];
    return typeof v === 'number' ? v : null;
  }
  let cur: unknown = report;
  for (const p of parts) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[p] : undefined;
  return typeof cur === 'number' ? cur : null;
}

function compare(a: number, op: CheckOp, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '==':
      return a === b;
    case '!=':
      return a !== b;
  }
}

/** Readable on a projector: shares as percentages, times in ms or s, whole numbers grouped. */
export function formatMeasured(v: number, share: boolean, path = '', against = 1): string {
  // A share compared with a fraction reads as a percentage; with a larger number, as a multiple.
  if (share && against > 1) return `${v.toFixed(v >= 10 ? 1 : 2)}x`;
  if (share) return `${(v * 100).toFixed(v * 100 >= 10 || v === 0 ? 0 : 1)}%`;
  if (/(Ms(_[a-z]+)?|\.ms[A-Z]\w*)$/.test(path)) return Math.abs(v) >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`;
  if (Number.isInteger(v) || Math.abs(v) >= 100) return groupDigits(v);
  return v.toPrecision(3);
}

export function evaluateClause(c: CheckClause, report: Report): ClauseResult {
  const top = metricValue(report, c.metric);
  const bottom = c.per !== undefined ? metricValue(report, c.per) : 1;
  let actual: number | null = null;
  if (top !== null && bottom !== null) actual = c.per !== undefined ? (bottom > 0 ? top / bottom : 0) : top;
  if (actual === null) {
    const missing = top === null ? c.metric : c.per!;
    const measured = `the report has no ${missing}`;
    return { says: c.says, passed: false, actual, measured, text: `${c.says} (${measured})` };
  }
  const passed = compare(actual, c.op, c.value);
  const measured = `measured ${formatMeasured(actual, c.per !== undefined, c.metric, c.value)}`;
  return { says: c.says, passed, actual, measured, text: `${c.says} (${measured})` };
}

/**
 * The words a verdict opens with: the design as loaded showing the lesson's point (`check`), or the
 * "try this" variant showing its own (`tryThis.check`: the fix working, or what the change breaks).
 */
export const VERDICT_HEADS = {
  loaded: { held: 'Showed the point', not: 'Not yet' },
  tryThis: { held: 'Try this showed its point', not: 'Try this: not yet' },
} as const;
export type VerdictKind = keyof typeof VERDICT_HEADS;

export function evaluateCheck(check: readonly CheckClause[], report: Report, kind: VerdictKind = 'loaded'): CheckResult {
  const clauses = check.map((c) => evaluateClause(c, report));
  const passed = clauses.every((c) => c.passed);
  const head = VERDICT_HEADS[kind];
  const summary = passed
    ? `${head.held}: ${clauses.map((c) => c.text).join('; ')}`
    : `${head.not}: ${clauses
        .filter((c) => !c.passed)
        .map((c) => `${c.says}: no, ${c.measured}`)
        .join('; ')}`;
  return { passed, clauses, summary };
}
