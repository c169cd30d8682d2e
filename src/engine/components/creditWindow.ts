/**
 * Credit-based flow control on an edge: the receiver grants a window and the sender may not
 * exceed it. A slow reader stops granting, the window closes, and the sender blocks (it is told
 * BUSY and waits, kernel/protocol.ts), so backpressure travels upstream without anything dropped.
 *
 * The receiving end of a flow-controlled edge is a `FlowWindow`: it holds what was sent and not
 * yet taken by the receiving node (the receive buffer) and gives credit back as the receiving node
 * takes items, mode by mode (shared/reference/SEMANTICS.md, "Flow control"):
 * - `http2` (RFC 9113 section 5.2, 6.9): a stream window and a connection window in bytes, both
 *   65,535 initially; the sender may send an item only if both windows cover it; the receiver sends
 *   WINDOW_UPDATE once it has consumed `updateThreshold` of a window (nghttp2 and Go: half; gRPC-Go:
 *   a quarter). An increment of 0 is a PROTOCOL_ERROR; a window above 2^31-1 is a FLOW_CONTROL_ERROR.
 * - `tcp`: the receive window (free buffer space) rides on every ACK; the receiver advertises a
 *   larger window only once it grew by min(MSS, buffer/2) (RFC 1122 4.2.3.3, receiver-side silly
 *   window avoidance). A sender stalled on a window too small for its next segment sends zero-window
 *   probes on the persist timer (first after `probeMs`, doubling up to 60 s, RFC 9293 3.8.6.1); the
 *   probe's ACK carries the true window.
 * - `reactive-streams` (Reactive Streams 1.0.4, Reactor's publishOn): the subscriber calls
 *   request(prefetch) up front and request(n) again once it has consumed `replenishAt` of it (75%:
 *   Reactor's limit = prefetch - prefetch/4); the publisher emits onNext only within demand (1.1);
 *   request(n) with n <= 0 is an error (3.9); demand saturates at 2^63-1, i.e. unbounded (3.17).
 * - `node-stream` (Node.js Writable): write() accepts the item but returns false once
 *   `highWaterMark` items are buffered (16 in objectMode); a well-behaved sender then waits for
 *   'drain', emitted when the buffer has emptied.
 *
 * Items bigger than a byte window are sent in pieces as credit arrives in the real protocols; here
 * an item is charged at most one full window, so it can always go once the window is fully open.
 */
import { IntDeque } from '../kernel/deque';
import { ACCEPTED, BUSY, PRIO_NORMAL, REFUSED, type OfferResult } from '../kernel/protocol';
import type { Sim } from '../kernel/sim';
import { F, FLOW_MODE_CODES, NODE_KIND_CODES, type NodeSnapshotWriter } from '../metrics/layout';
import { HTTP2_INITIAL_WINDOW, MAX_WINDOW, type FlowConfig } from '../scenario/flow';
import { SimNode } from './node';

// ---- the protocols' own rules, as small pure parts (tested on their own) ----

export type WindowError = 'PROTOCOL_ERROR' | 'FLOW_CONTROL_ERROR';

/** One HTTP/2 flow-control window as the sender sees it (RFC 9113 6.9). */
export class Http2Window {
  constructor(public available: number = HTTP2_INITIAL_WINDOW) {}

  /** The sender spends credit on DATA; spending more than is available is a bug of the sender. */
  spend(bytes: number): void {
    if (bytes > this.available) throw new Error(`flow control: ${bytes} bytes exceed the window of ${this.available}`);
    this.available -= bytes;
  }

  /** A WINDOW_UPDATE arrived: the error the receiver of the frame must signal, or null. */
  update(increment: number): WindowError | null {
    // RFC 9113 6.9: "A receiver MUST treat the receipt of a WINDOW_UPDATE frame with a flow-control window increment of 0 as a stream error of type PROTOCOL_ERROR".
    if (increment <= 0 || !Number.isInteger(increment) || increment > MAX_WINDOW) return 'PROTOCOL_ERROR';
    // 6.9.1: "A sender MUST NOT allow a flow-control window to exceed 2^31-1 octets."
    if (this.available + increment > MAX_WINDOW) return 'FLOW_CONTROL_ERROR';
    this.available += increment;
    return null;
  }
}

/** The receiver's side: bytes consumed since its last WINDOW_UPDATE, sent once past the threshold. */
export class WindowUpdater {
  unacked = 0;
  constructor(
    readonly size: number,
    readonly threshold: number,
  ) {}

