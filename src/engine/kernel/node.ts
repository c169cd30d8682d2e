/**
 * What every component shares: its place in the graph, the hand-over protocol
 * (see kernel/protocol.ts) and the waiting list of senders it has told BUSY.
 */
import { IntDeque } from './deque';
import { ACCEPTED, BUSY, REFUSED, R_NODE_DOWN, type OfferResult } from './protocol';
import type { Sim } from './sim';
import type { NodeConfig } from '../scenario/schema';
import { F, type NodeKind, type NodeSnapshotWriter } from '../metrics/layout';

export abstract class SimNode {
  abstract readonly type: NodeKind;
  /** Where items go next (edges of kind "send", the default). */
  outputs: SimNode[] = [];
  /** Services: whom each worker calls, in order, and waits for (edges of kind "call"). */
  callOutputs: SimNode[] = [];
  /** Circuit breakers: where items go while calls are not permitted (edges of kind "fallback"). */
  fallbackOutputs: SimNode[] = [];
  inputs: SimNode[] = [];
  /** Round-robin position over outputs. */
  private rr = 0;
  /** Senders told BUSY, in the order they asked. */
  protected readonly waiters = new IntDeque(8);
  private waiting: Uint8Array = new Uint8Array(0);

  constructor(
    readonly sim: Sim,
    readonly index: number,
    readonly id: string,
  ) {}

  /** A scripted failure (scenario `events` with `down`): every arrival is refused with 503 until it recovers. */
  down = false;

  /**
   * Fails or recovers the node. While down, an own `offer` shadows the class's, so the kind's own
   * logic never sees an arrival and an up node pays nothing; work already inside carries on.
   */
  setDown(down: boolean): void {
    if (down === this.down) return;
    this.down = down;
    if (down) this.offer = (): OfferResult => this.sim.refuse(this.index, R_NODE_DOWN);
    else {
      Reflect.deleteProperty(this, 'offer');
      this.wakeWaiters();
    }
  }

  /** Called once the whole graph is built. */
  wire(nodeCount: number): void {
    this.waiting = new Uint8Array(nodeCount);
  }

  /** Applies a (validated) configuration; at start and for live edits. */
  abstract configure(config: NodeConfig): void;

  /** Schedules whatever the node does by itself (first arrival, timers). */
  start(): void {}

  /** A sender offers an item. See kernel/protocol.ts. */
  offer(_item: number, _from: SimNode): OfferResult {
    return REFUSED;
  }

  /** A receiver that said BUSY to this node has room now. */
  onReady(_receiver: SimNode): void {}

  /** A receiver that kept this node waiting has given up on it (block timeout): its item is refused. */
  onWaitRefused(_receiver: SimNode): void {}

  /** An event this node scheduled is due. */
  handle(_kind: number, _arg: number): void {}

  /** The outcome of an item this node is the replyTo of. */
  onOutcome(_item: number, _outcome: number): void {}

  /**
   * An item this node observes (sim.observe, at time `since`) has ended, or its caller gave up on
   * it. The item's fields are still readable here.
   */
  onObserved(_item: number, _outcome: number, _since: number): void {}

  /** Items this node holds right now (conservation and the runaway check count these). */
  abstract held(): number;

  /** End of a sample interval: close the window statistics. */
  roll(): void {}

  /** Writes the node's live state into the snapshot (metrics/layout.ts says where). */
  abstract writeSnapshot(w: NodeSnapshotWriter): void;

  /** The node's part of the final report. */
  abstract report(): Record<string, number | string | null>;

  // ---- sending ----

  /**
   * Offers an item to the outputs, starting with the next in round-robin order. The first that
   * accepts wins; else the node waits if any output is BUSY (it is on their waiting lists now);
   * else the item is refused. No outputs at all counts as BUSY: nothing will ever take it.
   */
  protected sendOut(item: number): OfferResult {
    const outs = this.outputs;
    const n = outs.length;
    if (n === 1) return outs[0]!.offer(item, this);
    let result: OfferResult = n === 0 ? BUSY : REFUSED;
    for (let k = 0; k < n; k++) {
      const i = (this.rr + k) % n;
      const r = outs[i]!.offer(item, this);
      if (r === ACCEPTED) {
        this.rr = (i + 1) % n;
        return ACCEPTED;
      }
      if (r === BUSY) result = BUSY;
    }
    return result;
  }

  // ---- receiving ----

  /** Puts a sender on the waiting list (once). */
  addWaiter(sender: SimNode): void {
    if (this.waiting[sender.index]) return;
    this.waiting[sender.index] = 1;
    this.waiters.pushBack(sender.index);
    this.onWaiterAdded(sender);
  }

  protected onWaiterAdded(_sender: SimNode): void {}

  protected isWaiting(sender: number): boolean {
    return this.waiting[sender] === 1;
  }

  /** Takes a sender off the waiting list (it no longer waits for this node). */
  cancelWait(sender: SimNode): void {
    this.removeWaiter(sender.index);
  }

  protected removeWaiter(sender: number): void {
    if (!this.waiting[sender]) return;
    this.waiting[sender] = 0;
    for (let i = 0; i < this.waiters.length; i++) {
      if (this.waiters.at(i) === sender) {
        this.waiters.removeAt(i);
        return;
      }
    }
  }

  /** Whether an offer now would be accepted or refused rather than told BUSY. */
  protected hasRoom(): boolean {
    return false;
  }

  /**
   * Lets waiting senders in, oldest first, while there is room. A sender offers one item per
   * turn and queues up again if it has more, so several waiting senders share the room fairly.
   */
  protected wakeWaiters(): void {
    const nodes = this.sim.nodes;
    while (this.waiters.length > 0 && this.hasRoom()) {
      const s = this.waiters.popFront();
      this.waiting[s] = 0;
      nodes[s]!.onReady(this);
    }
  }

  /** Common snapshot fields. */
  protected writeCommon(w: NodeSnapshotWriter, kind: number): void {
    w.set(F.kind, kind);
    w.set(F.waitingSenders, this.waiters.length);
  }
}
