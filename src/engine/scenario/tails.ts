/**
 * Schemas of the parts that show where tails come from: scatter-gather fan-out ("The Tail at
 * Scale", Dean and Barroso, CACM 2013) and optimistic concurrency on one contended row (the AWS
 * Architecture Blog's "Exponential Backoff and Jitter" study).
 */
import { z } from './zod';
import { id, label, nonNeg, position, wholeAtLeast } from './fields';
import { callerFields, oneCallPolicy } from './resilience';

const common = { id, label: label.optional(), position: position.optional() };

export const fanOutSchema = z
  .strictObject({
    ...common,
    type: z.literal('fan-out'),
    /** Parallel calls per request, spread round-robin over its outgoing edges. */
    calls: wholeAtLeast(1, 'calls').max(1000, { error: 'at most 1,000 calls per request' }).default(10),
    /** Answer once this many calls came back: "all", or a number k (the first k). */
    waitFor: z
      .union([z.literal('all'), wholeAtLeast(1, 'answers')], { error: 'expected "all" or a whole number of answers ≥ 1' })
      .default('all'),
    /** How each of its calls is made: timeouts, retries, budgets, hedging (as a client's). */
    ...callerFields,
  })
  .refine((c) => c.waitFor === 'all' || c.waitFor <= c.calls, { error: 'waitFor cannot be more than calls', path: ['waitFor'] })
  .refine(...oneCallPolicy);
export type FanOutConfig = z.infer<typeof fanOutSchema>;

export const sharedRowSchema = z.strictObject({
  ...common,
  type: z.literal('shared-row'),
  /** Each hop (read the version, write with it, the answer back) takes this long. */
  hopMs: nonNeg('milliseconds').default(5),
});
export type SharedRowConfig = z.infer<typeof sharedRowSchema>;
