/**
 * Schemas of the parts that add or withhold capacity: the autoscaler (Kubernetes'
 * HorizontalPodAutoscaler), health probes on services (Kubernetes readiness and liveness), the
 * connection pool (HikariCP), and the alert rules a person sets on a scenario. Names and defaults
 * follow those systems; where a number is only typical, its comment says so.
 */
import { z } from './zod';
import { fraction, id, label, nonNeg, position, positive, wholeAtLeast } from './fields';

const common = { id, label: label.optional(), position: position.optional() };

export const SCALING_METRICS = ['utilization', 'queue-depth', 'lag'] as const;
export type ScalingMetric = (typeof SCALING_METRICS)[number];

/**
 * HPA: desired = ceil(current x metric / targetValue), skipped while |metric / target - 1| <=
 * tolerance; scale-down takes the highest recommendation of the stabilization window; new
 * replicas serve only after the provisioning delay. The autoscaler names what it scales by an
 * edge of kind "scales" to a service.
 */
export const autoscalerSchema = z
  .strictObject({
    ...common,
    type: z.literal('autoscaler'),
    /**
     * "utilization": busy workers / workers, in percent, averaged over replicas (HPA's CPU
     * averageUtilization). "queue-depth": items waiting in the queues that feed the target, per
     * replica (HPA's AverageValue of an external metric). "lag": a consumer group's records not
     * yet read, per consumer (KEDA's Kafka scaler, lagThreshold); consumers are capped by the
     * topic's partition count, as extra consumers would sit idle.
     */
    metric: z.enum(SCALING_METRICS, { error: 'expected "utilization", "queue-depth" or "lag"' }).default('utilization'),
    /** The metric value each replica should run at: a percent for utilization, items per replica for queue depth. */
    targetValue: positive('a target value (percent or items per replica)'),
    minReplicas: wholeAtLeast(1, 'replicas').max(1000, { error: 'at most 1,000 replicas' }).default(1),
    maxReplicas: wholeAtLeast(1, 'replicas').max(1000, { error: 'at most 1,000 replicas' }).default(10),
    /** How often it decides (HPA's --horizontal-pod-autoscaler-sync-period, 15 s). */
    syncPeriodMs: positive('milliseconds').min(100, { error: 'at least 100 ms between decisions' }).default(15_000),
    /** No change while the metric is within this fraction of the target (HPA: 0.1). */
    tolerance: fraction('a fraction of the target').default(0.1),
    /** Scale down only to the highest replica count recommended over this window (HPA: 300 s). */
    scaleDownStabilizationMs: nonNeg('milliseconds').max(3_600_000, { error: 'at most one hour' }).default(300_000),
    /**
     * New replicas serve only this long after they were asked for (scheduling, image pull, start,
     * readiness). 30 s is typical of a container, not a Kubernetes default.
     */
    provisioningDelayMs: nonNeg('milliseconds').default(30_000),
  })
  .refine((a) => a.maxReplicas >= a.minReplicas, { error: 'maxReplicas must be ≥ minReplicas', path: ['maxReplicas'] });
export type AutoscalerConfig = z.infer<typeof autoscalerSchema>;

/**
 * HikariCP's pool as admission control in front of a database: at most `maxConnections` items hold
 * a connection (from taking it until they end); the rest wait, oldest first, and give up after
 * `acquireTimeoutMs` with 503 "pool-timeout".
 */
export const connectionPoolSchema = z.strictObject({
  ...common,
  type: z.literal('connection-pool'),
  /** HikariCP maximumPoolSize (default 10). */
  maxConnections: wholeAtLeast(1, 'connections').max(10_000, { error: 'at most 10,000 connections' }).default(10),
  /** HikariCP connectionTimeout (default 30,000 ms): how long a caller waits for a connection. */
  acquireTimeoutMs: nonNeg('milliseconds').default(30_000),
});
export type ConnectionPoolConfig = z.infer<typeof connectionPoolSchema>;

/** Kubernetes probe defaults: periodSeconds 10, failureThreshold 3, successThreshold 1. */
const probeFields = {
  periodMs: positive('milliseconds').min(10, { error: 'at least 10 ms between probes' }).default(10_000),
  failureThreshold: wholeAtLeast(1, 'probes').max(100).default(3),
};

/**
 * Readiness: fails while the work queued in front of the service would take longer than
 * `maxBacklogMs` to drain (items waiting x mean service time / workers). A load balancer routes
 * only to ready replicas.
 */
export const readinessSchema = z.strictObject({
  maxBacklogMs: positive('milliseconds'),
  ...probeFields,
  successThreshold: wholeAtLeast(1, 'probes').max(100).default(1),
});
export type ReadinessConfig = z.infer<typeof readinessSchema>;

