/**
 * A part with no waiting room of its own that decides, per item, whether and where it may pass:
 * rate limiters, circuit breakers, bulkheads, load shedders, load balancers, concurrency limits.
 *
 * An admitted item is offered straight on. When the next hop says BUSY, the sender is told BUSY
 * too and waits on this node's list; when the next hop has room this node lets its waiting senders
 * through one by one (each decision is taken again then: a token may have run out meanwhile).
 * When the next hop refuses, the sender hears that refusal unchanged (a 429 from behind a breaker
 * reaches the caller as a 429).
 */
import { ACCEPTED, BUSY, R_NO_ROUTE, REFUSED, type OfferResult } from '../kernel/protocol';
import { F, type NodeSnapshotWriter } from '../metrics/layout';
import { SimNode } from './node';

/** `admit` returns this to refuse (after calling sim.refuse with the reason). */
export const REFUSE = -1;

export abstract class PassThrough extends SimNode {
  arrived = 0;
  passed = 0;
  rejected = 0;
  /** Items let through that have not ended yet (counted when `tracksInFlight`). */
  inFlight = 0;
  /** Count items in flight (and hear their outcomes through onEnded). */
  protected tracksInFlight = false;
  /** On BUSY from the chosen output, try the others before making the sender wait. */
  protected triesOthers = false;

  private turn = 0;

  /** Round robin over the outputs: the default choice of where an admitted item goes. */
  protected nextOutput(): number {
    const n = this.outputs.length;
    const i = this.turn % n;
    this.turn = (i + 1) % n;
    return i;
  }

  /** Which output the item goes to (an index into `outputs`), or REFUSE. */
  protected abstract admit(item: number): number;

  /** Whether output `out` may be tried when the chosen one is BUSY (a load balancer skips replicas that are not ready). */
  protected usable(_out: number): boolean {
    return true;
  }

  /** The item went through to output `out`. */
  protected passedTo(_item: number, _out: number): void {}

  /** A tracked item ended (or its caller gave up) after `since`. */
  protected ended(_item: number, _outcome: number, _since: number): void {}

  override offer(item: number, from: SimNode): OfferResult {
    if (this.outputs.length === 0) {
      this.arrived++;
      this.rejected++;
      return this.sim.refuse(this.index, R_NO_ROUTE);
    }
    const out = this.admit(item);
    if (out === REFUSE) {
      this.arrived++;
      this.rejected++;
      return REFUSED;
    }
    let r = this.outputs[out]!.offer(item, this);
    let used = out;
    if (r === BUSY && this.triesOthers) {
      for (let k = 1; k < this.outputs.length && r === BUSY; k++) {
        const next = (out + k) % this.outputs.length;
        if (!this.usable(next)) continue;
        used = next;
        r = this.outputs[used]!.offer(item, this);
      }
    }
    if (r === BUSY) {
      this.addWaiter(from);
      return BUSY;
    }
    this.arrived++;
    if (r === ACCEPTED) {
      this.passed++;
      if (this.tracksInFlight) {
        this.inFlight++;
        this.sim.observe(item, this.index);
      }
      this.passedTo(item, used);
    }
    return r; // REFUSED: the next hop's reason stands
  }

  override onReady(receiver: SimNode): void {
    // Let waiting senders through one at a time until one gets past (or none is left).
    const nodes = this.sim.nodes;
    for (let turns = this.waiters.length; turns > 0 && this.waiters.length > 0; turns--) {
      const before = this.arrived;
      const s = this.waiters.peekFront();
      this.removeWaiter(s);
      nodes[s]!.onReady(this);
      if (this.arrived > before) break;
    }
    if (this.waiters.length > 0) receiver.addWaiter(this);
  }

  override onObserved(item: number, outcome: number, since: number): void {
    this.inFlight--;
    this.ended(item, outcome, since);
  }

  /** Senders waiting here are items this node holds up; it holds none itself. */
  held(): number {
    return 0;
  }

  protected writePassThrough(w: NodeSnapshotWriter, kind: number): void {
    this.writeCommon(w, kind);
    w.set(F.arrived, this.arrived);
    w.set(F.accepted, this.passed);
    w.set(F.completed, this.passed); // what flows on: the canvas animates outflow from this field
    w.set(F.rejected, this.rejected);
    w.set(F.level, this.inFlight);
  }

  protected reportPassThrough(type: string): Record<string, number | string | null> {
    return { type, arrived: this.arrived, passed: this.passed, rejected: this.rejected, inFlight: this.inFlight };
  }
}
