/**
 * The CLI under the bad-input property: scenario files made bad at random (engine/testing/mutate.ts)
 * through the CLI as a child process, the way other tools run it. Each one either runs and prints a
 * report, or exits 1 with short messages that name where; never a stack trace, never a crash.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { mutateText, oddValue } from '../engine/testing/mutate';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'bp-cli-fuzz-'));
const cli = join(dir, 'cli.mjs');
const RUNS = Number(process.env.FUZZ_CLI_RUNS ?? 16);

const designs = ['scenarios', 'scenarios/lessons'].flatMap((d) =>
  readdirSync(join(root, d))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(root, d, f), 'utf8')) as unknown),
);

describe('the CLI on bad scenario files', () => {
  // Bundled once: a Node start per case, not a TypeScript compile per case.
  beforeAll(async () => {
    await build({ entryPoints: [join(root, 'src/cli/main.ts')], bundle: true, platform: 'node', format: 'esm', outfile: cli, logLevel: 'error' });
  }, 60_000);

  it('runs a design or refuses it in a few lines; never a stack trace', () => {
    let n = 0;
    fc.assert(
      fc.property(fc.nat(designs.length - 1), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.array(oddValue, { minLength: 4, maxLength: 4 }), (which, picks, values) => {
        const file = join(dir, `case-${n++}.json`);
        writeFileSync(file, mutateText(designs[which], picks, values));
        const r = spawnSync(process.execPath, [cli, file, '--json', '--duration', '1000'], { encoding: 'utf8', cwd: root, timeout: 30_000 });
        expect(r.signal).toBeNull();
        expect([0, 1]).toContain(r.status);
        expect(r.stderr).not.toMatch(/^\s+at /m);
        expect(r.stderr).not.toMatch(/\b(?:Type|Range|Reference|Syntax)?Error:/);
        if (r.status === 0) {
          expect((JSON.parse(r.stdout) as { simulatedMs: number }).simulatedMs).toBe(1000);
        } else {
          expect(r.stdout).toBe('');
          expect(r.stderr.length).toBeGreaterThan(0);
          expect(r.stderr.length).toBeLessThan(20_000);
        }
      }),
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
  }, 300_000);
});
