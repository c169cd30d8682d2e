import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, type Scenario } from '../../engine/index';
import { defaultScenario } from '../store/defaultScenario';
import { createScenarioStore, scenarioOf } from '../store/scenarioStore';
import { validScenario } from './arbitraries';
import { readScenarioFile, scenarioFileName, scenarioFileText } from './scenarioFile';

describe('export and import', () => {
  it('the exported file is the CLI format: the same parser reads it back to the same scenario', () => {
    const s = defaultScenario();
    const text = scenarioFileText(s);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseScenarioText(text)).toEqual({ ok: true, value: s });
  });

  it('the exported file names the JSON Schema the app serves, and reading it ignores that key', () => {
    const s = defaultScenario();
    const data = JSON.parse(scenarioFileText(s, 'https://example.org/app/scenario.schema.json')) as Record<string, unknown>;
    expect(Object.keys(data)[0]).toBe('$schema');
    expect(data.$schema).toBe('https://example.org/app/scenario.schema.json');
    expect(JSON.parse(scenarioFileText(s)).$schema).toBe(`${import.meta.env.BASE_URL}scenario.schema.json`);
  });

  it('export → import gives the same scenario, for any valid one', async () => {
    await fc.assert(
      fc.asyncProperty(validScenario, async (s: Scenario) => {
        expect(await readScenarioFile(new File([scenarioFileText(s)], 'x.json'))).toEqual({ ok: true, value: s });
      }),
      { numRuns: 100 },
    );
  });

  it('the canvas holds the whole scenario: loading one into the design store and reading it back changes nothing', () => {
    fc.assert(
      fc.property(validScenario, (s) => {
        expect(scenarioOf(createScenarioStore(s).getState())).toEqual(s);
      }),
      { numRuns: 100 },
    );
  });

  it('names the file after the design', () => {
    expect(scenarioFileName({ name: 'A queue under too much load' })).toBe('a-queue-under-too-much-load.json');
    expect(scenarioFileName({ name: 'Café: 50% off!' })).toBe('cafe-50-off.json');
    expect(scenarioFileName({ name: '???' })).toBe('scenario.json');
  });
});
