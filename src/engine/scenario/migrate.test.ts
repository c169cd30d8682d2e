import { describe, expect, it } from 'vitest';
import { parseScenario } from './validate';
import { MIGRATIONS, migrateScenario, type Migrator } from './migrate';
import { SCENARIO_VERSION } from './schema';

const v1 = { version: 1, name: 'x', nodes: [{ id: 'p', type: 'producer', rate: 5 }], edges: [] };

describe('scenario versions', () => {
  it('version 1 is the first format: there is nothing to migrate from, and it reads as it is', () => {
    expect(SCENARIO_VERSION).toBe(1);
    expect(MIGRATIONS).toEqual({});
    expect(migrateScenario(v1)).toEqual({ ok: true, value: v1 });
  });

  it('a scenario from a newer version is refused, for files, links and the CLI alike (parseScenario)', () => {
    const r = parseScenario({ ...v1, version: 4 });
    expect(r).toEqual({
      ok: false,
      issues: [{ path: 'version', message: 'made by a newer version of Backpressure Playground (scenario version 4; this app reads up to 1). Open it in an up-to-date copy of the app' }],
    });
  });

  it('a missing, fractional or zero version is left for the schema to describe', () => {
    for (const version of [undefined, 0, 1.5, '1']) {
      const r = parseScenario({ ...v1, version });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0]).toEqual({ path: 'version', message: expect.stringMatching(/expected version 1/) });
    }
  });

  // The chain itself, exercised with migrators made up for the test (the app ships none yet):
  // when version 2 and 3 come, their migrators go into MIGRATIONS and old files walk the chain.
  const chain: Record<number, Migrator> = {
    1: ({ durationMs, ...rest }) => ({ ...rest, version: 2, runForMs: durationMs }),
    2: ({ runForMs, ...rest }) => ({ ...rest, version: 3, run: { forMs: runForMs } }),
  };

  it('an old file walks the chain one version at a time, from wherever it starts', () => {
    expect(migrateScenario({ version: 1, durationMs: 5 }, 3, chain)).toEqual({ ok: true, value: { version: 3, run: { forMs: 5 } } });
    expect(migrateScenario({ version: 2, runForMs: 7 }, 3, chain)).toEqual({ ok: true, value: { version: 3, run: { forMs: 7 } } });
    expect(migrateScenario({ version: 3, run: { forMs: 9 } }, 3, chain)).toEqual({ ok: true, value: { version: 3, run: { forMs: 9 } } });
  });

  it('a gap in the chain, a migrator that throws or one that forgets to bump the version is reported, not thrown', () => {
    expect(migrateScenario({ version: 1 }, 3, { 2: chain[2]! })).toEqual({ ok: false, issues: [{ path: 'version', message: 'cannot read scenario version 1: no migration from it to version 2' }] });
    const throws: Migrator = () => {
      throw new Error('no durationMs');
    };
    expect(migrateScenario({ version: 1 }, 2, { 1: throws })).toEqual({ ok: false, issues: [{ path: 'version', message: 'could not bring version 1 up to date: no durationMs' }] });
    expect(migrateScenario({ version: 1 }, 2, { 1: (d) => d })).toEqual({ ok: false, issues: [{ path: 'version', message: 'the migration from version 1 did not produce version 2' }] });
  });

  it('does not change the input it was given', () => {
    const input = { version: 1, durationMs: 5 };
    migrateScenario(input, 3, chain);
    expect(input).toEqual({ version: 1, durationMs: 5 });
  });
});
