/**
 * A lock: which parameters a learner may change in a lesson or a shared design. Everything it does
 * not list is read-only in the app; the engine and the CLI ignore it (it changes no run).
 *
 *   "lock": {
 *     "editable": ["client.retryBudget", "breaker.failureRateThreshold"],
 *     "structure": false,
 *     "reason": "Only the retry budget and the breaker threshold: the point is what they do."
 *   }
 *
 * An entry of `editable` is "<node id>" (every field of that node) or "<node id>.<field>" with
 * deeper fields after more dots ("client.retryBudget.maxTokens"); an entry covers the field named
 * and everything inside it. Node ids may hold dots: the longest id that matches wins.
 * `structure` (default false) lets learners add and delete parts, draw and remove wires, change a
 * wire's kind or flow control, and add or remove scripted events and alert rules. The seed stays
 * free: it picks the random draws, not the design.
 */
import { z } from './zod';
import { plainText } from './fields';

export const MAX_LOCK_ENTRIES = 100;

const entry = z
  .string({ error: 'expected "<node id>" or "<node id>.<field>", e.g. "client.retryBudget"' })
  .min(1, { error: 'must not be empty' })
  .max(200, { error: 'at most 200 characters' })
  .regex(/^[A-Za-z0-9_.:-]+$/, { error: 'expected "<node id>" or "<node id>.<field>": letters, digits and _ . : - only' });

export const lockSchema = z.strictObject({
  /** What learners may change; everything else is read-only. Empty: nothing. */
  editable: z.array(entry, { error: 'expected a list of "<node id>.<field>" entries' }).max(MAX_LOCK_ENTRIES, { error: `at most ${MAX_LOCK_ENTRIES} entries` }).default([]),
  /** May learners add and delete parts and wires (and scripted events and alert rules)? */
  structure: z.boolean({ error: 'expected true or false' }).default(false),
  /** Shown beside every locked field, after "locked by this lesson" / "locked by this design". */
  reason: plainText(300).optional(),
});
export type Lock = z.infer<typeof lockSchema>;
export type LockInput = z.input<typeof lockSchema>;
