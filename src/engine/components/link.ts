/**
 * Network link: a path with latency, like Linux's `tc qdisc ... netem delay D J limit N`.
 *
 * It takes every item it has room for (it owns them while they travel) and holds each for its
 * own delay, `delayMs`, or with `jitterMs` a delay uniform in [delay - jitter, delay + jitter]
 * drawn from the node's own random stream, so items can overtake each other as netem reorders
 * with jitter. An item arriving while `limit` items are held is refused at once (link-full, 503),
 * as netem drops packets over its limit.
 *
 * At the far end an item is offered to the outputs (round robin). On BUSY it waits there, in the
 * order items reached the far end and still counted against `limit`, and is offered again when
 * the next hop has room (onReady). On REFUSED it ends with the next hop's refusal. With no
 * output every item is refused (no-route).
 */
import { IntDeque } from '../kernel/deque';
import { ACCEPTED, BUSY, PRIO_NORMAL, R_LINK_FULL, R_NO_ROUTE, type OfferResult } from '../kernel/protocol';
import { Rng } from '../kernel/rng';
import type { Sim } from '../kernel/sim';
import { F, NODE_KIND_CODES, type NodeSnapshotWriter } from '../metrics/layout';
import { TimeAverage } from '../metrics/series';
import type { NodeConfig } from '../scenario/schema';
import type { LinkConfig } from '../scenario/network';
import { SimNode } from './node';

/** handle(): an item's delay has passed (arg: the item). */
const ARRIVE = 0;

export class Link extends SimNode {
  readonly type = 'link' as const;
  private delayMs = 50;
  private jitterMs = 0;
  private limit = 1000;
  private readonly delays: Rng;

  arrived = 0;
  accepted = 0;
  delivered = 0;
  /** Refused at the door: link full, or no route. */
  refused = 0;
  /** Travelled, then refused by the next hop (they end with its reason). */
  refusedOnward = 0;
  /** Items travelling (their delay not yet over). */
  private travelling = 0;
  /** Items at the far end waiting for the next hop to have room, in the order they got there. */
  private readonly atFarEnd = new IntDeque(16);
  private readonly heldAvg = new TimeAverage();
  private readonly travellingAvg = new TimeAverage();

  constructor(sim: Sim, index: number, id: string, seed: number) {
    super(sim, index, id);
    this.delays = new Rng(seed, id, 'delays');
  }

  configure(config: NodeConfig): void {
    const c = config as unknown as LinkConfig;
    this.delayMs = c.delayMs;
    this.jitterMs = c.jitterMs;
    this.limit = c.limit;
  }

  override offer(item: number, _from: SimNode): OfferResult {
    const sim = this.sim;
    this.arrived++;
    if (this.outputs.length === 0) {
      this.refused++;
      return sim.refuse(this.index, R_NO_ROUTE);
    }
    if (this.held() >= this.limit) {
      this.refused++;
      return sim.refuse(this.index, R_LINK_FULL);
    }
    this.accepted++;
    const j = this.jitterMs;
    const delay = j > 0 ? this.delayMs - j + 2 * j * this.delays.next() : this.delayMs;
    this.travelling++;
    this.levels();
    sim.schedule(sim.now + delay, PRIO_NORMAL, this.index, ARRIVE, item);
    return ACCEPTED;
  }

  override handle(kind: number, item: number): void {
    if (kind !== ARRIVE) return;
    this.travelling--;
    if (this.atFarEnd.length > 0) {
      // Others got here first and are waiting for room: this one waits behind them.
      this.atFarEnd.pushBack(item);
      this.levels();
      return;
    }
    const r = this.sendOut(item);
    if (r === BUSY) this.atFarEnd.pushBack(item);
    else this.handedOver(item, r);
    this.levels();
  }

  override onReady(receiver: SimNode): void {
    if (this.atFarEnd.length === 0) return;
    const item = this.atFarEnd.popFront();
    const r = receiver.offer(item, this);
    if (r === BUSY) {
      this.atFarEnd.pushFront(item);
      return;
    }
    this.handedOver(item, r);
    this.levels();
    if (this.atFarEnd.length > 0) receiver.addWaiter(this);
  }

  /** A next hop that kept this link waiting gave up on it (block timeout): the first waiting item ends refused. */
  override onWaitRefused(receiver: SimNode): void {
    if (this.atFarEnd.length === 0) return;
    this.refusedOnward++;
    this.sim.finishRefused(this.atFarEnd.popFront());
    this.levels();
    if (this.atFarEnd.length > 0) receiver.addWaiter(this);
  }

  /** The next hop took the item, or refused it: then it ends here with the next hop's reason. */
  private handedOver(item: number, r: OfferResult): void {
    if (r === ACCEPTED) this.delivered++;
    else {
      this.refusedOnward++;
      this.sim.finishRefused(item);
    }
  }

  private levels(): void {
    const now = this.sim.now;
    this.heldAvg.set(now, this.held());
    this.travellingAvg.set(now, this.travelling);
  }

  held(): number {
    return this.travelling + this.atFarEnd.length;
  }

  writeSnapshot(w: NodeSnapshotWriter): void {
    this.writeCommon(w, NODE_KIND_CODES.link);
    w.set(F.arrived, this.arrived);
    w.set(F.accepted, this.accepted);
    w.set(F.completed, this.delivered); // what flows on: the canvas animates outflow from this field
    w.set(F.rejected, this.refused);
    w.set(F.level, this.held());
    w.set(F.capacity, this.limit);
    w.set(F.held, this.atFarEnd.length);
  }

  report(): Record<string, number | string | null> {
    const now = this.sim.now;
    return {
      type: 'link',
      arrived: this.arrived,
      accepted: this.accepted,
      delivered: this.delivered,
      refused: this.refused,
      refusedOnward: this.refusedOnward,
      held: this.held(),
      waiting: this.atFarEnd.length,
      meanHeld: this.heldAvg.mean(now),
      meanInFlight: this.travellingAvg.mean(now),
      delayMs: this.delayMs,
      jitterMs: this.jitterMs,
      limit: this.limit,
    };
  }
}
