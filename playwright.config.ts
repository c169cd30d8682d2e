import { defineConfig, devices } from '@playwright/test';

/** Where `vite preview` serves the production build for the tests: not 4173, which `npm start` uses. */
export const PORT = Number(process.env.E2E_PORT ?? 4183);
/** Where the tested build goes: separate folders let several checkouts' suites run at once. */
const OUT = process.env.E2E_OUT ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  // A 2-core machine: the page, its simulation worker and the test runner share it.
  workers: 2,
  fullyParallel: true,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./e2e/summaryReporter.ts']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1280, height: 720 },
    // Playwright's own browser download does not work here: drive Debian's Chromium.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Without the networking flags Chromium keeps dialling Google's hosts on a closed network.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    },
    // The offline copy is tested in e2e/offline.spec.ts alone; elsewhere a service worker could
    // answer from an earlier build's cache.
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    // The production build, as people get it; never a stale one from an earlier run.
    command: `npx vite build --logLevel warn --outDir ${OUT} --emptyOutDir && npx vite preview --port ${PORT} --strictPort --outDir ${OUT}`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
