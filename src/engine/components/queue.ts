/**
 * Queue: a bounded buffer between a sender and the nodes that drain it.
 *
 * - `capacity`: items that may wait; null = unbounded; 0 = no waiting room at all: an item passes
 *   only when a slot downstream is free (Java's SynchronousQueue).
 * - `overflow` when full: `drop-newest` refuses the arriving item and tells its sender;
 *   `drop-oldest` discards the item that waited longest and takes the new one; `block` keeps the
 *   sender waiting until there is room (backpressure); `block-timeout` waits at most
 *   `blockTimeoutMs`, then refuses.
 * - `discipline`: `fifo`, `lifo` (newest first: under overload fresh work is served while stale
 *   work waits), or `priority`: the most important class first; when full the least important
 *   item is shed first; with `agingMs` an item gains one class per agingMs waited, so no class
 *   starves for ever.
 * - `maxAgeMs`: an item that waited that long expires instead of being served.
 * - `aqm`: `codel` or `adaptive-lifo` drop from the head when waits stay long (see aqm.ts);
 *   with the fifo and lifo disciplines.
 *
 * An item arriving at an empty queue whose consumer is free passes straight through (wait 0).
 */
import { IntDeque } from '../kernel/deque';
import {
  ACCEPTED,
  BUSY,
  DROPPED,
  EXPIRED,
  PRIO_NORMAL,
  R_BLOCK_TIMEOUT,
  R_CODEL,
  R_MAX_AGE,
  R_PRIORITY_SHED,
  R_QUEUE_FULL,
  REFUSED,
  type OfferResult,
} from '../kernel/protocol';
import type { Sim } from '../kernel/sim';
import { Histogram, NO_LATENCY, WindowedHistogram, windowLatency } from '../metrics/histogram';
import { F, NODE_KIND_CODES, type NodeSnapshotWriter } from '../metrics/layout';
import { TimeAverage } from '../metrics/series';
import type { NodeConfig, QueueConfig } from '../scenario/schema';
import { PRIORITY_CLASSES } from '../scenario/constants';
import { SimNode } from './node';
import { AdaptiveLifo, CoDel } from './aqm';
import { Memory, R_OOM_KILLED, R_RESTARTING, TL_OOM_KILLED, TL_RESTARTED } from './memory';

const EXPIRE = 0;
const BLOCK_TIMEOUT = 1;
const RESTART = 2;

export class Queue extends SimNode {
  readonly type = 'queue' as const;
  private cfg!: QueueConfig;
  private cap = Infinity;
  private priority = false;
  /** One lane per priority class under `priority`; lane 0 only otherwise. Oldest at the front. */
  private readonly lanes: IntDeque[] = PRIORITY_CLASSES.map(() => new IntDeque(16));
  private depth = 0;
  private expiryAt = Infinity;
  private aqm: CoDel | AdaptiveLifo | null = null;
  /** When the queue last went from empty to non-empty (adaptive LIFO's congestion test). */
  nonEmptySince = 0;
  private waitSince = new Float64Array(0);
  /** Bytes of the items waiting, against the memory limit (see memory.ts). */
  readonly mem = new Memory();

  arrived = 0;
  accepted = 0;
  rejected = 0;
  dropped = 0;
  expired = 0;
  departed = 0;
  maxDepth = 0;
  private readonly depthAvg = new TimeAverage();
  /** Wait of departed items per priority class: sum and count (Cobham's formula is per class). */
  private readonly waitSumByClass = new Float64Array(PRIORITY_CLASSES.length);
  private readonly departedByClass = new Float64Array(PRIORITY_CLASSES.length);
  private readonly wait = new Histogram();
  private readonly waitWindow = new WindowedHistogram();
  private lastWindow = { ...NO_LATENCY, depth: 0 };

  constructor(sim: Sim, index: number, id: string) {
    super(sim, index, id);
  }

  override wire(nodeCount: number): void {
    super.wire(nodeCount);
    this.waitSince = new Float64Array(nodeCount);
  }

  configure(config: NodeConfig): void {
    const c = config as QueueConfig;
    const wasPriority = this.priority;
    this.cfg = c;
    this.mem.configure(c);
    this.cap = c.capacity === null ? Infinity : c.capacity;
    this.priority = c.discipline === 'priority';
    const aqmKind = this.priority ? 'none' : (c.aqm ?? 'none');
    const target = c.aqmTargetMs ?? 5, interval = c.aqmIntervalMs ?? 100;
    this.aqm = aqmKind === 'codel' ? new CoDel(target, interval) : aqmKind === 'adaptive-lifo' ? new AdaptiveLifo(target, interval) : null;
    if (wasPriority !== this.priority && this.depth > 0) this.relane();
    if (this.depth > 0 && c.maxAgeMs !== undefined) this.scheduleExpiry();
    if (this.mem.over && !this.mem.down) this.oomKill(); // a live edit lowered the limit
    // More room (or a policy that no longer blocks) lets waiting senders in.
    this.wakeWaiters();
  }

