/** Running a lesson file from the command line: the check's verdict in its own words, in the table and in --json. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const main = join(root, 'src', 'cli', 'main.ts');
const lesson = join(root, 'scenarios', 'lessons', '14-queue-sizing.json');

function sim(...args: string[]) {
  const r = spawnSync(tsx, [main, ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('sim on a lesson file', () => {
  it('prints the table, then PASS and what the check says, with the measured value', () => {
    const r = sim(lesson);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^PASS {2}Showed the point: p99 wait in the queue stayed under 400 ms .*\(measured \d+ ms\)$/);
  });

  it('--json adds a check field to the report', () => {
    const r = sim(lesson, '--json');
    const out = JSON.parse(r.stdout) as { check: { passed: boolean; summary: string; clauses: { says: string; actual: number }[] }; nodes: Record<string, unknown> };
    expect(out.check.passed).toBe(true);
    expect(out.check.clauses[0]!.actual).toBeLessThan(400);
    expect(out.nodes.orders).toBeDefined();
  });

  it('--try runs the "try this" variant and gives its own verdict', () => {
    const r = sim(lesson, '--try');
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^PASS {2}Try this showed its point: with 2,000 places the p99 wait in the queue went past 5 s \(measured [\d.]+ s\); and nothing was refused \(measured 0\)$/);
    const json = JSON.parse(sim(lesson, '--try', '--json').stdout) as { check: { passed: boolean; summary: string } };
    expect(json.check.passed).toBe(true);
    expect(json.check.summary).toMatch(/^Try this showed its point: /);
  });

  it('--try on a scenario that is no lesson says so (exit 1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-lesson-'));
    const f = join(dir, 'plain.json');
    writeFileSync(f, JSON.stringify({ version: 1, nodes: [{ id: 'p', type: 'producer', rate: 1 }] }));
    const r = sim(f, '--try');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no "try this" variant to run');
    expect(r.stderr).toContain('lesson.tryThis: this scenario is not a lesson');
  });

  it('a scenario with a bad scripted event is refused with its field path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-lesson-'));
    const f = join(dir, 'bad.json');
    writeFileSync(f, JSON.stringify({ version: 1, nodes: [{ id: 'p', type: 'producer', rate: 1 }], events: [{ atMs: 5, node: 'q', down: true }] }));
    const r = sim(f);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('events[0].node: no node with id "q"');
  });
});
