/**
 * Schemas of the parts that say "not now" and the callers that hear it. Names and defaults follow
 * the libraries engineers know (shared/reference/SEMANTICS.md): Resilience4j's circuit breaker and
 * bulkhead, gRPC's and Finagle's retry budgets, AWS's backoff and jitter, Google SRE's client-side
 * adaptive throttling, Envoy's token bucket, Netflix's concurrency limits.
 */
import { z } from './zod';
import { fraction, id, label, nonNeg, position, positive, wholeAtLeast } from './fields';

const common = { id, label: label.optional(), position: position.optional() };

export const JITTERS = ['none', 'full', 'equal', 'decorrelated'] as const;

/** AWS "Exponential Backoff and Jitter": expo(n) = min(cap, base * multiplier^n). */
export const backoffSchema = z.strictObject({
  baseMs: positive('milliseconds').default(100),
  capMs: positive('milliseconds').default(10_000),
  multiplier: z.number({ error: 'expected a number ≥ 1' }).min(1, { error: 'must be ≥ 1' }).max(10, { error: 'at most 10' }).default(2),
  jitter: z.enum(JITTERS, { error: 'expected "none", "full", "equal" or "decorrelated"' }).default('full'),
});
export type Backoff = z.infer<typeof backoffSchema>;

export const retryBudgetSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('none') }),
    /** gRPC retry throttling: tokens start full; failure -1, success +tokenRatio; retry only above half. */
    z.strictObject({
      kind: z.literal('token-bucket'),
      maxTokens: positive('tokens').max(1000).default(10),
      tokenRatio: positive('tokens per success').max(1).default(0.1),
    }),
    /** Finagle RetryBudget: retries at most percentCanRetry of requests over ttl, plus a floor. */
    z.strictObject({
      kind: z.literal('percent'),
      percentCanRetry: fraction('a fraction of requests').default(0.2),
      minRetriesPerSec: nonNeg('retries per second').default(10),
      ttlMs: positive('milliseconds').default(10_000),
    }),
    /** Brooker's retry token bucket: every first attempt deposits a fraction of a token, every retry takes costPerRetry; starts full. */
    z.strictObject({
      kind: z.literal('deposit'),
      depositPerRequest: positive('tokens per request').max(1000).default(0.1),
      maxTokens: positive('tokens').max(100_000).default(5),
      costPerRetry: positive('tokens per retry').max(1000).default(1),
    }),
    /** The AWS SDKs' standard retry mode quota: 500 to start, a retry costs 5 (10 after a timeout), a success gives back what its retry took or 1. */
    z.strictObject({
      kind: z.literal('aws-standard'),
      quota: positive('tokens').max(1_000_000).default(500),
      retryCost: positive('tokens').default(5),
      timeoutCost: positive('tokens').default(10),
      successRefund: nonNeg('tokens').default(1),
    }),
    /** A breaker on retries only: no retries while the recent attempts' failure rate is at or above the threshold; first attempts still go. */
    z.strictObject({
      kind: z.literal('circuit-breaker'),
      failureRateThreshold: positive('a percentage').max(100, { error: 'at most 100%' }).default(10),
      windowSize: wholeAtLeast(1, 'attempts').max(10_000).default(100),
      minimumNumberOfCalls: wholeAtLeast(1, 'attempts').default(20),
    }),
  ],
  { error: 'expected kind "none", "token-bucket", "percent", "deposit", "aws-standard" or "circuit-breaker"' },
);
export type RetryBudget = z.infer<typeof retryBudgetSchema>;

/** How a caller (a client, or a service making calls) treats each call. */
export const callerFields = {
  /** Per-attempt timeout: the caller stops waiting after this long (the callee may still work on it). */
  timeoutMs: positive('milliseconds').optional(),
  /** Attempts in all, the first included (gRPC: maxAttempts; SRE: at most 3). */
  maxAttempts: wholeAtLeast(1, 'attempts').max(10, { error: 'at most 10 attempts' }).default(1),
  backoff: backoffSchema.default({ baseMs: 100, capMs: 10_000, multiplier: 2, jitter: 'full' }),
  /** Wait at least the Retry-After a 429 carries before retrying. */
  respectRetryAfter: z.boolean({ error: 'expected true or false' }).default(true),
  retryBudget: retryBudgetSchema.default({ kind: 'none' }),
  /**
   * gRPC hedging policy (gRFC A6): the first attempt at once, another after each hedgingDelayMs
   * without an answer, up to maxAttempts in all; the first answer wins, the others are cancelled.
   * Not with retries (maxAttempts > 1), as in gRPC a method has one policy or the other.
   */
  hedgingPolicy: z
    .strictObject({
      maxAttempts: wholeAtLeast(2, 'attempts').max(5, { error: 'at most 5 attempts (gRPC clamps hedging to 5)' }).default(2),
      hedgingDelayMs: nonNeg('milliseconds').default(10),
    })
    .optional(),
  /** Google SRE client-side adaptive throttling: reject locally with p = max(0, (requests - K*accepts) / (requests + 1)). */
  adaptiveThrottle: z
    .strictObject({
      k: z.number({ error: 'expected K, a number ≥ 1' }).min(1, { error: 'K must be ≥ 1' }).max(10).default(2),
      windowMs: positive('milliseconds').default(120_000),
    })
    .optional(),
};
/** gRPC: a method has a retryPolicy or a hedgingPolicy, never both. */
export const oneCallPolicy: [(c: { maxAttempts: number; hedgingPolicy?: unknown }) => boolean, { error: string; path: string[] }] = [
  (c) => !(c.hedgingPolicy && c.maxAttempts > 1),
  { error: 'hedging and retries exclude each other (as in gRPC): set attempts to 1 or remove the hedging policy', path: ['hedgingPolicy'] },
];