  held(): number {
    return this.depth;
  }

  protected override hasRoom(): boolean {
    if (this.mem.down) return false;
    return this.depth < this.cap || (this.cfg.overflow !== 'block' && this.cfg.overflow !== 'block-timeout');
  }

  override offer(item: number, from: SimNode): OfferResult {
    if (this.mem.down) {
      this.arrived++;
      this.rejected++;
      this.mem.refusedWhileDown++;
      return this.sim.refuse(this.index, R_RESTARTING, this.mem.upAt - this.sim.now);
    }
    if (this.depth === 0 && this.outputs.length > 0) {
      const r = this.sendOut(item);
      if (r !== BUSY) {
        this.arrived++;
        this.accepted++;
        this.depart(item, 0, r);
        return ACCEPTED;
      }
      // BUSY: this queue is on its consumers' waiting lists now; buffer the item below.
    }
    if (this.depth < this.cap) {
      this.arrived++;
      this.accepted++;
      this.enqueue(item);
      return ACCEPTED;
    }
    return this.overflow(item, from);
  }

  private overflow(item: number, from: SimNode): OfferResult {
    const sim = this.sim;
    const policy = this.cfg.overflow;
    if (policy === 'block' || policy === 'block-timeout') {
      this.addWaiter(from);
      return BUSY;
    }
    const cls = this.sim.items.cls[item]!;
    let victim = -1;
    if (this.cap > 0) {
      if (this.priority) {
        const worst = this.worstLane();
        // Shed the least important work first; the arriving item loses ties under drop-newest.
        if (worst > cls) victim = policy === 'drop-newest' ? this.lanes[worst]!.popBack() : this.lanes[worst]!.popFront();
        else if (worst === cls && policy === 'drop-oldest') victim = this.lanes[worst]!.popFront();
      } else if (policy === 'drop-oldest') {
        victim = this.lanes[0]!.popFront();
      }
    }
    this.arrived++;
    if (victim < 0) {
      this.rejected++;
      return sim.refuse(this.index, this.priority && this.depth > 0 && this.worstLane() < cls ? R_PRIORITY_SHED : R_QUEUE_FULL);
    }
    this.depth--;
    this.mem.remove(sim.items.size[victim]!);
    this.dropped++;
    sim.finish(victim, DROPPED, this.index, this.priority ? R_PRIORITY_SHED : R_QUEUE_FULL);
    this.accepted++;
    this.enqueue(item);
    return ACCEPTED;
  }

  private worstLane(): number {
    for (let c = this.lanes.length - 1; c >= 0; c--) if (this.lanes[c]!.length > 0) return c;
    return -1;
  }

  private enqueue(item: number): void {
    const sim = this.sim;
    sim.items.entered[item] = sim.now;
    this.lanes[this.priority ? sim.items.cls[item]! : 0]!.pushBack(item);
    if (this.depth === 0) this.nonEmptySince = sim.now;
    this.depth++;
    this.depthAvg.set(sim.now, this.depth);
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    if (this.cfg.maxAgeMs !== undefined && this.expiryAt === Infinity) this.scheduleExpiry();
    this.mem.add(sim.items.size[item]!);
    if (this.mem.over) this.oomKill();
  }

  /**
   * Over the memory limit: the OOM killer ends this node. Every item it held is lost (dropped,
   * reason oom-killed); it refuses arrivals until it restarts, empty, after the restart delay.
   */
  private oomKill(): void {
    const sim = this.sim;
    const delay = this.mem.killed(sim.now, this.depth);
    sim.timeline.add(sim.now, this.index, TL_OOM_KILLED);
    for (const lane of this.lanes) {
      while (lane.length > 0) {
        const item = lane.popFront();
        this.depth--;
        this.dropped++;
        sim.finish(item, DROPPED, this.index, R_OOM_KILLED);
      }
    }
    this.depthAvg.set(sim.now, 0);
    this.expiryAt = Infinity;
    sim.schedule(sim.now + delay, PRIO_NORMAL, this.index, RESTART, 0);
  }

  /** The lane whose item goes next. */
  private nextLane(): number {
    if (!this.priority) return 0;
    const aging = this.cfg.agingMs;
    const now = this.sim.now;
    const entered = this.sim.items.entered;
    let best = -1;
    let bestRank = Infinity;
    for (let c = 0; c < this.lanes.length; c++) {
      const lane = this.lanes[c]!;
      if (lane.length === 0) continue;
      const rank = aging > 0 ? c - Math.floor((now - entered[lane.peekFront()]!) / aging) : c;
      if (rank < bestRank) {
        bestRank = rank;
        best = c;
      }
    }
    return best;
  }

