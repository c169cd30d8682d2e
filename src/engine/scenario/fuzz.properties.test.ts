import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mutate, oddValue } from '../testing/mutate';
import { parseScenario, parseScenarioText } from './validate';
import { createSimulation } from '../simulation';

/** Valid designs to start from: the shipped scenarios and the lesson files. */
function corpus(): unknown[] {
  const files = [
    ...readdirSync('scenarios').filter((f) => f.endsWith('.json')).map((f) => join('scenarios', f)),
    ...readdirSync('scenarios/lessons').filter((f) => f.endsWith('.json')).map((f) => join('scenarios/lessons', f)),
  ];
  return files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as unknown);
}


const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEEDS = corpus();
let accepted = 0;

describe('bad input by construction', () => {
  it('the validator never throws; a refusal names a path and a reason; an accepted design runs 1 s', () => {
    fc.assert(
      fc.property(
        fc.nat(SEEDS.length - 1),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.array(oddValue, { minLength: 4, maxLength: 4 }),
        (which, picks, values) => {
          const data = mutate(SEEDS[which], picks, values);
          const r = parseScenario(data);
          if (!r.ok) {
            expect(r.issues.length).toBeGreaterThan(0);
            for (const iss of r.issues) {
              expect(iss.path.length).toBeGreaterThan(0);
              expect(iss.message.length).toBeGreaterThan(0);
              expect(iss.message.length).toBeLessThan(2_000);
            }
            return;
          }
          accepted++;
          const sim = createSimulation({ ...r.value, durationMs: 1_000 });
          sim.runFor(1_000);
        },
      ),
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (process.env.FUZZ_RUNS) console.log(`fuzz: ${RUNS} runs, ${accepted} accepted and run`);
  }, 60_000);

  it('the text parser never throws on odd JSON text', () => {
    for (const text of ['', 'null', '[]', '"x"', '1e400', '{"__proto__": null}', '['.repeat(10_000) + ']'.repeat(10_000), '{'.repeat(5_000)]) {
      const r = parseScenarioText(text);
      expect(r.ok).toBe(false);
    }
  });
});
