/**
 * What a node from the palette starts with: values that show the part doing its job in a
 * workshop within seconds. The libraries' own defaults are sized for production (Resilience4j's
 * breaker waits 100 calls and a minute; Netflix's limits start at 20): the inspector hints say so.
 */
import type { NodeType } from '../../engine/index';

export const STARTERS: Record<NodeType, Record<string, unknown>> = {
  producer: { rate: 50, arrival: 'poisson' },
  queue: { capacity: 20, overflow: 'drop-newest' },
  service: { concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 20 } },
  client: { timeoutMs: 1000, maxAttempts: 3, backoff: { baseMs: 100, capMs: 2000, multiplier: 2, jitter: 'full' } },
  'rate-limiter': { rate: 40, burst: 20 },
  'circuit-breaker': {
    slidingWindowSize: 20,
    minimumNumberOfCalls: 10,
    failureRateThreshold: 50,
    slowCallRateThreshold: 100,
    slowCallDurationThresholdMs: 1000,
    waitDurationInOpenStateMs: 5000,
    permittedNumberOfCallsInHalfOpenState: 3,
  },
  bulkhead: { maxConcurrentCalls: 10 },
  'load-balancer': { strategy: 'round-robin' },
  'load-shedder': { measure: 'in-flight', limit: 20, priorityAware: true },
  'concurrency-limiter': { algorithm: 'aimd', initialLimit: 10, minLimit: 1, maxLimit: 100, timeoutMs: 1000 },
  // Workshop-sized: HPA decides every 15 s and waits 300 s before scaling down (the inspector says so).
  autoscaler: { metric: 'utilization', targetValue: 70, minReplicas: 1, maxReplicas: 10, syncPeriodMs: 5000, provisioningDelayMs: 10_000, scaleDownStabilizationMs: 60_000 },
  // HikariCP's pool size; its 30 s connectionTimeout is shortened so a timeout shows within a demo.
  'connection-pool': { maxConnections: 10, acquireTimeoutMs: 2000 },
  // A workshop retention (Kafka keeps 7 days): a lagging group loses records within minutes.
  topic: { partitions: 3, partitioning: 'key', retentionMs: 120_000 },
  'consumer-group': { consumers: 2, processingTime: { dist: 'exponential', meanMs: 10 } },
  // No retries: the tail of a request is the tail of its slowest call.
  'fan-out': { calls: 10, waitFor: 'all', timeoutMs: 5000 },
  'shared-row': { hopMs: 5 },
  link: { delayMs: 50, jitterMs: 0, limit: 1000 },
};
