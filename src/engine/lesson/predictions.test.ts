/**
 * Lesson predictions: each lesson that asks one runs headless to the moment it is about, and the
 * measured value must fall in the choice the lesson marks correct (or in the range its explanation
 * states), so an engine change that makes an explanation false fails here. Then the scoring words,
 * and the refusals of a prediction that names what the design lacks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario, parseScenarioText, type Report, type Scenario } from '../index';
import { choiceFor, howFarOff, predictionAtMs, predictionValue, scorePrediction } from './predict';

const DIR = join(__dirname, '../../../scenarios/lessons');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

function load(file: string): Scenario {
  const p = parseScenarioText(readFileSync(join(DIR, file), 'utf8'));
  if (!p.ok) throw new Error(`${file}: ${p.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return p.value;
}

function reportAt(s: Scenario, ms: number): Report {
  const sim = createSimulation(s);
  sim.runUntil(ms);
  return sim.report();
}

const withPredictions = files.map((f) => [f, load(f)] as const).filter(([, s]) => s.lesson?.predictions);

describe('lesson predictions', () => {
  it('at least 8 lessons ask for a prediction before they run', () => {
    expect(withPredictions.length).toBeGreaterThanOrEqual(8);
  });

  for (const [file, s] of withPredictions) {
    s.lesson!.predictions!.forEach((p, i) => {
      it(`${file} prediction ${i}: the measured value is what the explanation says`, () => {
        const at = predictionAtMs(p, s.durationMs);
        const r = reportAt(s, at);
        expect(r.simulatedMs).toBe(at);
        const v = predictionValue(p, r);
        expect(v, `${p.metric} is in the report`).not.toBeNull();
        if (p.choices) {
          // One answer is the explanation's, and no two answers can both hold one measured value.
          expect(p.choices.filter((c) => c.correct)).toHaveLength(1);
          const correct = p.choices.findIndex((c) => c.correct);
          for (const c of p.choices) expect(c.value !== undefined, `${c.text}: a value or a range`).toBe(c.min === undefined && c.max === undefined);
          const edges = [-Infinity, ...p.choices.flatMap((c) => [c.value, c.min, c.max].filter((x): x is number => x !== undefined))];
          for (const x of edges) expect(p.choices.filter((c) => (c.value !== undefined ? x === c.value : x >= (c.min ?? -Infinity) && x < (c.max ?? Infinity))).length, `choices holding ${x}`).toBeLessThanOrEqual(1);
          expect(p.choices[choiceFor(p, v!)]?.text, `measured ${v}`).toBe(p.choices[correct]!.text);
        } else {
          expect(v).toBeGreaterThanOrEqual(p.expect!.min);
          expect(v).toBeLessThanOrEqual(p.expect!.max);
        }
      });
    });
  }
});

describe('scoring a prediction', () => {
  const report = {
    nodes: { orders: { depth: 5838 } },
    totals: { produced: 200, refused: 46 },
    endToEnd: { p99LatencyMs: 28_800 },
    reasons: {},
  } as unknown as Report;
  const number = { question: 'q?', metric: 'nodes.orders.depth', unit: 'orders', expect: { min: 0, max: 1 }, explain: 'e.' };
  const choice = {
    question: 'q?',
    metric: 'endToEnd.p99LatencyMs',
    unit: 'ms',
    choices: [{ text: 'under 1 s', max: 1000 }, { text: 'over 1 s', min: 1000, correct: true as const }],
    explain: 'e.',
  };

  it('a number: the measured value and how far off, as a ratio in words', () => {
    const s = scorePrediction(number, { kind: 'number', value: 1800 }, report);
    expect(s.measured).toBe(5838);
    expect(s.measuredText).toBe('5,838 orders');
    expect(s.saidText).toBe('1,800 orders');
    expect(s.verdict).toBe('3.2x higher than you said');
    expect(s.right).toBeNull();
    expect(scorePrediction(number, { kind: 'number', value: 58_380 }, report).verdict).toBe('10x lower than you said');
    expect(scorePrediction(number, { kind: 'number', value: 5500 }, report).verdict).toBe('within 10% of what you said');
  });

  it('a percentage: the share times 100, off by percentage points', () => {
    const share = { ...number, metric: 'totals.refused', per: 'totals.produced', unit: '%' };
    const s = scorePrediction(share, { kind: 'number', value: 30 }, report);
    expect(s.measuredText).toBe('23%');
    expect(s.verdict).toBe('7 percentage points lower than you said');
    expect(howFarOff(0, 120, 'ms')).toBe('120 ms higher than you said');
  });

  it('a choice: right or wrong, naming the answer the measured value picks', () => {
    expect(scorePrediction(choice, { kind: 'choice', index: 1 }, report)).toMatchObject({ right: true, verdict: 'Right', measuredText: '28.8 s', measuredChoice: 1 });
    expect(scorePrediction(choice, { kind: 'choice', index: 0 }, report)).toMatchObject({ right: false, verdict: 'Wrong: it was “over 1 s”', saidText: 'under 1 s' });
  });

  it('a field the report lacks is said, not scored', () => {
    const s = scorePrediction({ ...number, metric: 'nodes.gone.depth' }, { kind: 'number', value: 1 }, report);
    expect(s).toMatchObject({ measured: null, measuredText: 'the report has no nodes.gone.depth', verdict: 'Cannot be scored' });
  });
});

describe('a prediction that cannot be asked is refused, saying what and where', () => {
  const base = load('01-flash-sale-unbounded-queue.json');
  const withPrediction = (patch: Record<string, unknown>, index = 1) => {
    const preds = [...base.lesson!.predictions!] as Record<string, unknown>[];
    preds[index] = { ...preds[index], ...patch };
    return parseScenario({ ...base, lesson: { ...base.lesson, predictions: preds } });
  };
  const issues = (r: ReturnType<typeof parseScenario>) => (r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`));

  it('a node that is not in the design', () => {
    expect(issues(withPrediction({ metric: 'nodes.ordrs.maxDepth' }))).toEqual(['lesson.predictions[1].metric: no node with id "ordrs"']);
  });
  it('an unknown report field or prediction field', () => {
    expect(issues(withPrediction({ metric: 'endToEnd.p98LatencyMs' }))[0]).toBe(`lesson.predictions[1].metric: no field "p98LatencyMs" in the report's endToEnd`);
    expect(issues(withPrediction({ answer: 3 }))).toEqual(['lesson.predictions[1]: unknown field "answer"']);
  });
  it('a moment after the run', () => {
    expect(issues(withPrediction({ atMs: 999_999 }, 0))).toEqual(["lesson.predictions[0].atMs: after the run's end (120000 ms)"]);
  });
  it('a number prediction without its unit, or with both kinds', () => {
    const both = 'needs "choices", or "expect" and "unit"';
    expect(issues(withPrediction({ unit: undefined }, 0))).toEqual([`lesson.predictions[0]: ${both}`]);
    expect(issues(withPrediction({ expect: { min: 1, max: 2 } }))).toEqual([`lesson.predictions[1]: ${both}`]);
    expect(issues(withPrediction({ atMs: -5 }, 0))[0]).toMatch(/^lesson\.predictions\[0\]\.atMs: /);
    expect(issues(parseScenario({ ...base, lesson: { ...base.lesson, predictions: [] } }))).toEqual(['lesson.predictions: Too small: expected array to have >=1 items; got 0 items']);
  });
});