  /** The application consumed `bytes`: the WINDOW_UPDATE increment to send now, or 0. */
  consumed(bytes: number): number {
    this.unacked += bytes;
    if (this.unacked < this.threshold * this.size) return 0;
    const inc = this.unacked;
    this.unacked = 0;
    return inc;
  }
}

/** Long.MAX_VALUE: demand this large is unbounded (Reactive Streams 3.17). */
export const UNBOUNDED_DEMAND = Number.MAX_SAFE_INTEGER;

/** A Reactive Streams subscription's demand, as the publisher keeps it. */
export class Subscription {
  demand = 0;
  delivered = 0;
  requested = 0;
  /** The error signalled to the subscriber (rule 3.9), once. */
  error: string | null = null;
  cancelled = false;

  /** Subscriber: request(n). Rule 3.9: n <= 0 signals onError(IllegalArgumentException) and ends the subscription. */
  request(n: number): void {
    if (this.cancelled) return;
    if (!(n > 0)) {
      this.error = `IllegalArgumentException: §3.9 violated: positive request amount required but it was ${n}`;
      this.cancelled = true;
      this.demand = 0;
      return;
    }
    this.requested += n;
    // 3.8 adds to demand; 3.17: demand reaching 2^63-1 is treated as "effectively unbounded".
    this.demand = Math.min(UNBOUNDED_DEMAND, this.demand + n);
  }

  /** Publisher: may it signal onNext now? Rule 1.1: onNext <= total requested. */
  get mayEmit(): boolean {
    return !this.cancelled && this.demand > 0;
  }

  onNext(): void {
    if (!this.mayEmit) throw new Error('§1.1 violated: onNext without outstanding demand');
    if (this.demand !== UNBOUNDED_DEMAND) this.demand--;
    this.delivered++;
  }
}

/** Zero-window probes: at most one a minute once backed off (Linux: TCP_RTO_MAX is 120 s; 60 s is RFC 6298's upper bound). */
const MAX_PROBE_MS = 60_000;
const PROBE = 0;

/**
 * The receiving end of a flow-controlled edge. It sits between the sender and the receiving
 * node: the sender offers to it under the window; it hands items to the receiving node as that
 * node has room, and gives the window back as items are taken (the reader "consumes" them).
 */
export class FlowWindow extends SimNode {
  readonly type = 'flow-window' as const;
  private readonly buffer = new IntDeque(16);
  private readonly costs = new IntDeque(16);
  /** Receive buffer in the window's units (bytes, or items). */
  bufferedUnits = 0;
  private readonly inBytes: boolean;
  /** The full window, in its units. */
  readonly size: number;

  // http2
  private stream: Http2Window | null = null;
  private conn: Http2Window | null = null;
  private streamUpdater: WindowUpdater | null = null;
  private connUpdater: WindowUpdater | null = null;
  // tcp: the window the sender last heard of, minus what it sent since
  private sndWnd = 0;
  private mss = 1460;
  private probeBase = 200;
  private probeDelay = 0;
  private probing = false;
  // reactive streams
  private sub: Subscription | null = null;
  private limit = 0;
  private consumedSinceRequest = 0;
  // node streams
  private needDrain = false;

  sent = 0;
  /** WINDOW_UPDATE frames, window-update ACKs, request(n) calls or 'drain' events. */
  updates = 0;
  probes = 0;
  /** Times the sender found the window too small and had to wait. */
  stalls = 0;
  /** Peak of the receive buffer. */
  maxBuffered = 0;

  constructor(
    sim: Sim,
    index: number,
    id: string,
    readonly cfg: FlowConfig,
    readonly receiver: SimNode,
  ) {
    super(sim, index, id);
    this.outputs.push(receiver);
    switch (cfg.mode) {
      case 'http2':
        this.inBytes = true;
        this.stream = new Http2Window(cfg.streamWindowBytes);
        this.conn = new Http2Window(cfg.connectionWindowBytes);
        this.streamUpdater = new WindowUpdater(cfg.streamWindowBytes, cfg.updateThreshold);
        this.connUpdater = new WindowUpdater(cfg.connectionWindowBytes, cfg.updateThreshold);
        this.size = Math.min(cfg.streamWindowBytes, cfg.connectionWindowBytes);
        break;
      case 'tcp':
        this.inBytes = true;
        this.size = cfg.receiveWindowBytes;
        this.sndWnd = cfg.receiveWindowBytes;
        this.mss = cfg.mssBytes;
        this.probeBase = cfg.probeMs;
        break;
      case 'reactive-streams':
        this.inBytes = false;
        this.size = cfg.prefetch;
        this.sub = new Subscription();
        this.sub.request(cfg.prefetch);
        this.updates++;
        // Reactor: limit = prefetch - (prefetch >> 2) for 75%.
        this.limit = Math.max(1, cfg.replenishAt === 0.75 ? cfg.prefetch - (cfg.prefetch >> 2) : Math.round(cfg.prefetch * cfg.replenishAt));
        break;
      case 'node-stream':
        this.inBytes = false;
        this.size = cfg.highWaterMark;
        break;
    }
  }

