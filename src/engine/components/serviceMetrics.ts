/**
 * What a service measures: its items by how they ended, the time items spent in it (since the
 * start, and per sample window), and from these and its parts its live snapshot and final report.
 */
import { Histogram, NO_LATENCY, WindowedHistogram, windowLatency } from '../metrics/histogram';
import { F, type NodeSnapshotWriter } from '../metrics/layout';
import type { ServiceConfig } from '../scenario/schema';
import type { Caller } from './caller';
import type { Memory } from './memory';
import type { SimNode } from './node';
import type { Health } from './serviceHealth';
import type { Intake } from './serviceIntake';
import type { Workers } from './serviceWorkers';

/** The service measured, and the parts it reads. */
export interface Metered extends SimNode {
  readonly config: ServiceConfig;
  /** Workers in all, and replicas. */
  readonly workerCount: number;
  readonly replicaCount: number;
  readonly workers: Workers;
  readonly intake: Intake;
  readonly health: Health;
  readonly mem: Memory;
  readonly caller: Caller;
}

export class ServiceMetrics {
  completed = 0;
  failed = 0;
  /** Items whose call failed (after any retries): they end with the callee's status. */
  callFailures = 0;
  /** Items served although their deadline had passed by the time they were done: work nobody waited for. */
  wasted = 0;
  private readonly latency = new Histogram();
  private readonly latencyWindow = new WindowedHistogram();
  private lastWindow = { ...NO_LATENCY, utilization: 0 };

  constructor(private readonly service: Metered) {}

  /** An item leaves the service, or is handed on: its time in it, ms. */
  record(spent: number): void {
    this.latency.record(spent);
    this.latencyWindow.record(spent);
  }

  roll(): void {
    this.latencyWindow.roll();
    this.lastWindow = { ...windowLatency(this.latencyWindow.previous), utilization: this.service.workers.takeWindowUtilization() };
  }

  /** The snapshot fields past the common ones. */
  write(w: NodeSnapshotWriter): void {
    const s = this.service;
    const workers = s.workers;
    w.set(F.level, workers.working);
    w.set(F.capacity, s.workerCount);
    w.set(F.held, workers.holding.length);
    w.set(F.arrived, s.intake.arrived);
    w.set(F.accepted, s.intake.arrived);
    w.set(F.completed, this.completed);
    w.set(F.failed, this.failed);
    w.set(F.latP50, this.lastWindow.p50);
    w.set(F.latP99, this.lastWindow.p99);
    w.set(F.latMean, this.lastWindow.mean);
    w.set(F.utilization, this.lastWindow.utilization);
    w.set(F.blockedMs, workers.held.area(s.sim.now));
    w.set(F.expired, s.intake.expired);
    w.set(F.wasted, this.wasted);
    w.set(F.notReady, s.health.isReady() ? 0 : 1);
    w.set(F.restarts, s.health.restarts);
    s.mem.writeSnapshot(w);
    w.set(F.rejected, s.mem.refusedWhileDown);
    w.set(F.intake, s.intake.buffer.length);
    w.set(F.inFlightLimit, s.intake.limit() ?? -1);
    if (s.callOutputs.length > 0) {
      w.set(F.calling, workers.calling);
      w.set(F.attempts, s.caller.attempts);
      w.set(F.retries, s.caller.retries);
      w.set(F.timeouts, s.caller.timeouts);
    }
  }

  report(): Record<string, number | string | null> {
    const s = this.service;
    const workers = s.workers;
    const served = this.completed + this.failed;
    return {
      type: 'service',
      concurrency: s.workerCount,
      arrived: s.intake.arrived,
      completed: this.completed,
      failed: this.failed,
      inService: workers.working,
      holding: workers.holding.length,
      meanServiceMs: workers.started > 0 ? workers.serviceSum / workers.started : 0,
      utilization: workers.utilization(),
      meanTimeInNodeMs: served > 0 ? this.latency.mean : 0,
      p50TimeInNodeMs: this.latency.quantile(0.5),
      p90TimeInNodeMs: this.latency.quantile(0.9),
      p99TimeInNodeMs: this.latency.quantile(0.99),
      heldWorkerMs: workers.held.area(s.sim.now),
      expired: s.intake.expired,
      wasted: this.wasted,
      ...(s.replicaCount !== 1 ? { replicas: s.replicaCount } : {}),
      ...(s.config.readiness ? { ready: s.health.isReady() ? 1 : 0 } : {}),
      ...(s.config.liveness ? { restarts: s.health.restarts, lostOnRestart: s.health.lostOnRestart } : {}),
      ...s.mem.report(),
      ...(s.config.intake ? { intake: s.intake.buffer.length, inFlightLimit: s.intake.limit() } : {}),
      ...(s.callOutputs.length > 0 ? { calling: workers.calling, callFailures: this.callFailures, ...s.caller.report() } : {}),
    };
  }
}
