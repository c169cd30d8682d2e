/**
 * The snapshot: the whole system's live state as one Float64Array, cheap to fill, cheap to
 * transfer to the UI thread, and the row format of the sampled time series.
 *
 *   [ global fields (G_STRIDE) | node 0 (F_STRIDE) | node 1 | ... | window 0 | window 1 | ... ]
 *
 * Nodes in scenario order, then one block of kind 'flow-window' per flow-controlled edge in edge
 * order (the same F_STRIDE, so snapshotLength counts them as nodes and a reader that walks node
 * blocks by kind skips them); the frame's node ids name them "from->to".
 *
 * Counters are cumulative (the reader differences two snapshots for a rate); `*P50`, `*P99`,
 * `*Mean` and `utilization` are over the last finished sample window.
 */
import type { NodeType } from '../scenario/constants';

export const G = {
  now: 0,
  events: 1,
  inSystem: 2,
  produced: 3,
  completed: 4,
  refused: 5,
  dropped: 6,
  expired: 7,
  failed: 8,
  /** End-to-end latency (creation to completion) over the last window. */
  e2eP50: 9,
  e2eP99: 10,
  e2eMean: 11,
  /** 1 when the run stopped itself (runaway), else 0. */
  halted: 12,
  /** Length of the sample window the windowed fields cover, ms. */
  windowMs: 13,
  /** Root items completed no later than their deadline (all completions when there is none). */
  goodput: 14,
  /** Root items whose caller stopped waiting (a client's timeout with no attempts left). */
  timedOut: 15,
  /** From here, REASON_SLOTS counters: refusals, drops, expiries, failures and timeouts by reason (kernel/protocol.ts REASONS order). */
  reasons: 16,
} as const;
/** Room for this many reasons in the global block; protocol.ts's REASONS must fit. */
export const REASON_SLOTS = 32;
export const G_STRIDE = G.reasons + REASON_SLOTS;

