/**
 * Producer: open-loop traffic. Items arrive at `rate` per second (Poisson, evenly spaced, or in
 * on/off bursts), following the rate profile over time, with a mix of priority classes.
 *
 * Open loop means arrivals do not wait for answers. The one exception is blocking backpressure:
 * when the next hop says BUSY, the producer holds its item and stops producing until the item is
 * taken, and counts the time it was blocked (like a thread stuck in `BlockingQueue.put`).
 *
 * Closed loop (`users` set): N users each think for an exponential time (mean `thinkTimeMs`), send
 * one request, and wait for its outcome before thinking again. Load then falls as latency grows.
 * thinkTimeMs 0 is a closed load generator: each user keeps exactly one request outstanding.
 *
 * `deadlineMs` gives every item an absolute deadline that far after its creation.
 */
import { IntDeque } from '../kernel/deque';
import { Rng } from '../kernel/rng';
import { ACCEPTED, BUSY, O_REFUSED, OUTCOMES, PRIO_NORMAL } from '../kernel/protocol';
import type { Sim } from '../kernel/sim';
import { F, NODE_KIND_CODES, type NodeSnapshotWriter } from '../metrics/layout';
import type { NodeConfig, ProducerConfig } from '../scenario/schema';
import { PRIORITY_CLASSES } from '../scenario/constants';
import { SimNode } from './node';
import { RateProfile } from './rateProfile';

const ARRIVE = 0;
const USER_ARRIVE = 1;
const DEFAULT_BURST = { onMs: 1000, offMs: 1000 };


/** With thinkTimeMs 0, how long a user whose request was refused on the spot waits before the next. */
export const ZERO_THINK_RETRY_MS = 1;

export class Producer extends SimNode {
  readonly type = 'producer' as const;
  private cfg!: ProducerConfig;
  private profile!: RateProfile;
  /** Cumulative class weights, normalised to end at 1. */
  private readonly classCdf = new Float64Array(PRIORITY_CLASSES.length);
  private singleClass = 2;
  private readonly arrivals: Rng;
  private readonly classes: Rng;
  /** Bumped by every live edit: a scheduled arrival from before the edit is ignored. */
  private gen = 0;
  private started = false;

  /** Items the next hop had no room for yet (open loop: at most one, and production stops). */
  private readonly holding = new IntDeque(4);
  private users = 0;
  /** Users to retire (a live edit lowered `users`) at their next turn. */
  private retire = 0;
  /** Bumped when closed loop is switched off: the users' pending think-time arrivals are void. */
  private userGen = 0;
  /** Items sent by users and not yet ended: each one's outcome starts that user's next turn. */
  private readonly userItems = new Set<number>();

  produced = 0;
  accepted = 0;
  refused = 0;
  blockedMs = 0;
  /** Outcomes of this producer's items, wherever they ended (index: protocol OUTCOMES). */
  readonly outcomes = new Float64Array(OUTCOMES.length);

  constructor(sim: Sim, index: number, id: string, seed: number) {
    super(sim, index, id);
    this.arrivals = new Rng(seed, id, 'arrivals');
    this.classes = new Rng(seed, id, 'classes');
  }

  configure(config: NodeConfig): void {
    const c = config as ProducerConfig;
    this.cfg = c;
    const burst = c.arrival === 'bursty' ? (c.burst ?? DEFAULT_BURST) : null;
    this.profile = new RateProfile(c.rate, c.profile ?? [], burst);
    const mix = c.priorities ?? { normal: 1 };
    let total = 0;
    let nonZero = 0;
    PRIORITY_CLASSES.forEach((name, i) => {
      const w = mix[name] ?? 0;
      total += w;
      this.classCdf[i] = total;
      if (w > 0) {
        nonZero++;
        this.singleClass = i;
      }
    });
    for (let i = 0; i < this.classCdf.length; i++) this.classCdf[i]! /= total;
    if (nonZero > 1) this.singleClass = -1;
    const users = c.users ?? 0;
    if (this.started) {
      this.gen++; // open-loop arrivals scheduled before the edit are void
      if (users > 0) this.setUsers(users);
      else {
        if (this.users > 0) {
          // Closed loop switched off: thinking users stop now, waiting ones when answered.
          this.userGen++;
          this.retire = this.userItems.size;
          this.users = 0;
        }
        if (this.holding.length === 0) this.scheduleNext();
      }
    }
    this.users = users > 0 && !this.started ? users : this.users;
  }

  override start(): void {
    this.started = true;
    if (this.users > 0) {
      const n = this.users;
      this.users = 0;
      this.setUsers(n);
    } else this.scheduleNext();
  }

  private setUsers(n: number): void {
    if (n > this.users) {
      const extra = n - this.users - Math.min(this.retire, n - this.users);
      this.retire -= Math.min(this.retire, n - this.users);
      for (let i = 0; i < extra; i++) this.scheduleUser();
    } else this.retire += this.users - n;
    this.users = n;
  }

