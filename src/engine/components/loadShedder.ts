/**
 * Load shedder (admission control): refuses work with 503 once the load it watches reaches a
 * limit, before the work can queue. The load is either the items in flight through it, or the
 * items held by the node right behind it (a queue's depth). With `priorityAware` the least
 * important classes go first: batch is shed from 50% of the limit, low from 70%, normal from 85%,
 * high from 95%, critical only at 100% (Google SRE's criticality, lowest shed first).
 */
import { R_SHED } from '../kernel/protocol';
import { F, NODE_KIND_CODES, type NodeSnapshotWriter } from '../metrics/layout';
import type { NodeConfig } from '../scenario/schema';
import type { LoadShedderConfig } from '../scenario/resilience';
import { PassThrough, REFUSE } from './passThrough';

/** Share of the limit at which each class (critical ... batch) starts being shed. */
export const SHED_FROM = [1, 0.95, 0.85, 0.7, 0.5] as const;

export class LoadShedder extends PassThrough {
  readonly type = 'load-shedder' as const;
  private cfg!: LoadShedderConfig;
  readonly shedByClass = new Float64Array(SHED_FROM.length);

  configure(config: NodeConfig): void {
    this.cfg = config as unknown as LoadShedderConfig;
    this.tracksInFlight = true;
  }

  load(): number {
    if (this.cfg.measure === 'in-flight') return this.inFlight;
    let held = 0;
    for (const o of this.outputs) held += o.held();
    return held;
  }

  protected admit(item: number): number {
    const cls = this.sim.items.cls[item]!;
    const from = this.cfg.priorityAware ? SHED_FROM[cls]! : 1;
    if (this.load() < this.cfg.limit * from) return this.nextOutput();
    this.shedByClass[cls]!++;
    this.sim.refuse(this.index, R_SHED);
    return REFUSE;
  }

  writeSnapshot(w: NodeSnapshotWriter): void {
    this.writePassThrough(w, NODE_KIND_CODES['load-shedder']);
    w.set(F.gauge, this.load());
    w.set(F.capacity, this.cfg.limit);
  }

  report(): Record<string, number | string | null> {
    const r: Record<string, number | string | null> = { ...this.reportPassThrough('load-shedder'), load: this.load(), limit: this.cfg.limit };
    ['critical', 'high', 'normal', 'low', 'batch'].forEach((c, i) => (r[`shed_${c}`] = this.shedByClass[i]!));
    return r;
  }
}
