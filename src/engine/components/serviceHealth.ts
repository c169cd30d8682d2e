/**
 * A service's health probes (scenario/scaling.ts), each every `periodMs`:
 * - readiness fails while the backlog would take longer than `maxBacklogMs` to drain; after
 *   `failureThreshold` failures in a row the service is not ready (a load balancer routes around
 *   it), after `successThreshold` passes in a row ready again;
 * - liveness fails when it gets no answer within `timeoutMs`: a cheap probe answers at once, one
 *   that `dependsOnLoad` waits for a worker behind the queued work. After `failureThreshold`
 *   failures in a row the service is restarted.
 * A restart loses the items the workers serve or hold (items waiting on a call are left to
 * finish); the service has no workers until it is back, `restartDelayMs` later. Meanwhile readiness
 * fails and liveness is not asked.
 */
import { FAILED, PRIO_NORMAL, R_RESTARTED } from '../kernel/protocol';
import { TL_NOT_READY, TL_READY, TL_RESTARTED } from '../metrics/timeline';
import type { ServiceConfig } from '../scenario/schema';
import type { Memory } from './memory';
import type { SimNode } from './node';
import type { Workers } from './serviceWorkers';

/** Event kinds the service forwards to `handle`. */
export const READINESS_PROBE = 200;
export const LIVENESS_PROBE = 201;
/** Back up after a restart. */
export const RESTARTED = 202;

/** The service whose health this is. */
export interface Probed extends SimNode {
  readonly workers: Workers;
  readonly mem: Memory;
  /** How long the backlog, and `extra` items more, would take to drain at the current worker count, ms. */
  drainMs(extra: number): number;
  /** Every worker is taken. */
  saturated(): boolean;
  /** Applies its configuration again (the worker count follows `restarting`). */
  reconfigure(): void;
}

export class Health {
  /** Readiness: false while the probe says the backlog is too long. */
  ready = true;
  /** Killed by a liveness restart, not serving again yet. */
  restarting = false;
  restarts = 0;
  /** Items lost to restarts: being served, or finished and held for the next stage. */
  lostOnRestart = 0;
  private cfg!: ServiceConfig;
  private readinessFails = 0;
  private readinessPasses = 0;
  private livenessFails = 0;
  private readinessTimer = false;
  private livenessTimer = false;

  constructor(private readonly service: Probed) {}

  /** `running`: the run has started, so the probes the config asks for start now. */
  configure(c: ServiceConfig, running: boolean): void {
    this.cfg = c;
    if (!c.readiness) this.ready = true;
    if (running) this.schedule();
  }

  /** Starts the probes the config asks for that are not running yet. */
  schedule(): void {
    const { sim, index } = this.service;
    const now = sim.now;
    if (this.cfg.readiness && !this.readinessTimer) {
      this.readinessTimer = true;
      sim.schedule(now + this.cfg.readiness.periodMs, PRIO_NORMAL, index, READINESS_PROBE, 0);
    }
    if (this.cfg.liveness && !this.livenessTimer) {
      this.livenessTimer = true;
      sim.schedule(now + this.cfg.liveness.periodMs, PRIO_NORMAL, index, LIVENESS_PROBE, 0);
    }
  }

  /** Whether a load balancer may route to it: ready, and not down for a restart. */
  isReady(): boolean {
    return this.ready && !this.restarting;
  }

  handle(kind: number): void {
    if (kind === READINESS_PROBE) this.readiness();
    else if (kind === LIVENESS_PROBE) this.liveness();
    else if (kind === RESTARTED) {
      this.restarting = false;
      this.service.reconfigure();
    }
  }

  private readiness(): void {
    const r = this.cfg.readiness;
    if (!r) {
      this.readinessTimer = false;
      return;
    }
    const { sim, index } = this.service;
    const pass = !this.restarting && this.service.drainMs(0) <= r.maxBacklogMs;
    if (pass) {
      this.readinessPasses++;
      this.readinessFails = 0;
      if (!this.ready && this.readinessPasses >= r.successThreshold) {
        this.ready = true;
        sim.timeline.add(sim.now, index, TL_READY);
      }
    } else {
      this.readinessFails++;
      this.readinessPasses = 0;
      if (this.ready && this.readinessFails >= r.failureThreshold) {
        this.ready = false;
        sim.timeline.add(sim.now, index, TL_NOT_READY);
      }
    }
    sim.schedule(sim.now + r.periodMs, PRIO_NORMAL, index, READINESS_PROBE, 0);
  }

  private liveness(): void {
    const l = this.cfg.liveness;
    if (!l) {
      this.livenessTimer = false;
      return;
    }
    const s = this.service;
    if (!this.restarting) {
      const wait = l.dependsOnLoad && s.saturated() ? s.drainMs(1) : 0;
      if (wait > l.timeoutMs) this.livenessFails++;
      else this.livenessFails = 0;
      if (this.livenessFails >= l.failureThreshold) {
        this.restart(l.restartDelayMs);
      }
    }
    s.sim.schedule(s.sim.now + l.periodMs, PRIO_NORMAL, s.index, LIVENESS_PROBE, 0);
  }

  /** Kills the replica: the items its workers serve or hold are lost; it serves again after `delayMs`. */
  private restart(delayMs: number): void {
    const s = this.service;
    const sim = s.sim;
    this.restarts++;
    this.livenessFails = 0;
    sim.timeline.add(sim.now, s.index, TL_RESTARTED);
    this.restarting = true;
    const lost = s.workers.evict();
    for (const item of lost) {
      this.lostOnRestart++;
      s.mem.remove(sim.items.size[item]!);
      sim.finish(item, FAILED, s.index, R_RESTARTED);
    }
    s.reconfigure();
    s.workers.busy.set(sim.now, s.workers.taken());
    sim.schedule(sim.now + delayMs, PRIO_NORMAL, s.index, RESTARTED, 0);
  }
}