export const F = {
  /** 0 producer, 1 queue, 2 service (NODE_KIND_CODES). */
  kind: 0,
  /** Queue: items waiting. Service: slots busy working. Producer: 1 while blocked. */
  level: 1,
  /** Queue: capacity (-1 = unbounded). Service: concurrency. Producer: current rate, items/s. */
  capacity: 2,
  /** Service: slots holding a finished item the next stage has no room for. */
  held: 3,
  /** Senders this node has told to wait (blocking backpressure upstream). */
  waitingSenders: 4,
  /** Items offered and decided on (accepted + rejected). Producer: produced. */
  arrived: 5,
  accepted: 6,
  /** Refused at the door. Producer: refused by its first hop. */
  rejected: 7,
  /** Accepted, then discarded (drop-oldest, priority shedding). */
  dropped: 8,
  expired: 9,
  /** Queue: departed. Service: finished (handed on or completed). Producer: its items completed. */
  completed: 10,
  failed: 11,
  /** Time in the node (queue: wait; service: service + hand-over) over the last window, ms. */
  latP50: 12,
  latP99: 13,
  latMean: 14,
  /** Service: busy fraction of slots over the last window. Queue: mean depth over the window. */
  utilization: 15,
  /** Producer: total ms spent blocked. Service: total worker-ms spent holding finished items. */
  blockedMs: 16,
  /**
   * The part's own level: rate limiter tokens, concurrency limiter's limit, load shedder's load,
   * a caller's retry-budget tokens.
   */
  gauge: 17,
  /** Circuit breaker: 0 CLOSED, 1 OPEN, 2 HALF_OPEN. */
  state: 18,
  /** Caller: attempts made (first tries and retries). */
  attempts: 19,
  retries: 20,
  /** Service: items completed after their deadline (work nobody waited for). Caller: answers that came after it gave up. */
  wasted: 21,
  /** Caller: attempts it stopped waiting for. */
  timeouts: 22,
  /** Circuit breaker: items sent to the fallback route. */
  fallbacks: 23,
  /** Root items completed no later than their deadline (producer: its own; service: that it completed). */
  goodput: 24,
  /** Service: workers waiting for the answer to a call (holding their slot). */
  calling: 25,
  // 26..33: logs and consumer groups (topic, consumer-group).
  /** Topic: records not read yet (log end - position, over all partitions). Group: records not processed yet (those plus the batches in hand). */
  lag: 26,
  /** Topic: age of the oldest unread record, ms. Group: of the oldest record not processed yet (0 when caught up). */
  lagMs: 27,
  /** Topic: its partitions. Group: partitions assigned to its consumers. */
  partitions: 28,
  /** Group: consumers that own at least one partition (the rest sit idle). */
  activeConsumers: 29,
  /** Topic: records deleted by retention before the group read them (plus those skipped by an offset reset). */
  lostToRetention: 30,
  /** Group: 1 while a rebalance is in progress, else 0. */
  rebalancing: 31,
  /** Group: records processed again after a rebalance (at-least-once duplicates, idempotent skips included). */
  redelivered: 32,
  /** Group: records sent to the dead-letter route after failing every retry. */
  deadLettered: 33,
  /** Fan-out (shares 26..27 with the logs): per-call latency over the last window, beside its per-request latP50/latP99. */
  callP50: 26,
  callP99: 27,
  /** Shared row: its version (writes that landed so far). */
  rowVersion: 26,
  // 34..41: memory, credit windows and pull-based consumption.
  /** Bytes held in the node's buffers (queue: waiting items; service: intake, in service, holding). */
  memoryBytes: 34,
  /** The node's memory limit in bytes (-1 = none). */
  memoryLimit: 35,
  /** Times it was OOM-killed. */
  oomKills: 36,
  /** 1 while it is down, restarting after an OOM kill. */
  down: 37,
  /** Items lost to OOM kills. */
  oomLost: 38,
  /** While down: the simulated time it comes back. */
  restartAt: 39,
  /** Service: items fetched and waiting in its intake buffer (pull: at most workers x batch in flight). */
  intake: 40,
  /** Service: its in-flight bound (workers x batch under pull; -1 push: none). */
  inFlightLimit: 41,
  // A flow-controlled edge's receiving end (kind 'flow-window') has a block of its own after the
  // scenario's nodes, in edge order; frame nodeIds name it "from->to". Its level is the sender's
  // credit, capacity the full window, held the items in its receive buffer, and 34..38:
  /** 1 http2, 2 tcp, 3 reactive-streams, 4 node-stream (FLOW_MODE_CODES). */
  windowMode: 34,
  /** Receive buffer in the window's units (bytes for http2/tcp, items otherwise). */
  windowBuffered: 35,
  /** WINDOW_UPDATEs, window-update ACKs, request(n) calls or 'drain' events so far. */
  windowUpdates: 36,
  /** TCP zero-window probes so far. */
  windowProbes: 37,
  /** Times the sender found the window too small and had to wait. */
  windowStalls: 38,
  // 42..47: scaling, health, connection pools and alerts.
  /** Autoscaler: replicas requested and still starting (ready after the provisioning delay). */
  pendingReplicas: 42,
  /** Autoscaler: the replica count it last decided on (after min/max and the stabilization window). */
  desiredReplicas: 43,
  /** Service: 1 while its readiness probe fails (a load balancer routes around it). Load balancer: replicas not ready. */
  notReady: 44,
  /** Service: restarts by its liveness probe (each loses the work in flight). */
  restarts: 45,
  /** Alert rules on this node that are firing now. */
  alertsFiring: 46,
  /** Connection pool: items waiting for a connection. */
  poolWaiting: 47,
} as const;
export const F_STRIDE = 48;

/** Every node type's code, and the flow window's: a node type without one fails to compile here. */
export const NODE_KIND_CODES = {
  producer: 0,
  queue: 1,
  service: 2,
  client: 3,
  'rate-limiter': 4,
  'circuit-breaker': 5,
  bulkhead: 6,
  'load-balancer': 7,
  'load-shedder': 8,
  'concurrency-limiter': 9,
  topic: 10,
  'consumer-group': 11,
  /** Not a scenario node: the receiving end of a flow-controlled edge (components/creditWindow.ts). */
  'flow-window': 12,
  autoscaler: 14,
  'connection-pool': 15,
  'fan-out': 16,
  'shared-row': 17,
  link: 18,
} as const satisfies Record<NodeType | 'flow-window', number>;
export type NodeKind = keyof typeof NODE_KIND_CODES;

/** A circuit breaker's F.state, by code (components/circuitBreaker.ts). */
export const BREAKER_STATES = ['CLOSED', 'OPEN', 'HALF_OPEN'] as const;

export const FLOW_MODE_CODES = { http2: 1, tcp: 2, 'reactive-streams': 3, 'node-stream': 4 } as const;

export function snapshotLength(nodeCount: number): number {
  return G_STRIDE + nodeCount * F_STRIDE;
}

/** Where a node writes its fields in a snapshot buffer. */
export class NodeSnapshotWriter {
  buf: Float64Array = new Float64Array(0);
  base = 0;
  set(field: number, v: number): void {
    this.buf[this.base + field] = v;
  }
}
