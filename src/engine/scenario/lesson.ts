/**
 * A lesson: a ready scenario that teaches one idea, with the text a teacher needs and a check that
 * says whether the run showed the point. It is an ordinary scenario file with a `lesson` block,
 * so the CLI runs it, the app opens it and a share link carries it.
 *
 *   "lesson": {
 *     "title": "Flash sale into an unbounded queue",
 *     "setup": "...", "watch": "...",
 *     "tryThis": { "text": "Give orders a capacity of 200", "changes": [{ "node": "orders", "set": { "capacity": 200 } }] },
 *     "check": [{ "metric": "nodes.orders.maxDepth", "op": ">", "value": 5000, "says": "the queue grew past 5,000 orders" }]
 *   }
 *
 * A lesson has two verdicts, each holding when every one of its clauses holds: `check`, the problem
 * shown by the design as loaded, and `tryThis.check`, the fix working in the "try this" variant
 * (`tryThis.changes`, and `events`, which replace the scripted timeline). Both are judged on the
 * report at the run's end (durationMs: a lesson's run stops there, in the app as in the CLI); before
 * that a verdict is "waiting for" it (`waitingFor` says what, in the lesson's words), never failed. `level`, `concepts`, `speed` and `windowS` tell a
 * teacher what the lesson takes and let the app open it at a speed and chart window that keep its
 * whole story on screen.
 *
 * `predictions` (1-3) are asked before the lesson plays ("What will p99 latency be?"): a number in
 * `unit`, or one of 2-5 `choices`, each a range (`min` inclusive, `max` exclusive) or a `value` of
 * the metric, so the measured value picks the right one. Each is answered by a report field (the
 * check clauses' paths, with `per`) at `atMs` (default: the run's end; the app pauses there), and
 * says in `explain` why the number is what it is. `expect` (a number's range) and `correct` (the
 * choice) are what the explanation claims: the lesson tests run each lesson and hold them true.
 * With `unit` "%" the metric (a share) is shown, entered and ranged as a percentage.
 */
import { z } from './zod';
import { label } from './fields';
import { eventsSchema } from './events';

export const CHECK_OPS = ['<', '<=', '>', '>=', '==', '!='] as const;
export type CheckOp = (typeof CHECK_OPS)[number];

const text = (max: number) => z.string({ error: 'expected text' }).min(1, { error: 'must not be empty' }).max(max, { error: `at most ${max} characters` });

/** A report field: `nodes.<id>.<field>`, `totals.<field>`, `endToEnd.<field>` or `reasons.<code>.count`. */
const metricPath = z
  .string({ error: 'expected a report field, e.g. "nodes.orders.maxDepth" or "totals.completed"' })
  .regex(/^(nodes\.[A-Za-z0-9_.:-]+\.[A-Za-z0-9_]+|totals\.[A-Za-z]+|endToEnd\.[A-Za-z0-9]+|reasons\.[a-z-]+\.count|simulatedMs)$/, {
    error: 'expected a report field: nodes.<id>.<field>, totals.<field>, endToEnd.<field>, reasons.<code>.count or simulatedMs',
  });

export const checkClauseSchema = z.strictObject({
  metric: metricPath,
  /** Divides the metric by this one (a share: "completed per produced"). */
  per: metricPath.optional(),
  op: z.enum(CHECK_OPS, { error: `expected one of ${CHECK_OPS.map((o) => `"${o}"`).join(', ')}` }),
  value: z.number({ error: 'expected a number to compare with' }).finite({ error: 'expected a finite number' }),
  /** What it means when it holds, in the words of the lesson ("queue depth stayed under 50"). */
  says: text(160),
});
export type CheckClause = z.infer<typeof checkClauseSchema>;

export const nodeChangeSchema = z.strictObject({
  node: z.string({ error: 'expected the id of a node' }),
  set: z.record(z.string(), z.unknown(), { error: 'expected the parameters to change, e.g. { "capacity": 50 }' }),
});

const clauses = z.array(checkClauseSchema).min(1, { error: 'needs at least one clause' }).max(8, { error: 'at most 8 clauses' });

