/**
 * The JSON document `sim FILE --json` prints: the run's report, and for a lesson the verdict of its
 * check beside it. The CLI and the browser's "Report JSON" export both make it here, so a file
 * exported from the app and run headless for the same time gives the same document (wallMs aside).
 */
import type { Report } from '../metrics/report';
import type { Scenario } from '../scenario/schema';
import { evaluateCheck, type CheckResult } from './check';

export type ReportDocument = Report & { check?: CheckResult };

/**
 * `tryThis`: the report is of the lesson's "Try this" variant (`--try`), judged by its own check
 * where it has one, else by the lesson's.
 */
export function reportDocument(scenario: Scenario, report: Report, tryThis = false): ReportDocument {
  const lesson = scenario.lesson;
  if (!lesson) return report;
  const tryCheck = tryThis ? lesson.tryThis.check : undefined;
  const check = tryCheck ? evaluateCheck(tryCheck, report, 'tryThis') : evaluateCheck(lesson.check, report);
  return { ...report, check };
}
