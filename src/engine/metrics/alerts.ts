/**
 * Alert rules a person sets on a scenario (scenario/scaling.ts), evaluated every
 * ALERT_EVALUATION_MS of simulated time, like Prometheus rules on its evaluation interval. A rule
 * fires once its metric has stayed above the threshold for `forMs` and resolves at the first
 * evaluation where it is not; both go on the timeline.
 *
 * Every metric is computed from cumulative counters and levels read at the evaluation instants,
 * never from the sampled series, so how often a UI samples cannot change when an alert fires.
 */
import type { Sim } from '../kernel/sim';
import { WindowedHistogram } from './histogram';
import { F, F_STRIDE, NodeSnapshotWriter } from './layout';
import { TL_ALERT, TL_ALERT_RESOLVED } from './timeline';
import { ALERT_EVALUATION_MS, type AlertMetric, type AlertRule } from '../scenario/scaling';
import type { Service } from '../components/service';

export interface AlertReport {
  name: string;
  node: string | null;
  metric: AlertMetric;
  threshold: number;
  firing: boolean;
  /** Times it fired. */
  fired: number;
  lastFiredAtMs: number | null;
  lastResolvedAtMs: number | null;
  /** The metric at the last evaluation. */
  lastValue: number;
}

/** Readings of two cumulative quantities at past evaluations, enough to span a rule's window. */
class Readings {
  private readonly t: Float64Array;
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  private n = 0;
  constructor(readonly size: number) {
    this.t = new Float64Array(size);
    this.a = new Float64Array(size);
    this.b = new Float64Array(size);
  }
  push(t: number, a: number, b: number): void {
    const i = this.n % this.size;
    this.t[i] = t;
    this.a[i] = a;
    this.b[i] = b;
    this.n++;
  }
  /** The oldest reading kept (the window's start). */
  oldest(): { t: number; a: number; b: number } {
    const i = this.n <= this.size ? 0 : this.n % this.size;
    return { t: this.t[i]!, a: this.a[i]!, b: this.b[i]! };
  }
}

interface RuleState {
  rule: AlertRule;
  name: string;
  node: number;
  readings: Readings;
  pendingSince: number;
  firing: boolean;
  fired: number;
  lastFiredAt: number;
  lastResolvedAt: number;
  lastValue: number;
}

export class Alerts {
  private readonly rules: RuleState[];
  /** Firing rules per node (the snapshot shows them). */
  readonly firingOn: Int32Array;
  /** End-to-end latencies of the last evaluation interval (only when a rule needs p99). */
  readonly latency: WindowedHistogram | null;
  private readonly scratch = new Float64Array(F_STRIDE);
  private readonly writer = new NodeSnapshotWriter();

  constructor(
    private readonly sim: Sim,
    rules: readonly AlertRule[],
    indexOf: ReadonlyMap<string, number>,
  ) {
    this.rules = rules.map((rule, i) => ({
      rule,
      name: rule.name ?? `alert-${i + 1}`,
      node: rule.node === undefined ? -1 : indexOf.get(rule.node)!,
      // One reading per evaluation over the window, plus the one at its start.
      readings: new Readings(Math.ceil(rule.windowMs / ALERT_EVALUATION_MS) + 1),
      pendingSince: -1,
      firing: false,
      fired: 0,
      lastFiredAt: -1,
      lastResolvedAt: -1,
      lastValue: 0,
    }));
    this.firingOn = new Int32Array(sim.nodes.length);
    this.latency = rules.some((r) => r.metric === 'p99') ? new WindowedHistogram() : null;
    this.writer.buf = this.scratch;
    for (const s of this.rules) s.readings.push(0, 0, 0);
  }

  /** Counters of node i as its snapshot has them (cumulative, so sampling cannot change them). */
  private fields(i: number): Float64Array {
    this.scratch.fill(0);
    this.sim.nodes[i]!.writeSnapshot(this.writer);
    return this.scratch;
  }

  /** The two cumulative quantities a rule differences over its window (or the level, for depth). */
  private read(s: RuleState): [number, number] {
    const sim = this.sim;
    const i = s.node;
    switch (s.rule.metric) {
      case 'depth':
      case 'depth-growth':
        return [i < 0 ? sim.liveRoots : sim.nodes[i]!.held(), 0];
      case 'error-rate': {
        if (i < 0) return [sim.produced, sim.refused + sim.dropped + sim.expired + sim.failed + sim.timedOut];
        const f = this.fields(i);
        return [f[F.arrived]!, f[F.rejected]! + f[F.dropped]! + f[F.expired]! + f[F.failed]!];
      }
      case 'utilization': {
        const svc = sim.nodes[i] as unknown as Service;
        return [svc.busyArea(), svc.slotArea()];
      }
      case 'p99':
        return [0, 0];
      case 'lag-seconds':
        return [this.fields(i)[F.lagMs]! / 1000, 0];
      case 'memory': {
        const f = this.fields(i);
        const limit = f[F.memoryLimit]!;
        return [limit > 0 ? (100 * f[F.memoryBytes]!) / limit : 0, 0];
      }
    }
  }

  private value(s: RuleState, now: number, a: number, b: number): number {
    const then = s.readings.oldest();
    switch (s.rule.metric) {
      case 'depth':
      case 'lag-seconds':
      case 'memory':
        return a;
      case 'depth-growth':
        return now > then.t ? ((a - then.a) * 1000) / (now - then.t) : 0;
      case 'error-rate':
        return a > then.a ? (100 * (b - then.b)) / (a - then.a) : 0;
      case 'utilization':
        return b > then.b ? (100 * (a - then.a)) / (b - then.b) : 0;
      case 'p99': {
        const w = this.latency!.previous;
        return w.count > 0 ? w.quantile(0.99) : 0;
      }
    }
  }

  evaluate(): void {
    const sim = this.sim;
    const now = sim.now;
    this.latency?.roll();
    for (const s of this.rules) {
      const [a, b] = this.read(s);
      s.readings.push(now, a, b);
      const v = this.value(s, now, a, b);
      s.lastValue = v;
      if (v > s.rule.threshold) {
        if (s.pendingSince < 0) s.pendingSince = now;
        if (!s.firing && now - s.pendingSince >= s.rule.forMs) {
          s.firing = true;
          s.fired++;
          s.lastFiredAt = now;
          if (s.node >= 0) this.firingOn[s.node]!++;
          sim.timeline.add(now, s.node, TL_ALERT);
        }
      } else {
        s.pendingSince = -1;
        if (s.firing) {
          s.firing = false;
          s.lastResolvedAt = now;
          if (s.node >= 0) this.firingOn[s.node]!--;
          sim.timeline.add(now, s.node, TL_ALERT_RESOLVED);
        }
      }
    }
  }

  report(): AlertReport[] {
    return this.rules.map((s) => ({
      name: s.name,
      node: s.node >= 0 ? this.sim.nodes[s.node]!.id : null,
      metric: s.rule.metric,
      threshold: s.rule.threshold,
      firing: s.firing,
      fired: s.fired,
      lastFiredAtMs: s.lastFiredAt >= 0 ? s.lastFiredAt : null,
      lastResolvedAtMs: s.lastResolvedAt >= 0 ? s.lastResolvedAt : null,
      lastValue: s.lastValue,
    }));
  }
}
