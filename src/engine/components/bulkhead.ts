/**
 * Bulkhead: Resilience4j's semaphore bulkhead. At most `maxConcurrentCalls` items may be in flight
 * through it (passed and not yet ended); more are refused at once with 503 (BulkheadFullException,
 * maxWaitDuration 0). `perClass` caps a priority class tighter, so batch work cannot take every
 * slot that interactive work needs.
 */
import { R_BULKHEAD_FULL } from '../kernel/protocol';
import { F, NODE_KIND_CODES, type NodeSnapshotWriter } from '../metrics/layout';
import type { NodeConfig } from '../scenario/schema';
import { PRIORITY_CLASSES } from '../scenario/constants';
import type { BulkheadConfig } from '../scenario/resilience';
import { PassThrough, REFUSE } from './passThrough';

export class Bulkhead extends PassThrough {
  readonly type = 'bulkhead' as const;
  private max = 25;
  private readonly classMax = new Float64Array(PRIORITY_CLASSES.length);
  private readonly classInFlight = new Float64Array(PRIORITY_CLASSES.length);

  configure(config: NodeConfig): void {
    const c = config as unknown as BulkheadConfig;
    this.tracksInFlight = true;
    this.max = c.maxConcurrentCalls;
    PRIORITY_CLASSES.forEach((name, i) => (this.classMax[i] = c.perClass?.[name] ?? Infinity));
  }

  protected admit(item: number): number {
    const cls = this.sim.items.cls[item]!;
    if (this.inFlight < this.max && this.classInFlight[cls]! < this.classMax[cls]!) return this.nextOutput();
    this.sim.refuse(this.index, R_BULKHEAD_FULL);
    return REFUSE;
  }

  protected override passedTo(item: number): void {
    this.classInFlight[this.sim.items.cls[item]!]!++;
  }

  protected override ended(item: number): void {
    this.classInFlight[this.sim.items.cls[item]!]!--;
  }

  writeSnapshot(w: NodeSnapshotWriter): void {
    this.writePassThrough(w, NODE_KIND_CODES.bulkhead);
    w.set(F.capacity, this.max);
  }

  report(): Record<string, number | string | null> {
    return { ...this.reportPassThrough('bulkhead'), maxConcurrentCalls: this.max };
  }
}
