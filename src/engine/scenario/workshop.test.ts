import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWorkshop } from './workshop';

const lessons = new Set(readdirSync('scenarios/lessons').map((f) => f.replace(/\.json$/, '')));
const builtin = JSON.parse(readFileSync('scenarios/workshops/backpressure-in-90-minutes.json', 'utf8')) as Record<string, unknown>;
const steps = (n: number) => Array.from({ length: n }, () => ({ lesson: '01-flash-sale-unbounded-queue' }));

describe('the workshop format', () => {
  it('the built-in workshop is valid: 8-10 steps, each an existing lesson', () => {
    const p = parseWorkshop(builtin, lessons);
    expect(p.ok).toBe(true);
    if (p.ok) expect(p.value.steps.length).toBeGreaterThanOrEqual(8);
    if (p.ok) expect(p.value.steps.length).toBeLessThanOrEqual(10);
  });

  it('refuses an unknown lesson, saying which step', () => {
    const p = parseWorkshop({ workshop: 1, title: 'T', steps: [{ lesson: '01-flash-sale-unbounded-queue' }, { lesson: '99-nope' }] }, lessons);
    expect(p).toEqual({ ok: false, issues: [{ path: 'steps[1].lesson', message: 'no lesson "99-nope" in scenarios/lessons' }] });
  });

  it('refuses too few and too many steps, wrong types and unknown fields, each with where', () => {
    const few = parseWorkshop({ workshop: 1, title: 'T', steps: [] }, lessons);
    expect(few.ok || few.issues[0]).toEqual({ path: 'steps', message: 'a workshop needs at least 2 steps; got 0 steps' });
    const many = parseWorkshop({ workshop: 1, title: 'T', steps: steps(21) }, lessons);
    expect(many.ok || many.issues[0]).toEqual({ path: 'steps', message: 'at most 20 steps; got 21 steps' });
    const wrong = parseWorkshop({ workshop: 1, title: 5, steps: [{ lesson: 3 }, { lesson: 'x', extra: 1 }] }, lessons);
    expect(wrong.ok || wrong.issues.map((i) => i.path)).toEqual(['title', 'steps[0].lesson', 'steps[1]']);
    expect(parseWorkshop([], lessons).ok).toBe(false);
    expect(parseWorkshop({ title: 'T', steps: steps(2) }, lessons).ok).toBe(false);
  });
});
