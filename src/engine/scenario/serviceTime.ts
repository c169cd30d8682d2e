/**
 * Service and processing times: the distributions every place that takes a serviceTime or a
 * processingTime accepts (components/distributions.ts draws from them). A module of its own, so
 * the node schemas that use it (schema.ts, streams.ts) do not import each other.
 */
import { z } from './zod';
import { fraction, nonNeg, positive } from './fields';

const constantTime = z.strictObject({ dist: z.literal('constant'), ms: nonNeg('milliseconds') });
const exponentialTime = z.strictObject({ dist: z.literal('exponential'), meanMs: positive('a mean in milliseconds') });
const lognormalTime = z.strictObject({
  dist: z.literal('lognormal'),
  meanMs: positive('a mean in milliseconds'),
  /** Standard deviation of ln(service time); 0.5 is a moderate tail, 1.5 a heavy one. */
  sigma: nonNeg('the shape sigma').max(4, { error: 'sigma above 4 gives absurd tails' }).default(0.5),
});
const uniformFields = { dist: z.literal('uniform'), minMs: nonNeg('milliseconds'), maxMs: nonNeg('milliseconds') };
const uniformOrdered = { error: 'maxMs must be ≥ minMs', path: ['maxMs'] };
const uniformTime = z.strictObject(uniformFields).refine((d) => d.maxMs >= d.minMs, uniformOrdered);
/** Pareto type I: P(S > x) = (scaleMs / x)^shape for x ≥ scaleMs; mean shape·scale/(shape-1). */
const paretoTime = z.strictObject({
  dist: z.literal('pareto'),
  scaleMs: positive('the smallest time in milliseconds'),
  shape: z
    .number({ error: 'expected the shape alpha, a number > 1' })
    .finite({ error: 'expected the shape alpha, a finite number' })
    .gt(1, { error: 'shape must be > 1: at shape ≤ 1 the mean would be infinite' })
    .max(100, { error: 'shape at most 100' }),
});
/** A latency profile pasted from a dashboard: [p, ms] points of the inverse CDF, joined by straight lines from (0, 0). */
const empiricalTime = z.strictObject({
  dist: z.literal('empirical'),
  quantiles: z
    .array(z.tuple([fraction('a probability p'), nonNeg('milliseconds')], { error: 'expected a point [p, ms]: p a fraction 0..1, ms ≥ 0' }), {
      error: 'expected a list of [p, ms] points',
    })
    .min(1, { error: 'needs at least one point, ending at [1, the largest ms]' })
    .max(64, { error: 'at most 64 points' })
    .superRefine((qs, ctx) => {
      for (let i = 1; i < qs.length; i++) {
        if (!(qs[i]![0] > qs[i - 1]![0])) ctx.addIssue({ code: 'custom', path: [i, 0], message: `p must increase: ${qs[i]![0]} after ${qs[i - 1]![0]}` });
        if (qs[i]![1] < qs[i - 1]![1]) ctx.addIssue({ code: 'custom', path: [i, 1], message: `ms must not decrease: ${qs[i]![1]} after ${qs[i - 1]![1]}` });
      }
      const last = qs[qs.length - 1];
      if (last && last[0] !== 1) ctx.addIssue({ code: 'custom', path: [qs.length - 1, 0], message: 'the last point must be at p = 1 (the largest time)' });
    }),
});

const BASE_DISTS = '"constant", "exponential", "lognormal", "uniform", "pareto", "empirical"';
const weight = { weight: nonNeg('a weight') };

/** One component of a mixture: any distribution but a mixture, with a weight. */
const mixtureComponent = z.discriminatedUnion(
  'dist',
  [
    constantTime.extend(weight),
    exponentialTime.extend(weight),
    lognormalTime.extend(weight),
    z.strictObject({ ...uniformFields, ...weight }).refine((d) => d.maxMs >= d.minMs, uniformOrdered),
    paretoTime.extend(weight),
    empiricalTime.extend(weight),
  ],
  {
    error: (iss) =>
      iss.code === 'invalid_union' && (iss.input as { dist?: unknown } | undefined)?.dist === 'mixture'
        ? 'mixtures cannot be nested: list the inner components in the outer mixture'
        : `expected dist to be one of ${BASE_DISTS}`,
  },
);
export type MixtureComponent = z.infer<typeof mixtureComponent>;

export const serviceTimeSchema = z.discriminatedUnion(
  'dist',
  [
    constantTime,
    exponentialTime,
    lognormalTime,
    uniformTime,
    paretoTime,
    empiricalTime,
    /** With probability weight_i / sum(weights), a time from component i (the bimodal "1% hit a slow disk"). */
    z.strictObject({
      dist: z.literal('mixture'),
      components: z
        .array(mixtureComponent, { error: 'expected a list of components' })
        .min(1, { error: 'needs at least one component' })
        .max(8, { error: 'at most 8 components' })
        .refine((cs) => cs.reduce((s, c) => s + c.weight, 0) > 0, { error: 'the weights must sum to more than 0' }),
    }),
  ],
  { error: `expected dist to be one of ${BASE_DISTS}, "mixture"` },
);
export type ServiceTime = z.infer<typeof serviceTimeSchema>;
