/**
 * A sweep's settings, the part of a design a scenario file and a share link carry (never its
 * results): which parameters to vary over which range, how many seeds per point, how long each
 * point runs.
 */
import { z } from '../scenario/zod';
import { id } from '../scenario/fields';

export const MAX_SWEEP_STEPS = 50;
export const MAX_SWEEP_SEEDS = 20;
/** Runs in one sweep at most (points x seeds). */
export const MAX_SWEEP_RUNS = 2500;

export const sweepVarySchema = z.strictObject({
  /** The node's id. */
  node: id,
  /** Its numeric parameter, dotted as in the file: "rate", "serviceTime.meanMs". */
  field: z.string({ error: 'expected a field name' }).min(1).max(64).regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/, { error: 'expected a field name like "rate" or "serviceTime.meanMs"' }),
  from: z.number({ error: 'expected a number' }).finite(),
  to: z.number({ error: 'expected a number' }).finite(),
  steps: z
    .number({ error: `expected a whole number of steps, 2 to ${MAX_SWEEP_STEPS}` })
    .int({ error: 'must be a whole number of steps' })
    .min(2, { error: 'at least 2 steps' })
    .max(MAX_SWEEP_STEPS, { error: `at most ${MAX_SWEEP_STEPS} steps` }),
  /** Steps evenly spaced on a log scale (from and to must be > 0). */
  log: z.boolean({ error: 'expected true or false' }).default(false),
});
export type SweepVary = z.infer<typeof sweepVarySchema>;

export const sweepSettingsSchema = z.strictObject({
  /** One parameter (a curve) or two (a grid, drawn as a heat map). */
  vary: z.array(sweepVarySchema).min(1, { error: 'vary at least one parameter' }).max(2, { error: 'at most two parameters' }),
  seeds: z
    .number({ error: `expected a whole number of seeds, 1 to ${MAX_SWEEP_SEEDS}` })
    .int({ error: 'must be a whole number of seeds' })
    .min(1, { error: 'at least 1 seed' })
    .max(MAX_SWEEP_SEEDS, { error: `at most ${MAX_SWEEP_SEEDS} seeds` })
    .default(3),
  /** Simulated milliseconds per point (default: the scenario's duration). */
  durationMs: z.number({ error: 'expected milliseconds' }).finite().gt(0, { error: 'must be > 0' }).max(24 * 3600 * 1000, { error: 'at most one day per point' }).optional(),
});
export type SweepSettings = z.infer<typeof sweepSettingsSchema>;
export type SweepSettingsInput = z.input<typeof sweepSettingsSchema>;
