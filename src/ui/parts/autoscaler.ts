import type { Part } from './part';

export const autoscaler: Part = {
  kind: 'autoscaler',
  name: 'Autoscaler',
  palette: { group: 'Scaling', what: 'Adds replicas of a service on load, after a start-up delay (Kubernetes HPA)' },
  // Workshop-sized: HPA decides every 15 s and waits 300 s before scaling down (the inspector says so).
  starter: { metric: 'utilization', targetValue: 70, minReplicas: 1, maxReplicas: 10, syncPeriodMs: 5000, provisioningDelayMs: 10_000, scaleDownStabilizationMs: 60_000 },
  status: { idle: 'idle', healthy: 'holding steady', saturated: 'replicas starting', overflowing: 'at max replicas' },
  // It takes no traffic: there is nothing of its own to alert on.
  alerts: false,
};
