/**
 * Schemas of the parts that stand for the network between nodes: a link with latency, like
 * Linux's `tc qdisc add dev eth0 root netem delay 50ms 10ms limit 1000`.
 */
import { z } from './zod';
import { id, label, nonNeg, position, wholeAtLeast } from './fields';

const common = { id, label: label.optional(), position: position.optional() };

export const linkSchema = z
  .strictObject({
    ...common,
    type: z.literal('link'),
    /** One-way delay of every item (netem `delay`). */
    delayMs: nonNeg('milliseconds').default(50),
    /** Each item's delay is uniform in [delayMs - jitterMs, delayMs + jitterMs] (netem's jitter); items can overtake. */
    jitterMs: nonNeg('milliseconds').default(0),
    /** Items held at once, travelling or waiting at the far end (netem `limit`, default 1000); more are refused. */
    limit: wholeAtLeast(1, 'items').default(1000),
  })
  .refine((c) => c.jitterMs <= c.delayMs, { error: 'jitterMs cannot be more than delayMs (a delay is never negative)', path: ['jitterMs'] });
export type LinkConfig = z.infer<typeof linkSchema>;