export const callerSchema = z.strictObject(callerFields).refine(...oneCallPolicy);
export type CallerConfig = z.infer<typeof callerSchema>;

export const clientSchema = z.strictObject({
  ...common,
  type: z.literal('client'),
  ...callerFields,
  /** An absolute deadline this long after the request was created; it travels with every call. */
  deadlineMs: positive('milliseconds').optional(),
  /** Requests this client keeps outstanding at most; more are refused locally (Fail at Scale). */
  maxOutstanding: wholeAtLeast(1, 'requests').optional(),
}).refine(...oneCallPolicy);
export type ClientConfig = z.infer<typeof clientSchema>;

export const rateLimiterSchema = z.strictObject({
  ...common,
  type: z.literal('rate-limiter'),
  /** Tokens added per second (Envoy: tokens_per_fill / fill_interval). */
  rate: positive('a rate in requests/s'),
  /** Bucket size = the largest burst admitted at once = the initial level (Envoy: max_tokens). */
  burst: wholeAtLeast(1, 'tokens').default(10),
});
export type RateLimiterConfig = z.infer<typeof rateLimiterSchema>;

export const circuitBreakerSchema = z.strictObject({
  ...common,
  type: z.literal('circuit-breaker'),
  slidingWindowType: z.enum(['COUNT_BASED', 'TIME_BASED'], { error: 'expected "COUNT_BASED" or "TIME_BASED"' }).default('COUNT_BASED'),
  /** Calls (COUNT_BASED) or seconds (TIME_BASED) in the window. */
  slidingWindowSize: wholeAtLeast(1, 'calls or seconds').max(10_000).default(100),
  minimumNumberOfCalls: wholeAtLeast(1, 'calls').default(100),
  /** Percent of failed calls that opens the breaker. */
  failureRateThreshold: positive('a percentage').max(100, { error: 'at most 100%' }).default(50),
  /** Percent of slow calls that opens the breaker. */
  slowCallRateThreshold: positive('a percentage').max(100, { error: 'at most 100%' }).default(100),
  /** A call slower than this (strictly) is slow. */
  slowCallDurationThresholdMs: positive('milliseconds').default(60_000),
  waitDurationInOpenStateMs: positive('milliseconds').default(60_000),
  permittedNumberOfCallsInHalfOpenState: wholeAtLeast(1, 'calls').default(10),
  /** Move OPEN → HALF_OPEN by timer rather than on the next call. */
  automaticTransitionFromOpenToHalfOpenEnabled: z.boolean().default(false),
});
export type CircuitBreakerConfig = z.infer<typeof circuitBreakerSchema>;

export const bulkheadSchema = z.strictObject({
  ...common,
  type: z.literal('bulkhead'),
  /** Calls allowed through at once (Resilience4j Bulkhead default 25); more are refused. */
  maxConcurrentCalls: wholeAtLeast(1, 'calls').default(25),
  /** Optional tighter limits per priority class, e.g. { "batch": 2 }. */
  perClass: z.partialRecord(z.enum(['critical', 'high', 'normal', 'low', 'batch']), wholeAtLeast(0, 'calls')).optional(),
});
export type BulkheadConfig = z.infer<typeof bulkheadSchema>;

export const loadBalancerSchema = z.strictObject({
  ...common,
  type: z.literal('load-balancer'),
  strategy: z.enum(['round-robin', 'least-outstanding', 'p2c'], { error: 'expected "round-robin", "least-outstanding" or "p2c"' }).default('round-robin'),
});
export type LoadBalancerConfig = z.infer<typeof loadBalancerSchema>;

export const loadShedderSchema = z.strictObject({
  ...common,
  type: z.literal('load-shedder'),
  /** What it watches: items in flight through it, or items held by the node right behind it. */
  measure: z.enum(['in-flight', 'depth'], { error: 'expected "in-flight" or "depth"' }).default('in-flight'),
  /** Load at which everything is shed. */
  limit: wholeAtLeast(1, 'items'),
  /** Shed the least important classes first: batch at 50% of the limit, low 70%, normal 85%, high 95%, critical 100%. */
  priorityAware: z.boolean().default(true),
});
export type LoadShedderConfig = z.infer<typeof loadShedderSchema>;

export const concurrencyLimiterSchema = z.strictObject({
  ...common,
  type: z.literal('concurrency-limiter'),
  algorithm: z.enum(['aimd', 'gradient2', 'fixed'], { error: 'expected "aimd", "gradient2" or "fixed"' }).default('gradient2'),
  initialLimit: wholeAtLeast(1, 'calls').default(20),
  minLimit: wholeAtLeast(1, 'calls').default(20),
  maxLimit: wholeAtLeast(1, 'calls').default(200),
  /** AIMD: multiply the limit by this on a drop or a timeout. */
  backoffRatio: positive('a ratio').max(1).default(0.9),
  /** AIMD: a call slower than this counts as a drop. */
  timeoutMs: positive('milliseconds').default(5000),
  /** Gradient2 parameters (Netflix defaults). */
  smoothing: fraction('a fraction').default(0.2),
  queueSize: nonNeg('calls').default(4),
  rttTolerance: z.number().min(1).default(1.5),
  longWindow: wholeAtLeast(1, 'samples').default(600),
});
export type ConcurrencyLimiterConfig = z.infer<typeof concurrencyLimiterSchema>;

export const RESILIENCE_SCHEMAS = [clientSchema, rateLimiterSchema, circuitBreakerSchema, bulkheadSchema, loadBalancerSchema, loadShedderSchema, concurrencyLimiterSchema] as const;
