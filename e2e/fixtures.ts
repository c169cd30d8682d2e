/**
 * The `test` every spec uses: the page is watched for uncaught errors and console errors, and a
 * test that saw any fails at its end with the list. Specs import nothing from src/: they drive
 * the app by role and name, as a person (or a screen reader) would.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use, testInfo) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.stack ?? e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console.error: ${m.text()} (${m.location().url}:${m.location().lineNumber})`);
      });
      page.on('crash', () => errors.push('the page crashed'));
      await use(errors);
      // Only when the test itself passed: a failing test already says what went wrong.
      if (testInfo.status === testInfo.expectedStatus) {
        expect(errors, 'uncaught page errors or console errors during the test').toEqual([]);
      }
    },
    { auto: true },
  ],
});

export { expect };

/** A 1280x720 screenshot into e2e/screenshots/NAME.png (gitignored), to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
