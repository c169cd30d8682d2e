import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The queueing-theory checks run long simulations; give them room on a 2-core machine.
    testTimeout: 120_000,
    pool: 'forks',
    // The UI's stores validate through a module the page loads after its first paint: tests wait for it as the page does.
    setupFiles: ['src/ui/testSetup.ts'],
  },
});