  /** `instant`: the user's last request ended the moment it was sent (refused on the spot). */
  private scheduleUser(instant = false): void {
    if (this.outputs.length === 0) return;
    const think = this.cfg.thinkTimeMs ?? 1000;
    // Zero think time is a load generator (wrk, JMeter without timers): the next request goes the
    // moment the previous one ends. A refusal takes no simulated time, so such a user would loop
    // at one instant for ever; it waits ZERO_THINK_RETRY_MS instead, as a real client spends at
    // least a round trip on it.
    const delay = think > 0 ? this.arrivals.exponential(think) : instant ? ZERO_THINK_RETRY_MS : 0;
    this.sim.schedule(this.sim.now + delay, PRIO_NORMAL, this.index, USER_ARRIVE, this.userGen);
  }

  private scheduleNext(): void {
    if (this.outputs.length === 0) return; // not connected: nothing to send to
    const now = this.sim.now;
    const t = this.cfg.arrival === 'constant' ? this.profile.nextConstant(now) : this.profile.nextPoisson(now, this.arrivals);
    if (t !== Infinity) this.sim.schedule(t, PRIO_NORMAL, this.index, ARRIVE, this.gen);
  }

  override handle(kind: number, arg: number): void {
    if (kind === ARRIVE && arg !== this.gen) return;
    if (kind === USER_ARRIVE) {
      if (arg !== this.userGen) return;
      if (this.retire > 0) {
        this.retire--; // this user leaves instead of sending
        return;
      }
    }
    const sim = this.sim;
    const item = sim.newItem(this.index, this.drawClass(), this.cfg.sizeBytes);
    if (item < 0) return; // the run has halted
    if (kind === USER_ARRIVE) this.userItems.add(item);
    if (this.cfg.deadlineMs !== undefined) sim.items.deadline[item] = sim.now + this.cfg.deadlineMs;
    this.produced++;
    const r = this.sendOut(item);
    if (r === BUSY) {
      this.holding.pushBack(item);
      sim.items.entered[item] = sim.now; // blocked since
      return;
    }
    this.settleOffer(item, r);
    if (kind === ARRIVE) this.scheduleNext();
  }

  private drawClass(): number {
    if (this.singleClass >= 0) return this.singleClass;
    const u = this.classes.next();
    const cdf = this.classCdf;
    for (let i = 0; i < cdf.length - 1; i++) if (u < cdf[i]!) return i;
    return cdf.length - 1;
  }

  private settleOffer(item: number, r: number): void {
    if (r === ACCEPTED) {
      this.accepted++;
    } else {
      this.refused++;
      this.sim.finishRefused(item);
    }
  }

  /** The oldest held item was taken (or refused): stop counting its blocked time. */
  private endBlock(receiver: SimNode, item: number, since: number, r: number): void {
    this.holding.popFront();
    this.blockedMs += this.sim.now - since;
    if (this.holding.length > 0) receiver.addWaiter(this);
    // Waiting on several outputs at once: leave the other waiting lists too.
    else if (this.outputs.length > 1) for (const o of this.outputs) o.cancelWait(this);
    this.settleOffer(item, r);
    if (this.users === 0) this.scheduleNext();
  }

  override onReady(receiver: SimNode): void {
    if (this.holding.length === 0) return;
    const item = this.holding.peekFront();
    const since = this.sim.items.entered[item]!; // the receiver restamps it when it takes the item
    const r = receiver.offer(item, this);
    if (r !== BUSY) this.endBlock(receiver, item, since, r);
  }

  override onWaitRefused(receiver: SimNode): void {
    if (this.holding.length === 0) return;
    const item = this.holding.peekFront();
    this.endBlock(receiver, item, this.sim.items.entered[item]!, O_REFUSED);
  }

  override onOutcome(item: number, outcome: number): void {
    this.outcomes[outcome]!++;
    if (!this.userItems.delete(item)) return;
    // Closed loop: the user that sent this item thinks, then sends the next one (or leaves).
    if (this.retire > 0) this.retire--;
    else if (this.users > 0) this.scheduleUser(this.sim.items.created[item] === this.sim.now);
  }

  held(): number {
    return this.holding.length;
  }

  private blockedNow(): number {
    let ms = this.blockedMs;
    for (let i = 0; i < this.holding.length; i++) ms += this.sim.now - this.sim.items.entered[this.holding.at(i)]!;
    return ms;
  }

  writeSnapshot(w: NodeSnapshotWriter): void {
    this.writeCommon(w, NODE_KIND_CODES.producer);
    w.set(F.level, this.holding.length);
    w.set(F.capacity, this.outputs.length > 0 ? this.profile.baseRateAt(this.sim.now) : 0);
    w.set(F.arrived, this.produced);
    w.set(F.accepted, this.accepted);
    w.set(F.rejected, this.refused);
    w.set(F.completed, this.outcomes[0]!);
    w.set(F.dropped, this.outcomes[2]!);
    w.set(F.expired, this.outcomes[3]!);
    w.set(F.failed, this.outcomes[4]!);
    w.set(F.blockedMs, this.blockedNow());
  }

  report(): Record<string, number | string | null> {
    return {
      type: 'producer',
      produced: this.produced,
      accepted: this.accepted,
      refused: this.refused,
      blockedMs: this.blockedNow(),
      completed: this.outcomes[0]!,
      refusedAnywhere: this.outcomes[1]!,
      dropped: this.outcomes[2]!,
      expired: this.outcomes[3]!,
      failed: this.outcomes[4]!,
      timedOut: this.outcomes[5]!,
    };
  }
}
