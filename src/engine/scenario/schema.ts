/**
 * The scenario: plain JSON, the same data the CLI reads, the canvas edits and share links carry.
 * Time is in milliseconds, rates are per second. Every field a person can get wrong is checked
 * here, with messages in the words of the tool rather than of the schema library.
 */
import { NODE_TYPES, SCENARIO_VERSION } from './constants';
import { z } from './zod';
import { label, plainText, positive } from './fields';
import { eventsSchema } from './events';
import { alertsSchema } from './scaling';
import { lessonSchema } from './lesson';
import { lockSchema } from './lock';
import { flowSchema } from './flow';
import { sweepSettingsSchema } from '../sweep/settings';
import { PARTS } from '../parts/index';

export { SCENARIO_VERSION, NODE_TYPES, PRIORITY_CLASSES, type NodeType, type PriorityClass } from './constants';
export { serviceTimeSchema, type MixtureComponent, type ServiceTime } from './serviceTime';
export {
  producerSchema,
  queueSchema,
  serviceSchema,
  OVERFLOW_POLICIES,
  DISCIPLINES,
  type ProfilePhase,
  type ProducerConfig,
  type QueueConfig,
  type ServiceConfig,
} from './basics';

// The union's members, in the parts list's order, as a tuple of their exact schema types.
type SchemasOf<Parts extends readonly { schema: unknown }[]> = { -readonly [K in keyof Parts]: Parts[K]['schema'] };
type PartSchemas = SchemasOf<typeof PARTS>;

export const nodeSchema = z.discriminatedUnion(
  'type',
  PARTS.map((p) => p.schema) as unknown as PartSchemas,
  {
  error: (iss) =>
    iss.code === 'invalid_union' && iss.note === 'No matching discriminator'
      ? `unknown node type; expected one of ${NODE_TYPES.map((t) => `"${t}"`).join(', ')}`
      : undefined,
  },
);
export type NodeConfig = z.infer<typeof nodeSchema>;
export type NodeInput = z.input<typeof nodeSchema>;

export const EDGE_KINDS = ['send', 'call', 'fallback', 'scales', 'dead-letter'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export const edgeSchema = z.strictObject({
  from: z.string({ error: 'expected the id of the sending node' }),
  to: z.string({ error: 'expected the id of the receiving node' }),
  /**
   * "send" (default): hand the item on. "call" (from a service): each worker calls the target
   * and waits for the answer, holding its slot. "fallback" (from a circuit breaker): where items
   * go while calls are not permitted. "scales" (from an autoscaler): the service it adds and removes
   * replicas of; no items flow along it. "dead-letter" (from a consumer group to a topic): where
   * records go that failed every retry.
   */
  kind: z.enum(EDGE_KINDS, { error: `expected one of ${EDGE_KINDS.map((k) => `"${k}"`).join(', ')}` }).optional(),
  /** Credit-based flow control on a "send" edge (HTTP/2, TCP, Reactive Streams, Node streams): see scenario/flow.ts. */
  flow: flowSchema.optional(),
});
export type EdgeConfig = z.infer<typeof edgeSchema>;

export const MAX_NODES = 1000;
export const MAX_EDGES = 4000;

export const scenarioSchema = z.strictObject({
  version: z.literal(SCENARIO_VERSION, { error: `expected version ${SCENARIO_VERSION}` }),
  name: label.default('Untitled'),
  description: plainText(2000).optional(),
  seed: z
    .number({ error: 'expected a whole number seed' })
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'must be ≥ 0' })
    .max(Number.MAX_SAFE_INTEGER)
    .default(1),
  durationMs: positive('a duration in milliseconds').max(365 * 24 * 3600 * 1000, { error: 'at most one year' }).default(60000),
  nodes: z.array(nodeSchema).max(MAX_NODES, { error: `at most ${MAX_NODES} nodes` }),
  edges: z.array(edgeSchema).max(MAX_EDGES, { error: `at most ${MAX_EDGES} edges` }).default([]),
  /** The scripted timeline: timed parameter changes, failures and recoveries (scenario/events.ts). */
  events: eventsSchema.optional(),
  /** Makes the scenario a lesson: its text and the check of its point (scenario/lesson.ts). */
  lesson: lessonSchema.optional(),
  /** Alert rules, evaluated every second of simulated time; firing and resolving go on the timeline (scenario/scaling.ts). */
  alerts: alertsSchema.optional(),
  /** Sweep settings (sweep/settings.ts): what the Sweep panel and `sim sweep` vary; never results. */
  sweep: sweepSettingsSchema.optional(),
  /** What learners may change in the app (scenario/lock.ts); the engine and the CLI ignore it. */
  lock: lockSchema.optional(),
});
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
