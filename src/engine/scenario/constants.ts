/**
 * The scenario format's names and numbers that code outside validation needs (the page before the
 * schema loads, the paint worker): plain constants, no schema library. schema.ts, lesson.ts,
 * validate.ts and jsonSchema.ts build on them and export them on.
 */

/** The version a scenario file written today carries. */
export const SCENARIO_VERSION = 1;

export const NODE_TYPES = [
  'producer',
  'queue',
  'service',
  'client',
  'rate-limiter',
  'circuit-breaker',
  'bulkhead',
  'load-balancer',
  'load-shedder',
  'concurrency-limiter',
  'autoscaler',
  'connection-pool',
  'topic',
  'consumer-group',
  'fan-out',
  'shared-row',
  'link',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** An item's priority class, most urgent first. */
export const PRIORITY_CLASSES = ['critical', 'high', 'normal', 'low', 'batch'] as const;
export type PriorityClass = (typeof PRIORITY_CLASSES)[number];

/**
 * A file may name the JSON Schema it follows (public/scenario.schema.json) so editors check it as
 * it is typed; the key says nothing about the scenario, so it is dropped before validation.
 */
export const SCHEMA_KEY = '$schema';

/** The JSON Schema's file name in public/ and its path below the app's base. */
export const SCHEMA_FILE_NAME = 'scenario.schema.json';

/** Chart windows a lesson may ask for, seconds (the charts panel offers the same). */
export const CHART_WINDOWS_S = [10, 30, 60, 90, 120, 180, 300, 600] as const;
