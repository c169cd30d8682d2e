/**
 * Load balancer over replicas (its outputs):
 * - `round-robin`: each replica in turn;
 * - `least-outstanding`: the replica with the fewest items sent and not yet ended (Envoy's
 *   LEAST_REQUEST with all replicas compared);
 * - `p2c`: power of two choices: two replicas drawn at random, the less loaded wins.
 * When the chosen replica has no room, the others are tried before the sender is made to wait.
 */
import { Rng } from '../kernel/rng';
import type { Sim } from '../kernel/sim';
import { F, NODE_KIND_CODES, type NodeSnapshotWriter } from '../metrics/layout';
import type { NodeConfig } from '../scenario/schema';
import type { LoadBalancerConfig } from '../scenario/resilience';
import { PassThrough } from './passThrough';

export class LoadBalancer extends PassThrough {
  readonly type = 'load-balancer' as const;
  private strategy: LoadBalancerConfig['strategy'] = 'round-robin';
  private outstanding = new Float64Array(0);
  private readonly picks: Rng;
  /** Replica each in-flight item went to, by item id. */
  private readonly routedTo = new Map<number, number>();

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
  }

  protected admit(): number {
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
  }

  report(): Record<string, number | string | null> {
    return { ...this.reportPassThrough('load-balancer'), replicas: this.outputs.length, strategy: this.strategy };
  }
}