  configure(): void {}

  held(): number {
    return this.buffer.length;
  }

  /** Credit the sender has now, in the window's units. */
  credit(): number {
    switch (this.cfg.mode) {
      case 'http2':
        return Math.min(this.stream!.available, this.conn!.available);
      case 'tcp':
        return this.sndWnd;
      case 'reactive-streams':
        return this.sub!.demand;
      case 'node-stream':
        return this.needDrain ? 0 : this.size - this.bufferedUnits;
    }
  }

  private cost(item: number): number {
    return this.inBytes ? Math.min(this.sim.items.size[item]!, this.size) : 1;
  }

  protected override hasRoom(): boolean {
    return this.credit() > 0;
  }

  override offer(item: number, from: SimNode): OfferResult {
    const cost = this.cost(item);
    if (!this.mayAccept(cost)) {
      this.stalls++;
      this.addWaiter(from);
      if (this.cfg.mode === 'tcp') this.startProbing();
      return BUSY;
    }
    this.charge(cost);
    this.sent++;
    this.buffer.pushBack(item);
    this.costs.pushBack(cost);
    this.bufferedUnits += cost;
    if (this.bufferedUnits > this.maxBuffered) this.maxBuffered = this.bufferedUnits;
    this.sim.items.entered[item] = this.sim.now;
    this.deliver();
    return ACCEPTED;
  }

  private mayAccept(cost: number): boolean {
    switch (this.cfg.mode) {
      case 'http2':
        return cost <= this.stream!.available && cost <= this.conn!.available;
      case 'tcp':
        return cost <= this.sndWnd;
      case 'reactive-streams':
        return this.sub!.mayEmit;
      case 'node-stream':
        // write() is refused only after it returned false: a well-behaved writer waits for 'drain'.
        return !this.needDrain;
    }
  }

  private charge(cost: number): void {
    switch (this.cfg.mode) {
      case 'http2':
        this.stream!.spend(cost);
        this.conn!.spend(cost);
        break;
      case 'tcp':
        this.sndWnd -= cost;
        break;
      case 'reactive-streams':
        this.sub!.onNext();
        break;
      case 'node-stream':
        // write() returns false once the buffer reaches highWaterMark.
        if (this.bufferedUnits + cost >= this.size) this.needDrain = true;
        break;
    }
  }

  /** Hands buffered items to the receiving node while it takes them. */
  private deliver(): void {
    const sim = this.sim;
    let freed = false;
    while (this.buffer.length > 0) {
      const item = this.buffer.peekFront();
      const r = this.receiver.offer(item, this);
      if (r === BUSY) break; // on the receiver's waiting list now
      this.buffer.popFront();
      const cost = this.costs.popFront();
      this.bufferedUnits -= cost;
      if (r === REFUSED) sim.finishRefused(item);
      if (this.consumed(cost)) freed = true;
    }
    if (freed) this.wakeWaiters();
  }

  /** The reader took `cost` units: give credit back as the mode does. True if the sender got credit. */
  private consumed(cost: number): boolean {
    switch (this.cfg.mode) {
      case 'http2': {
        let granted = false;
        const s = this.streamUpdater!.consumed(cost);
        if (s > 0 && this.stream!.update(s) === null) {
          this.updates++;
          granted = true;
        }
        const c = this.connUpdater!.consumed(cost);
        if (c > 0 && this.conn!.update(c) === null) {
          this.updates++;
          granted = true;
        }
        return granted;
      }
      case 'tcp': {
        // Receiver-side SWS avoidance: advertise a larger window only once it grew by min(MSS, buffer/2).
        const free = this.size - this.bufferedUnits;
        if (free - this.sndWnd >= Math.min(this.mss, this.size / 2)) {
          this.sndWnd = free;
          this.updates++;
          this.stopProbing();
          return true;
        }
        return false;
      }
      case 'reactive-streams': {
        this.consumedSinceRequest++;
        if (this.consumedSinceRequest < this.limit) return false;
        this.sub!.request(this.consumedSinceRequest);
        this.consumedSinceRequest = 0;
        this.updates++;
        return true;
      }
      case 'node-stream':
        if (this.needDrain && this.bufferedUnits === 0) {
          this.needDrain = false;
          this.updates++; // 'drain'
          return true;
        }
        return false;
    }
  }

