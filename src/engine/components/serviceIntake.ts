/**
 * A service's intake: whether an arrival is taken, and where it waits for a worker.
 * - Down after an OOM kill: refused, 503 `restarting`.
 * - A worker free: it starts on the item, unless the item's deadline has passed (dropped, expired).
 * - Every worker taken: the item goes into the intake buffer (`intake`: "pull" fetches up to
 *   concurrency x (batch - 1) ahead, "push" takes whatever comes) if it has room; else the sender
 *   is told BUSY and waits (without an intake the buffer has no room at all).
 * Free workers take buffered items oldest first.
 */
import { IntDeque } from '../kernel/deque';
import { ACCEPTED, BUSY, EXPIRED, R_DEADLINE, type OfferResult } from '../kernel/protocol';
import type { ServiceConfig } from '../scenario/schema';
import { R_RESTARTING, type Memory } from './memory';
import type { SimNode } from './node';
import type { Workers } from './serviceWorkers';

/** The service taking items in. */
export interface Admitting extends SimNode {
  readonly workers: Workers;
  readonly mem: Memory;
  /** Workers in all (none while down for a restart). */
  readonly workerCount: number;
  /** Over the memory limit: the OOM killer ends the service. */
  oomKill(): void;
}

export class Intake {
  /** Items accepted and not yet started, oldest first. */
  readonly buffer = new IntDeque(8);
  /** Room in the buffer: 0 without an intake, concurrency x (batch - 1) under pull, unbounded under push. */
  room = 0;
  arrived = 0;
  /** Items that arrived after their deadline and were dropped unserved. */
  expired = 0;
  private cfg!: ServiceConfig;

  constructor(private readonly service: Admitting) {}

  configure(c: ServiceConfig, replicas: number): void {
    this.room = c.intake?.mode === 'push' ? Infinity : c.intake?.mode === 'pull' ? c.concurrency * replicas * (c.intake.batch - 1) : 0;
    this.cfg = c;
  }

  /** Whether an offer now would be taken (rather than told BUSY). */
  hasRoom(): boolean {
    const s = this.service;
    return !s.mem.down && s.workers.taken() + this.buffer.length < s.workerCount + this.room;
  }

  /** Most items inside at once, workers and buffer (null: unbounded). */
  limit(): number | null {
    return this.room === Infinity ? null : this.service.workerCount + this.room;
  }

  offer(item: number, from: SimNode): OfferResult {
    const s = this.service;
    const sim = s.sim;
    if (s.mem.down) {
      s.mem.refusedWhileDown++;
      return sim.refuse(s.index, R_RESTARTING, s.mem.upAt - sim.now);
    }
    if (s.workers.taken() >= s.workerCount) {
      if (this.buffer.length >= this.room) {
        s.addWaiter(from);
        return BUSY;
      }
      // Fetched into the intake buffer: a worker takes it when one is free.
      this.arrived++;
      sim.items.entered[item] = sim.now;
      this.buffer.pushBack(item);
      s.mem.add(sim.items.size[item]!);
      if (s.mem.over) s.oomKill();
      return ACCEPTED;
    }
    this.arrived++;
    if (this.expiredOnArrival(item)) return ACCEPTED;
    s.mem.add(sim.items.size[item]!);
    s.workers.begin(item);
    if (s.mem.over) s.oomKill();
    return ACCEPTED;
  }

  /** Free workers take items from the buffer. */
  startBuffered(): void {
    const s = this.service;
    const sim = s.sim;
    while (this.buffer.length > 0 && s.workers.taken() < s.workerCount && !s.mem.down) {
      const item = this.buffer.popFront();
      const size = sim.items.size[item]!;
      if (this.expiredOnArrival(item)) {
        s.mem.remove(size);
        continue;
      }
      s.workers.begin(item);
    }
  }

  /** Nobody waits for this answer any more: drop it rather than serve it. */
  private expiredOnArrival(item: number): boolean {
    const sim = this.service.sim;
    if (this.cfg.honorDeadlines === false || sim.now < sim.items.deadline[item]!) return false;
    this.expired++;
    sim.finish(item, EXPIRED, this.service.index, R_DEADLINE);
    return true;
  }
}