  override onReady(receiver: SimNode): void {
    if (this.mem.down) return; // dead: nothing to hand on; it restarts empty
    let lifo = this.cfg.discipline === 'lifo';
    if (this.aqm !== null && this.depth > 0) {
      const newestFirst = this.aqm.beforeDequeue(this);
      if (newestFirst === true) lifo = true;
      if (this.depth < this.cap) this.wakeWaiters();
    }
    if (this.depth === 0) {
      this.passWaiters(receiver);
      return;
    }
    const lane = this.lanes[this.nextLane()]!;
    const item = lifo ? lane.peekBack() : lane.peekFront();
    const waited = this.sim.now - this.sim.items.entered[item]!; // before the receiver restamps it
    const r = receiver.offer(item, this);
    if (r === BUSY) return;
    if (lifo) lane.popBack();
    else lane.popFront();
    this.depth--;
    this.mem.remove(this.sim.items.size[item]!);
    this.depthAvg.set(this.sim.now, this.depth);
    this.depart(item, waited, r);
    if (this.depth > 0) receiver.addWaiter(this);
    this.wakeWaiters();
  }

  /**
   * Empty (or a zero-capacity hand-off) and a consumer has room: let a blocked sender's item pass
   * straight through. Each waiting sender gets one turn; stop once an item went through.
   */
  private passWaiters(receiver: SimNode): void {
    const nodes = this.sim.nodes;
    for (let turns = this.waiters.length; turns > 0 && this.waiters.length > 0; turns--) {
      const before = this.departed;
      const s = this.waiters.peekFront();
      this.removeWaiter(s);
      nodes[s]!.onReady(this);
      if (this.departed > before) break;
    }
    if (this.waiters.length > 0) receiver.addWaiter(this);
  }

  /**
   * A block-timeout receiver gave up waiting on this queue: the item this queue would hand it next
   * is refused (the receiver's refusal reason is set). Fix (found by properties.test.ts, liveness):
   * queues did not handle this, so the item stayed, the receiver counted a refusal nobody got, and
   * this queue was off the receiver's waiting list for good: with one output it never sent again.
   */
  override onWaitRefused(receiver: SimNode): void {
    if (this.depth === 0) {
      // A zero-capacity hand-off: the item waiting belongs to a sender blocked on this queue.
      if (this.waiters.length > 0) {
        const s = this.waiters.peekFront();
        this.removeWaiter(s);
        this.sim.nodes[s]!.onWaitRefused(this);
      }
      if (this.waiters.length > 0) receiver.addWaiter(this);
      return;
    }
    const lane = this.lanes[this.nextLane()]!;
    const item = this.cfg.discipline === 'lifo' ? lane.popBack() : lane.popFront();
    const waited = this.sim.now - this.sim.items.entered[item]!;
    this.depth--;
    this.mem.remove(this.sim.items.size[item]!);
    this.depthAvg.set(this.sim.now, this.depth);
    this.depart(item, waited, REFUSED);
    if (this.depth > 0) receiver.addWaiter(this);
    this.wakeWaiters();
  }

  // ---- what active queue management sees (lane 0: aqm is off under the priority discipline) ----

  get now(): number {
    return this.sim.now;
  }

  oldestWait(): number {
    const lane = this.lanes[0]!;
    return lane.length > 0 ? this.sim.now - this.sim.items.entered[lane.peekFront()]! : -1;
  }

  dropOldest(): void {
    const item = this.lanes[0]!.popFront();
    this.depth--;
    this.mem.remove(this.sim.items.size[item]!);
    this.dropped++;
    this.depthAvg.set(this.sim.now, this.depth);
    this.sim.finish(item, DROPPED, this.index, R_CODEL);
  }

  private depart(item: number, waited: number, r: OfferResult): void {
    this.departed++;
    const cls = this.sim.items.cls[item]!;
    this.waitSumByClass[cls]! += waited;
    this.departedByClass[cls]!++;
    this.wait.record(waited);
    this.waitWindow.record(waited);
    // Refused by the next hop: the item ends here (the next hop counts the refusal).
    if (r === REFUSED) this.sim.finishRefused(item);
  }

  // ---- timers ----

  protected override onWaiterAdded(sender: SimNode): void {
    if (this.cfg.overflow !== 'block-timeout') return;
    const now = this.sim.now;
    this.waitSince[sender.index] = now;
    this.sim.schedule(now + this.cfg.blockTimeoutMs, PRIO_NORMAL, this.index, BLOCK_TIMEOUT, sender.index);
  }

