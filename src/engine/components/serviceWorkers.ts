/**
 * A service's workers: how many are taken and by what (serving an item, waiting for a call's
 * answer, holding a finished item for the next stage, or handing one on right now), how long each
 * item's service takes (`serviceTime`), and the worker-ms they were busy, held and available.
 *
 * Where restarts or OOM kills can happen the items in service are tracked, so a kill can end them;
 * their DONE event then carries the epoch (the count of kills so far) they started in, and one from
 * before the latest kill is stale.
 */
import { IntDeque } from '../kernel/deque';
import { PRIO_NORMAL } from '../kernel/protocol';
import type { Rng } from '../kernel/rng';
import type { Sim } from '../kernel/sim';
import { TimeAverage } from '../metrics/series';
import type { ServiceConfig } from '../scenario/schema';
import { makeSampler, moments, type Sampler } from './distributions';
import { ItemSet } from './memory';

/** A worker is done serving an item (untracked). */
export const DONE = 0;
/** A tracked item's DONE: DONE_TRACKED + the epoch it started in. */
export const DONE_TRACKED = 1000;

export class Workers {
  /** Workers serving an item. */
  working = 0;
  /** Workers waiting for the answer to a call. */
  calling = 0;
  /** Finished items being offered to the next stage right now (serviceHandOn.ts): each still holds its worker. */
  sending = 0;
  /** Finished items whose next stage has no room yet, oldest first; each holds a worker. */
  readonly holding = new IntDeque(8);
  /** Kills so far (restarts and OOM kills): a DONE from an earlier epoch is stale. */
  epoch = 0;
  /** Items a worker started on, and the service time drawn for them, ms. */
  started = 0;
  serviceSum = 0;
  /** The mean of `serviceTime`, ms. */
  meanServiceMs = 0;
  /** Worker-ms: taken, available, and held by a finished item. */
  readonly busy = new TimeAverage();
  readonly slots = new TimeAverage();
  readonly held = new TimeAverage();
  private sampler!: Sampler;
  /** Items in service when kills can happen, so a kill can end them. */
  private tracked: ItemSet | null = null;

  constructor(
    private readonly sim: Sim,
    private readonly index: number,
    private readonly times: Rng,
  ) {}

  /** `count` workers in all; `track`: kills can happen, so the items in service are tracked. */
  configure(c: ServiceConfig, count: number, track: boolean): void {
    this.sampler = makeSampler(c.serviceTime, this.times);
    this.meanServiceMs = moments(c.serviceTime).mean;
    this.slots.set(this.sim.now, count);
    if (track && !this.tracked) this.tracked = new ItemSet();
  }

  /** Workers taken: serving, waiting for a call's answer, or holding a finished item. */
  taken(): number {
    return this.working + this.calling + this.holding.length + this.sending;
  }

  /** A worker starts on the item: its service time is drawn and its DONE scheduled. */
  begin(item: number): void {
    const sim = this.sim;
    this.working++;
    this.started++;
    this.busy.set(sim.now, this.taken());
    sim.items.entered[item] = sim.now;
    const s = this.sampler();
    this.serviceSum += s;
    if (this.tracked) {
      this.tracked.add(item);
      sim.schedule(sim.now + s, PRIO_NORMAL, this.index, DONE_TRACKED + this.epoch, item);
    } else sim.schedule(sim.now + s, PRIO_NORMAL, this.index, DONE, item);
  }

  /** A DONE event (`kind` DONE or DONE_TRACKED + epoch): false if stale, the item lost to a kill since. */
  done(kind: number, item: number): boolean {
    if (kind >= DONE_TRACKED) {
      if (kind - DONE_TRACKED !== this.epoch) return false;
      this.tracked!.delete(item);
    }
    this.working--;
    return true;
  }

  /** A kill: the items in service and those held for the next stage, which the caller ends. */
  evict(): number[] {
    this.epoch++;
    const lost = this.tracked ? [...this.tracked] : [];
    this.tracked?.clear();
    this.working -= lost.length;
    while (this.holding.length > 0) lost.push(this.holding.popFront());
    this.held.set(this.sim.now, 0);
    return lost;
  }

  /** Busy over available worker time since the start. */
  utilization(): number {
    const now = this.sim.now;
    const slots = this.slots.area(now);
    return slots > 0 ? this.busy.area(now) / slots : 0;
  }

  /** Busy over available worker time in the window that ends now; starts the next window. */
  takeWindowUtilization(): number {
    const now = this.sim.now;
    const slots = this.slots.takeWindow(now);
    return slots > 0 ? this.busy.takeWindow(now) / slots : 0;
  }
}
