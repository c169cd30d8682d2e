/**
 * Load balancer over replicas (its outputs):
 * - `round-robin`: each replica in turn;
 * - `least-outstanding`: the replica with the fewest items sent and not yet ended (Envoy's
 *   LEAST_REQUEST with all replicas compared);
 * - `p2c`: power of two choices: two replicas drawn at random, the less loaded wins.
 * When the chosen replica has no room, the others are tried before the sender is made to wait.
 * Readiness (Kubernetes): a replica whose service is not ready (its readiness probe fails, or it is
 * restarting) gets nothing until it is ready again; with no replica ready, items are refused with
 * 503 "no-route", as a Service with no ready endpoints refuses connections. A replica is an output:
 * a service, or a queue (or other part) in front of one.
 */
import { Rng } from '../kernel/rng';
import type { Sim } from '../kernel/sim';
import { F, NODE_KIND_CODES, type NodeSnapshotWriter } from '../metrics/layout';
import type { NodeConfig } from '../scenario/schema';
import type { LoadBalancerConfig } from '../scenario/resilience';
import { R_NO_ROUTE } from '../kernel/protocol';
import type { SimNode } from './node';
import { PassThrough, REFUSE } from './passThrough';
import type { Service } from './service';

/** The service that serves what is sent to `n`: n itself, or the first one behind it (a queue in front of a replica). */
function serviceBehind(n: SimNode, depth = 0): Service | null {
  if (n.type === 'service') return n as unknown as Service;
  if (depth >= 3) return null;
  for (const o of n.outputs) {
    const s = serviceBehind(o, depth + 1);
    if (s) return s;
  }
  return null;
}

export class LoadBalancer extends PassThrough {
  readonly type = 'load-balancer' as const;
  private strategy: LoadBalancerConfig['strategy'] = 'round-robin';
  private outstanding = new Float64Array(0);
  private readonly picks: Rng;
  /** Replica each in-flight item went to, by item id. */
  private readonly routedTo = new Map<number, number>();
  /** Each replica's service, whose readiness decides whether it gets items. */
  private replicaService: (Service | null)[] = [];
  noRoute = 0;

  constructor(sim: Sim, index: number, id: string, seed: number) {
    super(sim, index, id);
    this.picks = new Rng(seed, id, 'picks');
    this.tracksInFlight = true;
    this.triesOthers = true;
  }

  configure(config: NodeConfig): void {
    this.strategy = (config as unknown as LoadBalancerConfig).strategy;
  }

  override start(): void {
    this.outstanding = new Float64Array(this.outputs.length);
    this.replicaService = this.outputs.map((o) => serviceBehind(o));
  }

  protected override usable(out: number): boolean {
    return this.replicaService[out]?.isReady() ?? true;
  }

  private readyCount(): number {
    let k = 0;
    for (let i = 0; i < this.outputs.length; i++) if (this.usable(i)) k++;
    return k;
  }

  protected admit(): number {
    const n = this.outputs.length;
    const ready = this.readyCount();
    if (ready === 0) {
      this.noRoute++;
      this.sim.refuse(this.index, R_NO_ROUTE);
      return REFUSE;
    }
    if (ready < n) return this.pickReady(ready);
    return this.pick();
  }

  /** Some replicas are not ready: the strategy over the ready ones only. */
  private pickReady(ready: number): number {
    const n = this.outputs.length;
    const load = this.outstanding;
    switch (this.strategy) {
      case 'round-robin':
      case 'least-outstanding': {
        let first = this.nextOutput();
        for (let k = 0; k < n && !this.usable(first); k++) first = this.nextOutput();
        if (this.strategy === 'round-robin') return first;
        let best = first;
        for (let k = 1; k < n; k++) {
          const i = (first + k) % n;
          if (this.usable(i) && load[i]! < load[best]!) best = i;
        }
        return best;
      }
      case 'p2c': {
        const idx: number[] = [];
        for (let i = 0; i < n; i++) if (this.usable(i)) idx.push(i);
        if (ready === 1) return idx[0]!;
        const a = Math.floor(this.picks.next() * ready);
        let b = Math.floor(this.picks.next() * (ready - 1));
        if (b >= a) b++;
        return load[idx[b]!]! < load[idx[a]!]! ? idx[b]! : idx[a]!;
      }
    }
  }

  private pick(): number {
    const n = this.outputs.length;
    const load = this.outstanding;
    switch (this.strategy) {
      case 'round-robin':
        return this.nextOutput();
      case 'least-outstanding': {
        // Ties go round robin so an idle pool is still shared.
        const start = this.nextOutput();
        let best = start;
        for (let k = 1; k < n; k++) {
          const i = (start + k) % n;
          if (load[i]! < load[best]!) best = i;
        }
        return best;
      }
      case 'p2c': {
        if (n === 1) return 0;
        const a = Math.floor(this.picks.next() * n);
        let b = Math.floor(this.picks.next() * (n - 1));
        if (b >= a) b++;
        return load[b]! < load[a]! ? b : a;
      }
    }
  }

  protected override passedTo(item: number, out: number): void {
    this.outstanding[out]!++;
    this.routedTo.set(item, out);
  }

  protected override ended(item: number): void {
    const out = this.routedTo.get(item);
    if (out === undefined) return;
    this.routedTo.delete(item);
    this.outstanding[out]!--;
  }

  writeSnapshot(w: NodeSnapshotWriter): void {
    this.writePassThrough(w, NODE_KIND_CODES['load-balancer']);
    w.set(F.capacity, this.outputs.length);
    w.set(F.notReady, this.outputs.length - this.readyCount());
  }

  report(): Record<string, number | string | null> {
    return { ...this.reportPassThrough('load-balancer'), replicas: this.outputs.length, strategy: this.strategy, notReady: this.outputs.length - this.readyCount(), noRoute: this.noRoute };
  }
}
