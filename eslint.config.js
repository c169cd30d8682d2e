// The layers are held by the linter, not by discipline (shared/STYLE.md habit 2).
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const engineBans = {
  'no-restricted-globals': [
    'error',
    ...['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'requestAnimationFrame', 'queueMicrotask', 'performance', 'window', 'document', 'self', 'process', 'navigator', 'postMessage', 'fetch', 'crypto'].map((name) => ({
      name,
      message: 'src/engine is pure and deterministic: its only clock is sim.now, and it touches no host API.',
    })),
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'Use the seeded Rng streams (kernel/rng.ts): same scenario + seed = same run.' },
    { object: 'Date', property: 'now', message: 'The engine has no wall clock: use sim.now.' },
    { object: 'performance', property: 'now', message: 'The engine has no wall clock: use sim.now.' },
    // Their last bit differs between JS engines (Node vs Chromium): a run would not reproduce.
    ...['log', 'exp', 'pow', 'sin', 'cos', 'tan', 'log2', 'log10', 'log1p', 'expm1', 'cbrt', 'hypot', 'atan', 'atan2', 'asin', 'acos', 'sinh', 'cosh', 'tanh'].map((property) => ({
      object: 'Math',
      property,
      message: 'Not portable bit for bit across JS engines: use kernel/detmath.ts (detLog, detExp, powInt).',
    })),
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date']", message: 'The engine has no wall clock: use sim.now.' },
    { selector: "BinaryExpression[operator='**']", message: 'x ** y is Math.pow, not portable bit for bit: use powInt from kernel/detmath.ts.' },
  ],
  'no-restricted-imports': [
    'error',
    { patterns: [{ group: ['**/ui/**', '**/worker/**', '**/cli/**', 'node:*', 'react', 'react-dom', 'comlink'], message: 'The engine imports nothing outside src/engine (and no host modules).' }] },
  ],
};

export default tseslint.config(
  // dist*/ and test-results*/: every engineer's own e2e build and results folders (E2E_OUT, --output).
  { ignores: ['dist*/**', 'node_modules/**', 'test-results*/**', 'bench/.out/**', '.tsbuild/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['src/engine/**/*.ts'], ignores: ['src/engine/**/*.test.ts', 'src/engine/testing/**'], rules: engineBans },
  {
    // The engine's tests test the engine: they import nothing of the UI, the worker or the CLI.
    files: ['src/engine/**/*.test.ts', 'src/engine/testing/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/ui/**', '**/worker/**', '**/cli/**'], message: 'An engine test imports the engine only.' }] }] },
  },
  {
    // No import cycles: each module can be read (and loaded) after the ones it imports.
    files: ['src/**/*.{ts,tsx}', 'bench/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  { files: ['src/cli/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts', '*.config.*', '.ci/**'], languageOptions: { globals: globals.node } },
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/ui/**', '**/worker/**'], message: 'The CLI uses the engine only.' }] }] },
  },
  {
    // The worker runs the engine against wall time; it knows nothing of React or the page.
    files: ['src/worker/**/*.ts'],
    languageOptions: { globals: globals.worker },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/ui/**', '**/cli/**', 'react', 'react-dom', 'react-dom/*', '@xyflow/*', 'zustand', 'zustand/*', 'd3-*'], message: 'The worker imports the engine (and comlink) only.' }] }],
    },
  },
  {
    // The UI reaches the worker through src/ui/simClient.ts alone, and only for types otherwise.
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    languageOptions: { globals: globals.browser },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/worker/**', '!**/worker/protocol'], allowTypeImports: true, message: 'Only src/ui/simClient.ts talks to the worker; import types from worker/protocol.' }, { group: ['**/cli/**'], message: 'The UI does not use the CLI.' }] },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Worker']", message: 'Only src/ui/simClient.ts creates the simulation worker (src/ui/paint/paintClient.ts the paint worker, src/ui/sweep/sweepClient.ts the sweep workers).' }],
      'no-restricted-globals': ['error', { name: 'postMessage', message: 'Talk to the worker through src/ui/simClient.ts.' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    ignores: ['src/ui/simClient.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'comlink', message: 'Only src/ui/simClient.ts talks to the worker.' }] }],
    },
  },
  // The three doors: to the simulation worker, to the paint worker that draws the edge dots, and to the sweep workers.
  { files: ['src/ui/simClient.ts', 'src/ui/paint/paintClient.ts', 'src/ui/sweep/sweepClient.ts'], rules: { 'no-restricted-syntax': 'off', 'no-restricted-globals': 'off' } },
);
