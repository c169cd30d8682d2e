import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from './validate';
import { changedPaths, fieldExists, isEditable, resolveEntry } from './lockChecks';

const root = join(import.meta.dirname, '..', '..', '..');
const breakerLesson = (): Record<string, unknown> => JSON.parse(readFileSync(join(root, 'scenarios/lessons/07-slow-database-breaker.json'), 'utf8'));

describe('the lock in a scenario', () => {
  it('is part of the scenario: kept whole, with its defaults', () => {
    const p = parseScenario({ ...breakerLesson(), lock: { editable: ['app.retryBudget', 'breaker.failureRateThreshold'], reason: 'only these two' } });
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.value.lock).toEqual({ editable: ['app.retryBudget', 'breaker.failureRateThreshold'], structure: false, reason: 'only these two' });
  });

  it('refuses an entry naming a node that is not there, saying which entry and what', () => {
    const p = parseScenario({ ...breakerLesson(), lock: { editable: ['app.retryBudget', 'ghost.rate'] } });
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.issues).toEqual([{ path: 'lock.editable[1]', message: 'no node with id "ghost" (from "ghost.rate")' }]);
  });

  it('refuses an entry naming a field that kind of node does not have', () => {
    const p = parseScenario({ ...breakerLesson(), lock: { editable: ['breaker.capacity', 'app.retryBudget.maxTokens', 'app.backoff.nope'] } });
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.issues).toEqual([
      { path: 'lock.editable[0]', message: 'a circuit-breaker has no field "capacity" (node "breaker")' },
      { path: 'lock.editable[2]', message: 'a client has no field "backoff.nope" (node "app")' },
    ]);
  });

  it('refuses a lock of the wrong shape with the field named', () => {
    const p = parseScenario({ ...breakerLesson(), lock: { editable: 'app', structure: 'yes' } });
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.issues.map((i) => i.path)).toEqual(['lock.editable', 'lock.structure']);
  });

  it('knows the fields of each kind, through optional blocks and unions', () => {
    expect(fieldExists('client', ['retryBudget', 'maxTokens'])).toBe(true);
    expect(fieldExists('service', ['call', 'retryBudget'])).toBe(true);
    expect(fieldExists('queue', ['capacity'])).toBe(true);
    expect(fieldExists('queue', ['rate'])).toBe(false);
  });

  it('resolves node ids holding dots by the longest match', () => {
    const ids = new Set(['a', 'a.b']);
    expect(resolveEntry('a.b.rate', ids)).toEqual({ node: 'a.b', path: ['rate'] });
    expect(resolveEntry('a.rate', ids)).toEqual({ node: 'a', path: ['rate'] });
    expect(resolveEntry('c.rate', ids)).toBeNull();
  });

  it('an entry covers its field and everything inside it, nothing beside it', () => {
    const lock = { editable: ['app.retryBudget'], structure: false };
    const ids = new Set(['app']);
    expect(isEditable(lock, ids, 'app', ['retryBudget', 'maxTokens'])).toBe(true);
    expect(isEditable(lock, ids, 'app', ['maxAttempts'])).toBe(false);
    expect(isEditable(undefined, ids, 'app', ['maxAttempts'])).toBe(true);
    expect(changedPaths({ a: 1, b: { c: 2, d: 3 } }, { a: 1, b: { c: 2, d: 4 }, e: [1] })).toEqual([['b', 'd'], ['e']]);
  });

  it('the CLI ignores it: a locked scenario runs number for number like the same one unlocked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-lock-'));
    const plain = join(dir, 'plain.json');
    const locked = join(dir, 'locked.json');
    writeFileSync(plain, JSON.stringify(breakerLesson()));
    writeFileSync(locked, JSON.stringify({ ...breakerLesson(), lock: { editable: ['app.retryBudget'], reason: 'just the budget' } }));
    const run = (f: string) => {
      const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/cli/main.ts'), f, '--json', '--duration', '20000'], { encoding: 'utf8', cwd: root });
      expect(r.status, r.stderr).toBe(0);
      const rep = JSON.parse(r.stdout) as Record<string, unknown>;
      delete rep.wallMs;
      return rep;
    };
    const a = run(plain);
    expect(a.simulatedMs).toBe(20000);
    expect(run(locked)).toEqual(a);
  });
});
