/**
 * A workshop: an ordered list of lessons a class steps through, a small JSON file of its own.
 *
 *   {
 *     "workshop": 1,
 *     "title": "Backpressure in 90 minutes",
 *     "description": "...",
 *     "steps": [{ "lesson": "01-flash-sale-unbounded-queue", "note": "Ask first: what will the queue do?" }, ...]
 *   }
 *
 * `workshop` is the format's version; each step names a lesson by its file name in
 * scenarios/lessons without ".json", with an optional note for the teacher. Validated as a whole:
 * a file with any problem is refused, each problem naming its field.
 */
import { z } from './zod';
import { plainText } from './fields';
import type { Parsed, ScenarioIssue } from './validate';

export const WORKSHOP_VERSION = 1;
export const MIN_STEPS = 2;
export const MAX_STEPS = 20;

const lessonId = z
  .string({ error: 'expected a lesson id, the file name in scenarios/lessons without ".json", e.g. "05-429-retry-after-chain"' })
  .min(1, { error: 'must not be empty' })
  .max(80, { error: 'at most 80 characters' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'a lesson id has only letters, digits, _ and -, e.g. "05-429-retry-after-chain"' });

export const workshopStepSchema = z.strictObject({
  lesson: lessonId,
  /** For the teacher: what to ask, when to pause. Shown in the step bar. */
  note: plainText(500).optional(),
});

export const workshopSchema = z.strictObject({
  workshop: z.literal(WORKSHOP_VERSION, { error: `expected "workshop": ${WORKSHOP_VERSION} (the workshop format's version)` }),
  title: plainText(80).min(1, { error: 'must not be empty' }),
  description: plainText(1000).optional(),
  steps: z
    .array(workshopStepSchema, { error: 'expected a list of steps, each { "lesson": "<lesson id>" }' })
    .min(MIN_STEPS, { error: `a workshop needs at least ${MIN_STEPS} steps` })
    .max(MAX_STEPS, { error: `at most ${MAX_STEPS} steps` }),
});
export type Workshop = z.infer<typeof workshopSchema>;
export type WorkshopStep = z.infer<typeof workshopStepSchema>;

const describe = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v) : Array.isArray(v) ? 'a list' : v === null ? 'null' : typeof v === 'object' ? 'an object' : String(v));

/** Untrusted data to a workshop whose every step names one of `lessons`, or the problems, each with where. Never throws. */
export function parseWorkshop(data: unknown, lessons: ReadonlySet<string>): Parsed<Workshop> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, issues: [{ path: '(workshop)', message: `expected an object with "workshop", "title" and "steps"; got ${describe(data)}` }] };
  }
  const r = workshopSchema.safeParse(data, { reportInput: true });
  if (!r.success) {
    return {
      ok: false,
      issues: r.error.issues.slice(0, 20).map((iss): ScenarioIssue => {
        const path = iss.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || '(workshop)';
        if (iss.code === 'unrecognized_keys') return { path, message: `unknown field${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => `"${k}"`).join(', ')}` };
        const got = 'input' in iss ? iss.input : undefined;
        const m = iss.message;
        if (/got /.test(m)) return { path, message: m };
        if (got === undefined) return { path, message: `missing: ${m}` };
        return { path, message: `${m}; got ${Array.isArray(got) ? `${got.length} step${got.length === 1 ? '' : 's'}` : describe(got)}` };
      }),
    };
  }
  const issues: ScenarioIssue[] = [];
  r.data.steps.forEach((s, i) => {
    if (!lessons.has(s.lesson)) issues.push({ path: `steps[${i}].lesson`, message: `no lesson "${s.lesson}" in scenarios/lessons` });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: r.data };
}