  private scheduleExpiry(): void {
    const maxAge = this.cfg.maxAgeMs;
    if (maxAge === undefined) return;
    let oldest = Infinity;
    const entered = this.sim.items.entered;
    for (const lane of this.lanes) if (lane.length > 0) oldest = Math.min(oldest, entered[lane.peekFront()]!);
    if (oldest === Infinity) return;
    this.expiryAt = oldest + maxAge;
    this.sim.schedule(this.expiryAt, PRIO_NORMAL, this.index, EXPIRE, 0);
  }

  override handle(kind: number, arg: number): void {
    const sim = this.sim;
    if (kind === RESTART) {
      this.mem.restarted(sim.now);
      sim.timeline.add(sim.now, this.index, TL_RESTARTED);
      this.wakeWaiters();
      return;
    }
    if (kind === BLOCK_TIMEOUT) {
      if (!this.isWaiting(arg) || sim.now < this.waitSince[arg]! + this.cfg.blockTimeoutMs) return;
      this.removeWaiter(arg);
      // Fix (found by properties.test.ts): count the refusal only if the sender really gave up an
      // item. A sender can still be on this list with nothing left for us (its item went to
      // another output, or it refused the item itself), and counting those reported refusals
      // that never happened (rejected > the items refused with reason block-timeout).
      const before = sim.reasonCounts[R_BLOCK_TIMEOUT]!;
      sim.refuse(this.index, R_BLOCK_TIMEOUT);
      sim.nodes[arg]!.onWaitRefused(this);
      if (sim.reasonCounts[R_BLOCK_TIMEOUT]! > before) {
        this.arrived++;
        this.rejected++;
      }
      return;
    }
    if (kind === EXPIRE) {
      if (sim.now < this.expiryAt) return; // superseded
      this.expiryAt = Infinity;
      const maxAge = this.cfg.maxAgeMs;
      if (maxAge === undefined) return;
      const entered = sim.items.entered;
      let any = false;
      for (const lane of this.lanes) {
        while (lane.length > 0 && entered[lane.peekFront()]! + maxAge <= sim.now) {
          const item = lane.popFront();
          this.depth--;
          this.mem.remove(sim.items.size[item]!);
          this.expired++;
          any = true;
          sim.finish(item, EXPIRED, this.index, R_MAX_AGE);
        }
      }
      this.depthAvg.set(sim.now, this.depth);
      this.scheduleExpiry();
      if (any) this.wakeWaiters();
    }
  }

  /** Discipline switched to or from priority while items wait: re-sort them into lanes. */
  private relane(): void {
    const all: number[] = [];
    for (const lane of this.lanes) while (lane.length > 0) all.push(lane.popFront());
    const entered = this.sim.items.entered;
    all.sort((a, b) => entered[a]! - entered[b]!);
    for (const item of all) this.lanes[this.priority ? this.sim.items.cls[item]! : 0]!.pushBack(item);
  }

  // ---- measurement ----



  override roll(): void {
    this.waitWindow.roll();
    const w = this.waitWindow.previous;
    this.lastWindow = { ...windowLatency(w), depth: this.depthAvg.takeWindow(this.sim.now) };
  }

  writeSnapshot(w: NodeSnapshotWriter): void {
    this.writeCommon(w, NODE_KIND_CODES.queue);
    w.set(F.level, this.depth);
    w.set(F.capacity, this.cap === Infinity ? -1 : this.cap);
    w.set(F.arrived, this.arrived);
    w.set(F.accepted, this.accepted);
    w.set(F.rejected, this.rejected);
    w.set(F.dropped, this.dropped);
    w.set(F.expired, this.expired);
    w.set(F.completed, this.departed);
    w.set(F.latP50, this.lastWindow.p50);
    w.set(F.latP99, this.lastWindow.p99);
    w.set(F.latMean, this.lastWindow.mean);
    w.set(F.utilization, this.lastWindow.depth);
    this.mem.writeSnapshot(w);
  }

  report(): Record<string, number | string | null> {
    const byClass: Record<string, number> = {};
    PRIORITY_CLASSES.forEach((c, i) => {
      if (this.departedByClass[i]! > 0) byClass[`meanWaitMs_${c}`] = this.waitSumByClass[i]! / this.departedByClass[i]!;
    });
    return {
      type: 'queue',
      capacity: this.cap === Infinity ? null : this.cap,
      arrived: this.arrived,
      accepted: this.accepted,
      rejected: this.rejected,
      dropped: this.dropped,
      expired: this.expired,
      departed: this.departed,
      depth: this.depth,
      meanDepth: this.depthAvg.mean(this.sim.now),
      maxDepth: this.maxDepth,
      meanWaitMs: this.wait.mean,
      p50WaitMs: this.wait.quantile(0.5),
      p90WaitMs: this.wait.quantile(0.9),
      p99WaitMs: this.wait.quantile(0.99),
      ...this.mem.report(),
      ...(this.priority ? byClass : {}),
    };
  }
}
