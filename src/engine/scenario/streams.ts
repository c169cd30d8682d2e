/**
 * Schemas of the log and its readers: a Kafka-like topic and a consumer group. Names and defaults
 * follow Apache Kafka's (shared/reference/SEMANTICS.md "Kafka consumer", ConsumerConfig.java):
 * max.poll.records 500, max.poll.interval.ms 300000, enable.auto.commit true every 5000 ms,
 * auto.offset.reset "latest", retention.ms 7 days.
 */
import { z } from './zod';
import { fraction, id, label, nonNeg, position, positive, wholeAtLeast, wholeNonNeg } from './fields';
// A cycle (schema.ts imports this file): serviceTimeSchema is read lazily, after both have loaded.
import { serviceTimeSchema } from './serviceTime';

const common = { id, label: label.optional(), position: position.optional() };

export const MAX_PARTITIONS = 256;
export const MAX_CONSUMERS = 1000;
export const DEFAULT_RETENTION_MS = 7 * 24 * 3600 * 1000;

export const topicSchema = z.strictObject({
  ...common,
  type: z.literal('topic'),
  /** Partitions: independent ordered logs; a group reads each with at most one consumer. Can grow during a run, never shrink (as in Kafka). */
  partitions: wholeAtLeast(1, 'partitions').max(MAX_PARTITIONS, { error: `at most ${MAX_PARTITIONS} partitions` }).default(3),
  /** "key": the partition is hash(key) mod partitions (the default partitioner with keys); "round-robin": each partition in turn. */
  partitioning: z.enum(['key', 'round-robin'], { error: 'expected "key" or "round-robin"' }).default('key'),
  /** With "key": how many distinct keys the records carry (drawn uniformly from a seeded stream). */
  keys: wholeAtLeast(1, 'keys').max(1_000_000_000, { error: 'at most 1,000,000,000 keys' }).default(1000),
  /** With "key": the share of records that carry one hot key (a hot partition). */
  hotKeyShare: fraction('a share of records').default(0),
  /** retention.ms: records older than this are deleted, read or not (a lagging group loses them). */
  retentionMs: positive('milliseconds').default(DEFAULT_RETENTION_MS),
});
export type TopicConfig = z.infer<typeof topicSchema>;

export const REBALANCE_PROTOCOLS = ['eager', 'cooperative'] as const;

export const consumerGroupSchema = z.strictObject({
  ...common,
  type: z.literal('consumer-group'),
  /** Consumers in the group. At most one per partition gets work; the rest sit idle. */
  consumers: wholeNonNeg('consumers').max(MAX_CONSUMERS, { error: `at most ${MAX_CONSUMERS} consumers` }).default(1),
  /** Time a consumer spends on one record (a consumer handles its batch one record at a time). */
  processingTime: z.lazy(() => serviceTimeSchema).default({ dist: 'exponential', meanMs: 10 }),
  /** max.poll.records: records one poll returns at most. */
  maxPollRecords: wholeAtLeast(1, 'records').max(100_000, { error: 'at most 100,000 records' }).default(500),
  /** max.poll.interval.ms: a consumer that does not poll again within this long leaves the group (a rebalance). */
  maxPollIntervalMs: positive('milliseconds').default(300_000),
  /** "eager": every consumer gives up all partitions and waits (stop the world); "cooperative": only moved partitions pause. */
  rebalance: z.enum(REBALANCE_PROTOCOLS, { error: 'expected "eager" or "cooperative"' }).default('eager'),
  /** How long the join and sync round of a rebalance takes once every member has come back to poll. */
  rebalanceMs: nonNeg('milliseconds').default(3000),
  /** enable.auto.commit: commit the positions at a poll every autoCommitIntervalMs; false: commit after each processed batch. */
  enableAutoCommit: z.boolean({ error: 'expected true or false' }).default(true),
  autoCommitIntervalMs: positive('milliseconds').default(5000),
  /** auto.offset.reset, when a consumer's offset was deleted by retention: "latest" jumps to the end (skipping the rest), "earliest" to the oldest record left. */
  autoOffsetReset: z.enum(['latest', 'earliest'], { error: 'expected "latest" or "earliest"' }).default('latest'),
  /** Share of processing attempts that fail (transient errors: a retry may succeed). */
  errorRate: fraction('a fraction').default(0),
  /** Share of records that fail every attempt (poison pills). */
  poisonRate: fraction('a fraction').default(0),
  /** Retries of a failing record before it goes to the dead-letter route (or fails); Spring Kafka's DefaultErrorHandler retries 9 times. */
  maxRetries: wholeNonNeg('retries').max(100, { error: 'at most 100 retries' }).default(9),
  /** Idempotent processing: a redelivered record is recognised and skipped (counted apart) instead of done twice. */
  idempotent: z.boolean({ error: 'expected true or false' }).default(false),
});
export type ConsumerGroupConfig = z.infer<typeof consumerGroupSchema>;