/**
 * Liveness: restarts a replica after `failureThreshold` failed probes in a row; a restart loses the
 * work in flight and takes `restartDelayMs`. A cheap probe ("is the process up?") never fails
 * under load; `dependsOnLoad` makes the probe wait behind the queued work like a request (the
 * mistake: busy replicas get restarted, which loses their work and sheds their capacity).
 */
export const livenessSchema = z.strictObject({
  ...probeFields,
  /** Kubernetes timeoutSeconds (default 1 s): a probe that waits longer fails. */
  timeoutMs: positive('milliseconds').default(1000),
  dependsOnLoad: z.boolean({ error: 'expected true or false' }).default(false),
  /** Time from the kill until the replica serves again (container restart; typical, not a default). */
  restartDelayMs: nonNeg('milliseconds').default(5000),
});
export type LivenessConfig = z.infer<typeof livenessSchema>;

export const ALERT_METRICS = ['depth', 'depth-growth', 'error-rate', 'utilization', 'p99', 'lag-seconds', 'memory'] as const;
export type AlertMetric = (typeof ALERT_METRICS)[number];
/** Alert rules are evaluated on this fixed schedule of simulated time (Prometheus' evaluation_interval). */
export const ALERT_EVALUATION_MS = 1000;

/**
 * An alert rule: fires once `metric` has stayed above `threshold` for `forMs` (Prometheus `for`),
 * resolves at the first evaluation where it is not. Metrics:
 * - `depth`: items the node holds (a queue: waiting); without `node`, items in the system;
 * - `depth-growth`: change of that depth over `windowMs`, items/s (alert on growth, not only depth);
 * - `error-rate`: percent of what arrived over `windowMs` that was refused, dropped, expired or
 *   failed at the node (without `node`: of what producers made);
 * - `utilization`: a service's busy workers / workers over `windowMs`, percent;
 * - `p99`: end-to-end p99 latency over the last evaluation interval, ms (system-wide: no `node`);
 * - `lag-seconds`: how far a topic or consumer group is behind, in seconds (age of the oldest
 *   record not read / not processed yet): "lag > 5 min" is threshold 300;
 * - `memory`: a queue's or service's memory in use, percent of its memory limit ("memory > 80%").
 */
export const alertRuleSchema = z
  .strictObject({
    name: label.optional(),
    /** The node watched; omitted = the whole system. */
    node: id.optional(),
    metric: z.enum(ALERT_METRICS, { error: `expected one of ${ALERT_METRICS.map((m) => `"${m}"`).join(', ')}` }),
    /** Fires when the metric is above this. */
    threshold: z.number({ error: 'expected a threshold, a number' }).finite({ error: 'expected a finite threshold' }),
    forMs: nonNeg('milliseconds').default(0),
    windowMs: positive('milliseconds').min(ALERT_EVALUATION_MS, { error: `at least ${ALERT_EVALUATION_MS} ms (one evaluation)` }).max(3_600_000).default(10_000),
  });
export type AlertRule = z.infer<typeof alertRuleSchema>;
export const alertsSchema = z.array(alertRuleSchema).max(50, { error: 'at most 50 alert rules' });

/** What an alert rule may watch on a node of each type (only metrics that exist there). */
export function alertMetricError(rule: Pick<AlertRule, 'metric' | 'node'>, nodeType: string | undefined): string | null {
  if (rule.metric === 'p99') return rule.node === undefined ? null : 'p99 is measured end to end: leave out "node"';
  if (rule.metric === 'lag-seconds' && !(rule.node !== undefined && (nodeType === 'topic' || nodeType === 'consumer-group'))) {
    return rule.node === undefined ? 'lag-seconds needs a "node" (a topic or consumer group)' : `lag is measured on topics and consumer groups; "${rule.node}" is a ${nodeType}`;
  }
  if (rule.metric === 'memory' && !(rule.node !== undefined && (nodeType === 'queue' || nodeType === 'service'))) {
    return rule.node === undefined ? 'memory needs a "node" (a queue or service)' : `memory is measured on queues and services; "${rule.node}" is a ${nodeType}`;
  }
  if (rule.metric === 'utilization') {
    if (rule.node === undefined) return 'utilization needs a "node" (a service)';
    if (nodeType !== 'service') return `utilization is measured on services; "${rule.node}" is a ${nodeType}`;
  }
  return null;
}

/** An autoscaler's single target: the service or consumer group at the end of its "scales" edge. */
export const SCALABLE_TYPES = ['service', 'consumer-group'] as const;

/** Which metrics an autoscaler may use on a target of this type. */
export function scalingMetricError(metric: ScalingMetric, targetType: string, targetId: string): string | null {
  if (targetType === 'consumer-group' && metric !== 'lag') return `a consumer group is scaled on "lag"; "${targetId}" has no ${metric}`;
  if (targetType !== 'consumer-group' && metric === 'lag') return `"lag" is a consumer group's; "${targetId}" is a ${targetType}`;
  return null;
}
