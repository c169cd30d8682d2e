/**
 * `npm run --silent sim -- FILE [--json] [--duration MS] [--seed N]`
 * `npm run --silent sim -- sweep FILE --vary NODE.FIELD=FROM:TO:STEPS ...` (sweep.ts)
 *
 * Runs a scenario file headless with the same engine the app runs in its worker and prints the
 * report: one JSON object with --json, else a readable table. Exit codes: 0 ran (even if the run
 * halted itself as a runaway: the report says so), 1 the scenario is invalid, 2 bad command line.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createSimulation, formatIssues, parseScenarioText, reportDocument, tryThisVariant, type Report } from '../engine/index';
import { parseArgs, UsageError, USAGE } from './args';
import { formatReport } from './table';
import { sweepMain } from './sweep';

function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : String(code ?? e);
    process.stderr.write(`${args.file}: cannot read the scenario: ${why}\n`);
    return 1;
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) {
    process.stderr.write(`${args.file}: invalid scenario\n${indent(formatIssues(parsed.issues))}\n`);
    return 1;
  }
  let base = parsed.value;
  if (args.tryThis) {
    const variant = tryThisVariant(base);
    if (!variant.ok) {
      process.stderr.write(`${args.file}: no "try this" variant to run\n${indent(formatIssues(variant.issues))}\n`);
      return 1;
    }
    base = variant.value;
  }
  const scenario = { ...base, durationMs: args.durationMs ?? base.durationMs };
  const sim = createSimulation(scenario, args.seed !== undefined ? { seed: args.seed } : {});
  const t0 = performance.now();
  sim.runToEnd();
  const report: Report = sim.report(Math.round((performance.now() - t0) * 1000) / 1000);
  // A lesson: whether the run showed its point, in the check's own words; with --try, the verdict of
  // the "try this" variant (its own check, or the lesson's for a lesson that has none).
  const doc = reportDocument(scenario, report, args.tryThis);
  const check = doc.check;
  if (args.json) process.stdout.write(`${JSON.stringify(doc)}\n`);
  else {
    process.stdout.write(formatReport(scenario.name, report));
    if (check) process.stdout.write(`\n${check.passed ? 'PASS' : 'FAIL'}  ${check.summary}\n`);
  }
  if (report.halted) process.stderr.write(`${report.halted.message}\n`);
  return 0;
}

function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

// A bug of ours, not the user's: say so in one line rather than a stack trace.
function internalError(e: unknown): void {
  process.stderr.write(`internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 70;
}

const argv = process.argv.slice(2);
if (argv[0] === 'sweep') {
  sweepMain(argv.slice(1)).then((code) => (process.exitCode = code), internalError);
} else {
  try {
    process.exitCode = main(argv);
  } catch (e) {
    internalError(e);
  }
}