const bound = z.number({ error: 'expected a number' }).finite({ error: 'expected a finite number' });
const choiceSchema = z.strictObject({
  text: text(60),
  /** The measured value is in [min, max), or equals `value`. */
  min: bound.optional(),
  max: bound.optional(),
  value: bound.optional(),
  /** The answer the explanation gives (one choice has it). */
  correct: z.literal(true, { error: 'expected true (or leave it out)' }).optional(),
});
export type PredictionChoice = z.infer<typeof choiceSchema>;

export const predictionSchema = z.strictObject({
  question: text(160),
  metric: metricPath,
  per: metricPath.optional(),
  /** Simulated ms the answer is read at (default: the run's end). */
  atMs: z.number({ error: 'expected milliseconds' }).int({ error: 'expected whole milliseconds' }).positive({ error: 'must be after 0 ms' }).optional(),
  unit: z.string({ error: 'expected text' }).min(1, { error: 'must not be empty' }).max(12, { error: 'at most 12 characters' }).optional(),
  /** A number prediction: the range the explanation states the measured value is in. */
  expect: z.strictObject({ min: bound, max: bound }).optional(),
  choices: z.array(choiceSchema).min(2, { error: 'needs 2 to 5 choices' }).max(5, { error: 'needs 2 to 5 choices' }).optional(),
  /** One sentence: why it comes out as it does. */
  explain: text(300),
});
export type Prediction = z.infer<typeof predictionSchema>;

export const LESSON_LEVELS = ['intro', 'intermediate', 'advanced'] as const;
export type LessonLevel = (typeof LESSON_LEVELS)[number];

/** Chart windows a lesson may ask for, seconds (the charts panel offers the same). */
export const CHART_WINDOWS_S = [10, 30, 60, 90, 120, 180, 300, 600] as const;
/** Speeds a lesson may load at (the toolbar offers the same). */
export const LESSON_SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 100, 'max'] as const;

export const lessonSchema = z.strictObject({
  title: label.min(1, { error: 'must not be empty' }),
  /** Two lines: what is built and what happens to it. */
  setup: text(400),
  /** Where to look while it runs. */
  watch: text(400),
  tryThis: z.strictObject({
    /** The one change that fixes or breaks it, in words. */
    text: text(400),
    /** The same change as data, applied by tests (and a "Try it" button). */
    changes: z.array(nodeChangeSchema).max(10, { error: 'at most 10 changes' }).default([]),
    /** Replaces the scripted timeline (e.g. [] takes the spike away). */
    events: eventsSchema.optional(),
    /** The fix working: judged on the variant's run. */
    check: clauses.optional(),
  }),
  /** The problem shown: judged on the run of the design as loaded. */
  check: clauses,
  /** What the verdict waits for, in the lesson's words ("the spike to end and 90 s of recovery"). */
  waitingFor: text(120).optional(),
  level: z.enum(LESSON_LEVELS, { error: `expected one of ${LESSON_LEVELS.map((l) => `"${l}"`).join(', ')}` }).optional(),
  /** The ideas it teaches, a few words each ("bounded queue", "drop-oldest"). */
  concepts: z.array(label.min(1, { error: 'must not be empty' })).max(6, { error: 'at most 6 concepts' }).optional(),
  /** Asked before the run plays, scored when it reaches each one's moment. */
  predictions: z.array(predictionSchema).min(1, { error: 'needs 1 to 3 predictions' }).max(3, { error: 'needs 1 to 3 predictions' }).optional(),
  /** The speed it opens at. */
  speed: z
    .union([z.literal('max'), z.number()], { error: 'expected a speed: a number or "max"' })
    .refine((v) => (LESSON_SPEEDS as readonly (number | string)[]).includes(v), { error: `expected one of ${LESSON_SPEEDS.join(', ')}` })
    .optional(),
  /** The chart window it opens with, seconds: long enough to keep the trigger on screen. */
  windowS: z
    .number({ error: 'expected seconds' })
    .refine((v) => (CHART_WINDOWS_S as readonly number[]).includes(v), { error: `expected one of ${CHART_WINDOWS_S.join(', ')}` })
    .optional(),
});
export type Lesson = z.infer<typeof lessonSchema>;

