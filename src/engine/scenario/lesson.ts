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
 * `unit`, or one of 2-5 `choices`, each a `value` or a range (`min` inclusive, `max` exclusive) of
 * the metric, so the measured value picks the answer (the first choice that holds it). Each is answered by a report field (the
 * check clauses' paths, with `per`) at `atMs` (default: the run's end; the app pauses there), and
 * says in `explain` why the number is what it is. `expect` (a number's range) and `correct` (the
 * choice) are what the explanation claims: the lesson tests run each lesson and hold them true.
 * With `unit` "%" the metric (a share) is shown, entered and ranged as a percentage.
 */
import { CHART_WINDOWS_S } from './constants';
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

const num = z.number().optional();
const choiceSchema = z.strictObject({
  text: text(60),
  /** The measured value equals `value`, or is in [min, max) (either end may be left open); the first that holds is the answer. */
  min: num,
  max: num,
  value: num,
  /** The answer the explanation gives (one choice has it; the lesson tests hold it true). */
  correct: z.literal(true).optional(),
});
export type PredictionChoice = z.infer<typeof choiceSchema>;

export const predictionSchema = z.strictObject({
  question: text(160),
  metric: metricPath,
  per: metricPath.optional(),
  /** Simulated ms the answer is read at (default: the run's end). */
  atMs: z.int().positive().optional(),
  unit: text(12).optional(),
  /** A number prediction: the range the explanation states the measured value is in. */
  expect: z.strictObject({ min: z.number(), max: z.number() }).optional(),
  choices: z.array(choiceSchema).min(2).max(5).optional(),
  /** One sentence: why it comes out as it does. */
  explain: text(300),
});
export type Prediction = z.infer<typeof predictionSchema>;

export const LESSON_LEVELS = ['intro', 'intermediate', 'advanced'] as const;
export type LessonLevel = (typeof LESSON_LEVELS)[number];

export { CHART_WINDOWS_S } from './constants';
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
  predictions: z.array(predictionSchema).min(1).max(3).optional(),
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
const FIELDS: Record<string, string> = {
  totals: 'produced completed refused dropped expired failed timedOut inSystem goodput',
  endToEnd: 'completed meanLatencyMs p50LatencyMs p90LatencyMs p99LatencyMs p999LatencyMs maxLatencyMs',
};

/**
 * Check clauses, predictions and try-this changes that name nodes the scenario does not have (or a
 * report field there is none of); predictions at a moment after the run, or of no kind.
 */
export function checkLesson(lesson: Lesson, nodeIds: ReadonlySet<string>, durationMs = Infinity): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const bad = (path: string, message: string) => issues.push({ path, message });

  const clauses = (list: readonly Pick<CheckClause, 'metric' | 'per'>[] | undefined, at: string) =>
    list?.forEach((c, i) => {
      for (const k of ['metric', 'per'] as const) {
        const [head = '', ...rest] = c[k]?.split('.') ?? [];
        const id = rest.slice(0, -1).join('.');
        if (head === 'nodes' && !nodeIds.has(id)) bad(`${at}[${i}].${k}`, `no node with id "${id}"`);
        else if (FIELDS[head] && !FIELDS[head].split(' ').includes(rest[0]!)) bad(`${at}[${i}].${k}`, `no field "${rest[0]}" in the report's ${head}`);
      }
    });
  clauses(lesson.check, 'lesson.check');
  clauses(lesson.tryThis.check, 'lesson.tryThis.check');
  clauses(lesson.predictions, 'lesson.predictions');
  lesson.tryThis.changes.forEach((c, i) => {
    if (!nodeIds.has(c.node)) bad(`lesson.tryThis.changes[${i}].node`, `no node with id "${c.node}"`);
  });
  lesson.predictions?.forEach((p, i) => {
    if (p.atMs! > durationMs) bad(`lesson.predictions[${i}].atMs`, `after the run's end (${durationMs} ms)`);
    if (!p.choices === !p.expect || (p.expect && !p.unit)) bad(`lesson.predictions[${i}]`, 'needs "choices", or "expect" and "unit"');
  });
  return issues;
}
