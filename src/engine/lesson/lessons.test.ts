/**
 * Every lesson in scenarios/lessons runs headless with both its verdicts: as loaded it shows its
 * point (`check`), and with "try this" applied it shows the try-this point (`tryThis.check`: the fix
 * working, or what the change breaks) while the first verdict no longer holds. Each check is about
 * the idea the lesson teaches, not a number that happens to hold.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulation, evaluateCheck, parseScenarioText, tryThisVariant, type Report, type Scenario } from '../index';
import { metricValue } from './check';

const DIR = join(__dirname, '../../../scenarios/lessons');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

function load(file: string): Scenario {
  const p = parseScenarioText(readFileSync(join(DIR, file), 'utf8'));
  if (!p.ok) throw new Error(`${file}: ${p.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return p.value;
}

function report(s: Scenario): Report {
  const sim = createSimulation(s);
  sim.runToEnd();
  return sim.report();
}

describe('the lessons library', () => {
  it('has a lesson for every pattern the engine teaches today', () => {
    expect(files.length).toBeGreaterThanOrEqual(13);
  });

  for (const file of files) {
    describe(file, () => {
      const s = load(file);
      it('is a lesson: title, setup in two lines, what to watch, try this, two checks, what it takes', () => {
        const l = s.lesson!;
        expect(l.setup.split('\n')).toHaveLength(2);
        expect(l.tryThis.changes.length + (l.tryThis.events ? 1 : 0)).toBeGreaterThan(0);
        expect(l.tryThis.check?.length).toBeGreaterThan(0);
        expect(l.level).toBeDefined();
        expect(l.concepts?.length).toBeGreaterThan(0);
        // Its whole story on the charts: the window covers the run (or 10 minutes of it).
        expect(l.windowS! * 1000).toBeGreaterThanOrEqual(Math.min(s.durationMs, 600_000));
        // A run a class can sit through: at most two and a half minutes at the lesson's speed.
        expect(s.durationMs / (l.speed === 'max' ? 100 : l.speed!)).toBeLessThanOrEqual(150_000);
      });
      const asLoaded = () => report(s);
      const variant = () => {
        const v = tryThisVariant(s);
        if (!v.ok) throw new Error(v.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
        return report(v.value);
      };
      it('as loaded: shows its point, and not the try-this one', () => {
        const r = asLoaded();
        const v = evaluateCheck(s.lesson!.check, r);
        expect(v.summary).toMatch(/^Showed the point: /);
        expect(v.passed).toBe(true);
        expect(evaluateCheck(s.lesson!.tryThis.check!, r, 'tryThis').passed).toBe(false);
      });
      it('with "try this": shows the try-this point, and no longer the first', () => {
        const r = variant();
        const t = evaluateCheck(s.lesson!.tryThis.check!, r, 'tryThis');
        expect(t.summary).toMatch(/^Try this showed its point: /);
        expect(t.passed).toBe(true);
        const v = evaluateCheck(s.lesson!.check, r);
        expect(v.summary).toMatch(/^Not yet: /);
        expect(v.passed).toBe(false);
      });
    });
  }
});

describe('check evaluation', () => {
  const report = {
    nodes: { 'db.primary': { type: 'service', completed: 90, arrived: 100 } },
    totals: { produced: 200, goodput: 150 },
    endToEnd: { p99LatencyMs: 2500 },
    reasons: { 'rate-limited': { status: 429, count: 7 } },
  } as unknown as Report;

  it('reads node fields (ids may hold dots), totals, latency and reasons; a reason that never happened counts 0', () => {
    expect(metricValue(report, 'nodes.db.primary.completed')).toBe(90);
    expect(metricValue(report, 'totals.goodput')).toBe(150);
    expect(metricValue(report, 'reasons.rate-limited.count')).toBe(7);
    expect(metricValue(report, 'reasons.breaker-open.count')).toBe(0);
    expect(metricValue(report, 'nodes.db.primary.nope')).toBeNull();
  });

  it('says what held and what did not, with the measured values', () => {
    const ok = evaluateCheck([{ metric: 'totals.goodput', per: 'totals.produced', op: '>=', value: 0.75, says: 'three quarters answered in time' }], report);
    expect(ok).toMatchObject({ passed: true, summary: 'Showed the point: three quarters answered in time (measured 75%)' });
    const not = evaluateCheck(
      [
        { metric: 'endToEnd.p99LatencyMs', op: '<', value: 1000, says: 'p99 under a second' },
        { metric: 'nodes.db.primary.completed', per: 'nodes.db.primary.arrived', op: '>', value: 0.5, says: 'most served' },
      ],
      report,
    );
    expect(not.passed).toBe(false);
    expect(not.summary).toBe('Not yet: p99 under a second: no, measured 2.5 s');
    expect(not.clauses.map((c) => c.passed)).toEqual([false, true]);
  });

  it('fails a clause whose field the report lacks, and says which', () => {
    const r = evaluateCheck([{ metric: 'nodes.db.primary.maxDepth', op: '<', value: 5, says: 'short queue' }], report);
    expect(r.summary).toBe('Not yet: short queue: no, the report has no nodes.db.primary.maxDepth');
  });
});

describe('lesson validation', () => {
  const base = { version: 1, nodes: [{ id: 'p', type: 'producer', rate: 1 }, { id: 'q', type: 'queue', capacity: 1 }], edges: [{ from: 'p', to: 'q' }] };
  const lesson = (check: unknown[], changes: unknown[] = []) => ({
    title: 'T',
    setup: 'a\nb',
    watch: 'w',
    tryThis: { text: 't', changes },
    check,
  });
  it('names a check field or a change on a node the scenario lacks', () => {
    const p = parseScenarioText(
      JSON.stringify({ ...base, lesson: lesson([{ metric: 'nodes.qq.maxDepth', op: '<', value: 1, says: 's' }], [{ node: 'z', set: {} }]) }),
    );
    expect(p.ok ? [] : p.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'lesson.check[0].metric: no node with id "qq"',
      'lesson.tryThis.changes[0].node: no node with id "z"',
    ]);
  });
  it('refuses an unknown operator and a field that is not in the report', () => {
    const p = parseScenarioText(JSON.stringify({ ...base, lesson: lesson([{ metric: 'depth', op: '=~', value: 1, says: 's' }]) }));
    expect(p.ok ? [] : p.issues.map((i) => i.path)).toEqual(['lesson.check[0].metric', 'lesson.check[0].op']);
  });
});
