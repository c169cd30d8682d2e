/**
 * Connection pool (HikariCP): a database's max connections as admission control. An item takes a
 * connection and goes on to the node behind (the database); it holds the connection until it ends
 * there. With all `maxConnections` taken, items wait in the pool, oldest first; one that has
 * waited `acquireTimeoutMs` gives up and ends with 503 "pool-timeout" (HikariCP's
 * SQLTransientConnectionException: "Connection is not available, request timed out after
 * 30000ms"). A caller's worker that called through the pool stays busy while its call waits here,
 * as an application thread blocks in getConnection(). acquireTimeoutMs 0 waits for ever (HikariCP
 * reads connectionTimeout 0 as no timeout).
 */
import { IntDeque } from '../kernel/deque';
import { ACCEPTED, BUSY, EXPIRED, PRIO_NORMAL, REFUSED, R_NO_ROUTE, R_POOL_TIMEOUT, type OfferResult } from '../kernel/protocol';
import type { Sim } from '../kernel/sim';
import { Histogram } from '../metrics/histogram';
import { F, NODE_KIND_CODES, type NodeSnapshotWriter } from '../metrics/layout';
import type { NodeConfig } from '../scenario/schema';
import type { ConnectionPoolConfig } from '../scenario/scaling';
import { SimNode } from './node';

const ACQUIRE_TIMEOUT = 0;

export class ConnectionPool extends SimNode {
  readonly type = 'connection-pool' as const;
  private max = 10;
  private timeoutMs = 30_000;
  /** Connections taken: items passed on that have not ended. */
  inUse = 0;
  /** Items waiting for a connection, oldest first (items.entered says since when). */
  private readonly queue = new IntDeque(16);
  /** The next waiter's timeout event is scheduled for this time (Infinity: none). */
  private timerAt = Infinity;
  /** The node behind said BUSY: it calls onReady when it has room. */
  private stalled = false;

  arrived = 0;
  acquired = 0;
  timedOut = 0;
  refusedBehind = 0;
  maxWaiting = 0;
  private readonly waitTimes = new Histogram();

  constructor(sim: Sim, index: number, id: string) {
    super(sim, index, id);
  }

  configure(config: NodeConfig): void {
    const c = config as unknown as ConnectionPoolConfig;
    this.max = c.maxConnections;
    this.timeoutMs = c.acquireTimeoutMs;
    this.drain();
    this.armTimer();
  }

  held(): number {
    return this.queue.length;
  }

  override offer(item: number): OfferResult {
    if (this.outputs.length === 0) {
      this.arrived++;
      return this.sim.refuse(this.index, R_NO_ROUTE);
    }
    this.arrived++;
    if (this.queue.length === 0 && this.inUse < this.max && !this.stalled) {
      const r = this.connect(item, 0);
      if (r !== BUSY) return r;
    }
    this.queue.pushBack(item);
    this.sim.items.entered[item] = this.sim.now;
    this.maxWaiting = Math.max(this.maxWaiting, this.queue.length);
    this.armTimer();
    return ACCEPTED;
  }

  /** Takes a connection for `item` and offers it on; BUSY leaves the item with the caller. */
  private connect(item: number, waited: number): OfferResult {
    const r = this.sendOut(item);
    if (r === BUSY) {
      this.stalled = true;
      return BUSY;
    }
    this.waitTimes.record(waited);
    if (r === REFUSED) {
      this.refusedBehind++;
      return REFUSED;
    }
    this.inUse++;
    this.acquired++;
    this.sim.observe(item, this.index);
    return ACCEPTED;
  }

  /** Hands free connections to waiters, oldest first. */
  private drain(): void {
    const sim = this.sim;
    while (this.queue.length > 0 && this.inUse < this.max && !this.stalled) {
      const item = this.queue.peekFront();
      const r = this.connect(item, sim.now - sim.items.entered[item]!);
      if (r === BUSY) break;
      this.queue.popFront();
      if (r === REFUSED) sim.finishRefused(item);
    }
  }

  override onReady(): void {
    this.stalled = false;
    this.drain();
    this.armTimer();
  }

  override onObserved(): void {
    this.inUse--;
    this.drain();
    this.armTimer();
  }

  private armTimer(): void {
    if (this.queue.length === 0 || this.timeoutMs === 0) return;
    const due = this.sim.items.entered[this.queue.peekFront()]! + this.timeoutMs;
    if (due >= this.timerAt) return;
    this.timerAt = due;
    this.sim.schedule(due, PRIO_NORMAL, this.index, ACQUIRE_TIMEOUT, 0);
  }

  override handle(kind: number): void {
    if (kind !== ACQUIRE_TIMEOUT) return;
    const sim = this.sim;
    if (sim.now < this.timerAt) return; // superseded by an earlier one
    this.timerAt = Infinity;
    if (this.timeoutMs === 0) return;
    while (this.queue.length > 0 && sim.items.entered[this.queue.peekFront()]! + this.timeoutMs <= sim.now) {
      const item = this.queue.popFront();
      this.timedOut++;
      sim.finish(item, EXPIRED, this.index, R_POOL_TIMEOUT);
    }
    this.armTimer();
  }

  writeSnapshot(w: NodeSnapshotWriter): void {
    this.writeCommon(w, NODE_KIND_CODES['connection-pool']);
    w.set(F.level, this.inUse);
    w.set(F.capacity, this.max);
    w.set(F.arrived, this.arrived);
    w.set(F.accepted, this.acquired);
    w.set(F.completed, this.acquired); // what flows on: the canvas animates outflow from this field
    w.set(F.expired, this.timedOut);
    w.set(F.poolWaiting, this.queue.length);
    w.set(F.held, this.queue.length);
  }

  report(): Record<string, number | string | null> {
    return {
      type: 'connection-pool',
      maxConnections: this.max,
      acquireTimeoutMs: this.timeoutMs,
      arrived: this.arrived,
      acquired: this.acquired,
      timedOut: this.timedOut,
      refusedBehind: this.refusedBehind,
      inUse: this.inUse,
      waiting: this.queue.length,
      maxWaiting: this.maxWaiting,
      meanAcquireWaitMs: this.waitTimes.mean,
      p90AcquireWaitMs: this.waitTimes.quantile(0.9),
      p99AcquireWaitMs: this.waitTimes.quantile(0.99),
    };
  }
}
