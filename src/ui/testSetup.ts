/**
 * The page loads the engine's validation as its own chunk and starts the design keeper only once
 * it is in (src/ui/validation.ts); every test file waits for it the same way before it runs (the
 * engine's own tests load the engine anyway).
 */
import { beforeAll } from 'vitest';

beforeAll(async () => {
  const { validationLoaded } = await import('./validation');
  await validationLoaded;
});
