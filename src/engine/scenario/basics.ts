/**
 * The parts every pipeline is made of: the producer that makes items, the queue that holds them
 * and the service that works on them.
 */
import { PRIORITY_CLASSES } from './constants';
import { z } from './zod';
import { id, label, nonNeg, position, positive, wholeNonNeg } from './fields';
import { callerSchema } from './resilience';
import { livenessSchema, readinessSchema } from './scaling';
import { serviceTimeSchema } from './serviceTime';
import { intakeSchema, memoryFields } from './flow';

const common = { id, label: label.optional(), position: position.optional() };


const profilePhase = z.strictObject({
  /** From this simulated time on... */
  atMs: nonNeg('a time in milliseconds'),
  /** ...the rate moves to this many items/s... */
  rate: nonNeg('a rate in items/s'),
  /** ...linearly over this long (0 = a step). */
  rampMs: nonNeg('a duration in milliseconds').default(0),
});
export type ProfilePhase = z.infer<typeof profilePhase>;

const priorityMix = z
  .partialRecord(z.enum(PRIORITY_CLASSES, { error: `expected a class: ${PRIORITY_CLASSES.join(', ')}` }), nonNeg('a weight'))
  .refine((m) => Object.values(m).some((w) => (w ?? 0) > 0), { error: 'at least one class needs a weight > 0' });

export const producerSchema = z.strictObject({
  ...common,
  type: z.literal('producer'),
  /** Mean arrival rate, items per second (the average over on and off periods when bursty). */
  rate: nonNeg('a rate in items/s').max(1e7, { error: 'at most 10,000,000 items/s' }),
  arrival: z.enum(['poisson', 'constant', 'bursty'], { error: 'expected "poisson", "constant" or "bursty"' }).default('poisson'),
  /** Bursty arrivals: Poisson during `onMs`, silence during `offMs`, repeating from t = 0. */
  burst: z.strictObject({ onMs: positive('milliseconds'), offMs: nonNeg('milliseconds') }).optional(),
  /** Rate changes over time: steps, ramps, spikes. Phases in order of atMs. */
  profile: z
    .array(profilePhase)
    .max(100, { error: 'at most 100 phases' })
    .refine((ps) => ps.every((p, i) => i === 0 || p.atMs >= ps[i - 1]!.atMs), { error: 'phases must be in order of atMs' })
    .optional(),
  /** Share of each priority class; default all "normal". */
  priorities: priorityMix.optional(),
  /** Size of each item in bytes. */
  sizeBytes: wholeNonNeg('a size in bytes').default(1024),
  /** Closed loop: this many users, each sending one request and waiting for its outcome (rate is then ignored). */
  users: z.number({ error: 'expected a whole number of users ≥ 1' }).int().min(1, { error: 'at least 1 user' }).max(100_000).optional(),
  /** Closed loop: mean think time between a user's answer and its next request (exponential); 0 = a load generator that sends the next at once. */
  thinkTimeMs: nonNeg('milliseconds').optional(),
  /** Every item must be answered within this long after creation (an absolute deadline that travels with it). */
  deadlineMs: positive('milliseconds').optional(),
});
export type ProducerConfig = z.infer<typeof producerSchema>;

export const OVERFLOW_POLICIES = ['drop-newest', 'drop-oldest', 'block', 'block-timeout'] as const;
export const DISCIPLINES = ['fifo', 'lifo', 'priority'] as const;

export const queueSchema = z
  .strictObject({
    ...common,
    type: z.literal('queue'),
    /** Items that may wait; null = unbounded; 0 = no waiting room (a hand-off, like SynchronousQueue). */
    capacity: z.union([wholeNonNeg('a capacity in items'), z.null()], {
      error: 'expected a capacity: a whole number of items ≥ 0, or null for unbounded',
    }),
    overflow: z.enum(OVERFLOW_POLICIES, { error: `expected one of ${OVERFLOW_POLICIES.map((p) => `"${p}"`).join(', ')}` }).default('drop-newest'),
    /** With overflow "block-timeout": how long a sender may wait before it is refused. */
    blockTimeoutMs: nonNeg('milliseconds').default(1000),
    discipline: z.enum(DISCIPLINES, { error: 'expected "fifo", "lifo" or "priority"' }).default('fifo'),
    /** Priority discipline: an item gains one class of priority per agingMs it waits (0 = never). */
    agingMs: nonNeg('milliseconds').default(0),
    /** Items older than this expire instead of being served (stale work). */
    maxAgeMs: positive('milliseconds').optional(),
    /** Active queue management: CoDel (RFC 8289) or Facebook's adaptive LIFO. Not with discipline "priority". */
    aqm: z.enum(['none', 'codel', 'adaptive-lifo'], { error: 'expected "none", "codel" or "adaptive-lifo"' }).optional(),
    /** CoDel target / adaptive LIFO's M: acceptable standing queue delay (default 5 ms). */
    aqmTargetMs: positive('milliseconds').optional(),
    /** CoDel interval / adaptive LIFO's N (default 100 ms). */
    aqmIntervalMs: positive('milliseconds').optional(),
    ...memoryFields,
  });
export type QueueConfig = z.infer<typeof queueSchema>;

export const serviceSchema = z.strictObject({
  ...common,
  type: z.literal('service'),
  /** Workers: items served at once. */
  concurrency: z
    .number({ error: 'expected a whole number of workers ≥ 1' })
    .int({ error: 'must be a whole number of workers' })
    .min(1, { error: 'needs at least 1 worker' })
    .max(10000, { error: 'at most 10,000 workers' })
    .default(1),
  serviceTime: serviceTimeSchema,
  /** Fraction of items that fail when served (0..1). */
  errorRate: nonNeg('a fraction').max(1, { error: 'must be a fraction between 0 and 1' }).default(0),
  /** Drop work whose deadline has passed instead of serving it (default true; false = the stale-work bug). */
  honorDeadlines: z.boolean({ error: 'expected true or false' }).optional(),
  /** How this service's workers call the targets of its "call" edges: timeouts, retries, budgets. */
  call: callerSchema.optional(),
  /** Kubernetes-style readiness: not ready (a load balancer routes around it) while its backlog would take longer than maxBacklogMs to drain. */
  readiness: readinessSchema.optional(),
  /** Kubernetes-style liveness: restarts the replica after failed probes, losing its work in flight. */
  liveness: livenessSchema.optional(),
  ...memoryFields,
  /** How it takes work from its input: absent = one item per free worker; "pull" (workers x batch in flight) or "push" (unbounded intake). */
  intake: intakeSchema.optional(),
});
export type ServiceConfig = z.infer<typeof serviceSchema>;