  override onReady(_receiver: SimNode): void {
    this.deliver();
  }

  /** The receiving node gave up on the item it was to take next (a block timeout). */
  override onWaitRefused(_receiver: SimNode): void {
    if (this.buffer.length === 0) return;
    const item = this.buffer.popFront();
    const cost = this.costs.popFront();
    this.bufferedUnits -= cost;
    this.sim.finishRefused(item);
    const freed = this.consumed(cost);
    if (this.buffer.length > 0) this.receiver.addWaiter(this);
    if (freed) this.wakeWaiters();
  }

  /** Each waiting sender gets one turn (its next item may still not fit): no endless loop. */
  protected override wakeWaiters(): void {
    const nodes = this.sim.nodes;
    for (let turns = this.waiters.length; turns > 0 && this.waiters.length > 0 && this.hasRoom(); turns--) {
      const s = this.waiters.peekFront();
      this.removeWaiter(s);
      nodes[s]!.onReady(this);
    }
  }

  // ---- TCP persist timer ----

  private startProbing(): void {
    if (this.probing) return;
    this.probing = true;
    this.probeDelay = this.probeBase;
    this.sim.schedule(this.sim.now + this.probeDelay, PRIO_NORMAL, this.index, PROBE, 0);
  }

  private stopProbing(): void {
    this.probing = false;
  }

  override handle(kind: number): void {
    if (kind !== PROBE || !this.probing) return;
    if (this.waiters.length === 0) {
      this.probing = false;
      return;
    }
    this.probes++;
    // The probe's ACK carries the receiver's true window.
    const free = this.size - this.bufferedUnits;
    if (free > this.sndWnd) {
      this.sndWnd = free;
      this.wakeWaiters();
    }
    if (this.waiters.length === 0) {
      this.probing = false;
      return;
    }
    this.probeDelay = Math.min(MAX_PROBE_MS, this.probeDelay * 2);
    this.sim.schedule(this.sim.now + this.probeDelay, PRIO_NORMAL, this.index, PROBE, 0);
  }

  // ---- measurement ----

  writeSnapshot(w: NodeSnapshotWriter): void {
    this.writeCommon(w, NODE_KIND_CODES['flow-window']);
    w.set(F.level, this.credit());
    w.set(F.capacity, this.size);
    w.set(F.held, this.buffer.length);
    w.set(F.arrived, this.sent);
    w.set(F.completed, this.sent - this.buffer.length);
    w.set(F.windowMode, FLOW_MODE_CODES[this.cfg.mode]);
    w.set(F.windowBuffered, this.bufferedUnits);
    w.set(F.windowUpdates, this.updates);
    w.set(F.windowProbes, this.probes);
    w.set(F.windowStalls, this.stalls);
  }

  report(): Record<string, number | string | null> {
    return {
      type: 'flow-window',
      mode: this.cfg.mode,
      window: this.size,
      unit: this.inBytes ? 'bytes' : 'items',
      credit: this.credit(),
      buffered: this.buffer.length,
      bufferedUnits: this.bufferedUnits,
      maxBufferedUnits: this.maxBuffered,
      sent: this.sent,
      updates: this.updates,
      stalls: this.stalls,
      senderWaiting: this.waiters.length,
      ...(this.cfg.mode === 'tcp' ? { zeroWindowProbes: this.probes } : {}),
      ...(this.cfg.mode === 'reactive-streams' ? { requested: this.sub!.requested, delivered: this.sub!.delivered } : {}),
    };
  }
}

/** The edge's id on the canvas and in the report: "from->to". */
export const flowEdgeId = (from: string, to: string): string => `${from}->${to}`;

/**
 * Puts a FlowWindow between `from` and `to` (appended to sim.nodes after the scenario's nodes, so
 * its snapshot block follows theirs) and returns it: the sender's output.
 */
export function addFlowWindow(sim: Sim, from: SimNode, to: SimNode, cfg: FlowConfig): FlowWindow {
  const w = new FlowWindow(sim, sim.nodes.length, flowEdgeId(from.id, to.id), cfg, to);
  w.inputs.push(from);
  sim.nodes.push(w);
  return w;
}
