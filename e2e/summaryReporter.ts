/**
 * Prints one closing line that CI reads: `e2e: 12 passed, 0 failed` (`, N skipped` when any).
 * A run that failed before or around its tests (the web server did not start, a global error)
 * never reports 0 failed.
 */
import type { FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
  private suite: Suite | undefined;
  private errors = 0;

  onBegin(_config: unknown, suite: Suite): void {
    this.suite = suite;
  }

  onError(): void {
    this.errors++;
  }

  onTestEnd(_test: TestCase, _result: TestResult): void {}

  onEnd(result: FullResult): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const test of this.suite?.allTests() ?? []) {
      switch (test.outcome()) {
        case 'expected':
        case 'flaky':
          passed++;
          break;
        case 'skipped':
          // Never ran because the run was cut short: that is not a skip.
          if (test.results.length === 0 && result.status !== 'passed') failed++;
          else skipped++;
          break;
        default:
          failed++;
      }
    }
    if (result.status !== 'passed' && failed === 0) failed = Math.max(1, this.errors);
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    process.stdout.write(`\ne2e: ${passed} passed, ${failed} failed${tail}\n`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
