/**
 * A service handing its finished items on to the next stage. A worker whose item the next stage
 * has no room for keeps holding it, and its slot, until that stage has room (onReady) or gives up
 * on it (onWaitRefused, a block timeout): a slow stage backs up every stage above it.
 */
import { BUSY, DROPPED, O_REFUSED, type OfferResult } from '../kernel/protocol';
import { R_OOM_KILLED, type Memory } from './memory';
import type { SimNode } from './node';
import type { Workers } from './serviceWorkers';

/** handOn: the node was killed while offering the item, and it is lost with it. */
export const LOST = -1;

/** The service handing items on. */
export interface HandingOn extends SimNode {
  readonly workers: Workers;
  readonly mem: Memory;
  /** Offers the item to the outputs in turn (SimNode.sendOut). */
  sendOn(item: number): OfferResult;
  /** Over the memory limit: the OOM killer ends the service. */
  oomKill(): void;
  /** The next stage took the item, or refused it (then it ends here); its bytes are already off the books. */
  handedOver(item: number, spent: number, r: OfferResult): void;
  /** A worker came free: it takes the next item. */
  slotFreed(): void;
}

/**
 * Offers a finished item to the next stage (`to`, or the outputs in turn), its worker's slot kept
 * while it does. The offer can run the service again before it returns (a flow-controlled edge
 * that accepts the item wakes its senders, and the service takes new work); so while the offer
 * runs the item is off the memory books and out of the holding list, and an OOM kill in that
 * time cannot lose it, nor can the item be taken from holding twice. Fix (found by
 * memory.test.ts's property): the item was still counted and the kill zeroed the books, so
 * taking it off them afterwards drove memory negative.
 * Refused (BUSY): the item goes back to the front (`to` given) or the end of the holding list,
 * or, if the service was killed meanwhile, it is lost with it (LOST).
 */
export function handOn(s: HandingOn, item: number, to: SimNode | null): OfferResult | typeof LOST {
  const sim = s.sim;
  const w = s.workers;
  const size = sim.items.size[item]!;
  const epoch = w.epoch;
  w.sending++;
  s.mem.remove(size);
  const r = to === null ? s.sendOn(item) : to.offer(item, s);
  w.sending--;
  if (r !== BUSY) return r;
  if (w.epoch !== epoch) {
    s.mem.lostItems++;
    s.mem.lostBytes += size;
    sim.finish(item, DROPPED, s.index, R_OOM_KILLED);
    return LOST;
  }
  if (to === null) w.holding.pushBack(item);
  else w.holding.pushFront(item);
  w.held.set(sim.now, w.holding.length);
  s.mem.add(size);
  if (s.mem.over) s.oomKill();
  return r;
}

/** The next stage has room: the oldest held item goes to it. */
export function handOnHeld(s: HandingOn, receiver: SimNode): void {
  const w = s.workers;
  if (w.holding.length === 0) return;
  const sim = s.sim;
  const item = w.holding.popFront();
  w.held.set(sim.now, w.holding.length);
  const spent = sim.now - sim.items.entered[item]!;
  const r = handOn(s, item, receiver);
  if (r === BUSY) return;
  if (r !== LOST) s.handedOver(item, spent, r);
  if (w.holding.length > 0) receiver.addWaiter(s);
  s.slotFreed();
}

/** The next stage gave up on the service: the oldest held item is refused. */
export function refuseHeld(s: HandingOn, receiver: SimNode): void {
  const w = s.workers;
  if (w.holding.length === 0) return;
  const sim = s.sim;
  const item = w.holding.popFront();
  w.held.set(sim.now, w.holding.length);
  s.mem.remove(sim.items.size[item]!);
  s.handedOver(item, sim.now - sim.items.entered[item]!, O_REFUSED);
  // Fix (found by properties.test.ts, liveness): the receiver took this service off its
  // waiting list; with more finished items held, wait for it again (a fresh timeout for the
  // next item), as handOnHeld does. Before, those items and their workers were stuck for good.
  if (w.holding.length > 0) receiver.addWaiter(s);
  s.slotFreed();
}