/** Check clauses and try-this changes that name nodes the scenario does not have. */
export function checkLesson(lesson: Lesson, nodeIds: ReadonlySet<string>, durationMs = Infinity): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];

  const nodeOf = (metric: string) => /^nodes\.(.+)\.[A-Za-z0-9_]+$/.exec(metric)?.[1];
  const clauses = (list: readonly CheckClause[] | undefined, at: string) =>
    list?.forEach((c, i) => {
      for (const k of ['metric', 'per'] as const) {
        const id = c[k] !== undefined ? nodeOf(c[k]) : undefined;
        if (id !== undefined && !nodeIds.has(id)) issues.push({ path: `${at}[${i}].${k}`, message: `no node with id "${id}"` });
      }
    });
  clauses(lesson.check, 'lesson.check');
  clauses(lesson.tryThis.check, 'lesson.tryThis.check');
  lesson.tryThis.changes.forEach((c, i) => {
    if (!nodeIds.has(c.node)) issues.push({ path: `lesson.tryThis.changes[${i}].node`, message: `no node with id "${c.node}"` });
  });
  lesson.predictions?.forEach((p, i) => issues.push(...checkPrediction(p, `lesson.predictions[${i}]`, nodeIds, durationMs)));
  return issues;
}

const TOTALS = ['produced', 'completed', 'refused', 'dropped', 'expired', 'failed', 'timedOut', 'inSystem', 'goodput'];
const END_TO_END = ['completed', 'meanLatencyMs', 'p50LatencyMs', 'p90LatencyMs', 'p99LatencyMs', 'p999LatencyMs', 'maxLatencyMs'];

/** A prediction that names what the design lacks, or cannot be scored as written. */
function checkPrediction(p: Prediction, at: string, nodeIds: ReadonlySet<string>, durationMs: number): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const bad = (path: string, message: string) => issues.push({ path: `${at}${path}`, message });
  for (const k of ['metric', 'per'] as const) {
    const m = p[k];
    if (m === undefined) continue;
    const id = /^nodes\.(.+)\.[A-Za-z0-9_]+$/.exec(m)?.[1];
    const [head, field] = m.split('.');
    if (id !== undefined && !nodeIds.has(id)) bad(`.${k}`, `no node "${id}" in this design`);
    else if (head === 'totals' && !TOTALS.includes(field!)) bad(`.${k}`, `unknown field "${field}" of totals; expected one of ${TOTALS.join(', ')}`);
    else if (head === 'endToEnd' && !END_TO_END.includes(field!)) bad(`.${k}`, `unknown field "${field}" of endToEnd; expected one of ${END_TO_END.join(', ')}`);
  }
  if (p.atMs !== undefined && p.atMs > durationMs) bad('.atMs', `${p.atMs} ms is after the run's end (${durationMs} ms)`);
  if ((p.choices === undefined) === (p.expect === undefined)) bad('', 'needs either "choices" (a choice) or "expect" with "unit" (a number), not both');
  if (p.expect && p.unit === undefined) bad('.unit', 'a number prediction needs its unit, e.g. "ms" or "%"');
  if (p.expect && p.expect.min > p.expect.max) bad('.expect', `min ${p.expect.min} is above max ${p.expect.max}`);
  if (p.choices) {
    if (p.choices.filter((c) => c.correct).length !== 1) bad('.choices', 'exactly one choice needs "correct": true');
    p.choices.forEach((c, j) => {
      const ranged = c.min !== undefined || c.max !== undefined;
      if (ranged === (c.value !== undefined)) bad(`.choices[${j}]`, 'needs a range ("min" and/or "max") or a "value", not both');
      else if (c.min !== undefined && c.max !== undefined && c.min >= c.max) bad(`.choices[${j}]`, `min ${c.min} is not below max ${c.max}`);
    });
    p.choices.forEach((c, j) =>
      p.choices!.slice(0, j).forEach((d, k) => {
        if (choiceOverlap(c, d)) bad(`.choices[${j}]`, `overlaps choice ${k} ("${d.text}"): a measured value must pick one answer`);
      }),
    );
  }
  return issues;
}

const lo = (c: PredictionChoice) => c.value ?? c.min ?? -Infinity;
const hi = (c: PredictionChoice) => c.max ?? Infinity;
function choiceOverlap(a: PredictionChoice, b: PredictionChoice): boolean {
  const inside = (v: number, c: PredictionChoice) => (c.value !== undefined ? v === c.value : v >= lo(c) && v < hi(c));
  if (a.value !== undefined) return inside(a.value, b);
  if (b.value !== undefined) return inside(b.value, a);
  return lo(a) < hi(b) && lo(b) < hi(a);
}
