/**
 * Scenario fields of the memory, credit-window and pull-consumption parts: memory budgets on
 * queues and services, a service's intake (push or pull), and flow control on an edge. Defaults
 * are the real systems' (shared/reference/SEMANTICS.md, "Flow control").
 */
import { z } from './zod';
import { fraction, nonNeg, positive, wholeAtLeast } from './fields';

/** RFC 9113 section 6.9.1: a flow-control window may not exceed 2^31-1 octets. */
export const MAX_WINDOW = 2_147_483_647;
/** RFC 9113 section 6.9.2: every stream and the connection start with 65,535 octets. */
export const HTTP2_INITIAL_WINDOW = 65_535;

const bytes = (what: string) =>
  z
    .number({ error: `expected ${what}, a whole number of bytes ≥ 1` })
    .int({ error: `must be a whole number of bytes (${what})` })
    .min(1, { error: `must be ≥ 1 byte (${what})` });

const windowBytes = (what: string) => bytes(what).max(MAX_WINDOW, { error: `at most 2^31-1 = 2,147,483,647 bytes (${what}; RFC 9113 6.9.1)` });

/** Memory budget: on queues and services. */
export const memoryFields = {
  /** The node's memory limit in bytes: over it, the node is OOM-killed. Default 512 MiB; null = no limit. */
  memoryLimitBytes: z.union([bytes('a memory limit'), z.null()], { error: 'expected a memory limit in bytes, or null for none' }).optional(),
  /** How long an OOM-killed node stays down before it restarts empty (default 10 s, doubling for kills in a row). */
  restartDelayMs: nonNeg('milliseconds').optional(),
};

/**
 * How a service takes work from its input. Absent: a free worker takes the next item (at most
 * `concurrency` in flight). `pull`: the semaphore pattern: it fetches up to `concurrency x batch`
 * items (an SQS receive of up to 10, a Kafka poll of max.poll.records) into an intake buffer and
 * asks for more only as work completes. `push`: it accepts whatever is offered into an unbounded
 * in-process buffer (an executor with an unbounded LinkedBlockingQueue): memory grows under
 * overload until the OOM killer steps in.
 */
export const intakeSchema = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({ mode: z.literal('pull'), batch: wholeAtLeast(1, 'items per worker per fetch').max(10_000, { error: 'at most 10,000 items per fetch' }).default(10) }),
    z.strictObject({ mode: z.literal('push') }),
  ],
  { error: 'expected intake mode "pull" or "push"' },
);
export type IntakeConfig = z.infer<typeof intakeSchema>;

export const FLOW_MODES = ['http2', 'tcp', 'reactive-streams', 'node-stream'] as const;
export type FlowMode = (typeof FLOW_MODES)[number];

/**
 * Credit-based flow control on a "send" edge: the receiver grants a window the sender may not
 * exceed. The receiver's side of the edge holds what was sent and not yet taken by the receiving
 * node (a receive buffer); the window is given back as the receiving node takes items.
 */
export const flowSchema = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({
      /** HTTP/2 (RFC 9113 section 5.2): per-stream and per-connection windows in bytes, WINDOW_UPDATE when the receiver consumes. */
      mode: z.literal('http2'),
      streamWindowBytes: windowBytes('the stream window').default(HTTP2_INITIAL_WINDOW),
      connectionWindowBytes: windowBytes('the connection window').default(HTTP2_INITIAL_WINDOW),
      /**
       * The receiver sends WINDOW_UPDATE once it has consumed this fraction of the window (nghttp2
       * and Go's net/http2 wait for half; gRPC-Go for a quarter).
       */
      updateThreshold: fraction('a fraction of the window').gt(0, { error: 'must be > 0 (a fraction of the window)' }).default(0.5),
    }),
    z.strictObject({
      /** TCP: the receive window in every ACK; a zero window stops the sender, which probes it (persist timer). */
      mode: z.literal('tcp'),
      receiveWindowBytes: windowBytes('the receive window').default(HTTP2_INITIAL_WINDOW),
      /** Maximum segment size: the receiver advertises a larger window only once it grew by min(MSS, buffer/2) (RFC 1122 SWS avoidance). */
      mssBytes: bytes('the maximum segment size').max(65_535).default(1460),
      /** First zero-window probe after this long, doubling up to 60 s (Linux: the RTO, at least 200 ms). */
      probeMs: positive('milliseconds').default(200),
    }),
    z.strictObject({
      /** Reactive Streams request(n): the subscriber requests `prefetch` up front and again after consuming 75% (Reactor's publishOn). */
      mode: z.literal('reactive-streams'),
      prefetch: wholeAtLeast(1, 'items requested up front').max(MAX_WINDOW).default(256),
      replenishAt: fraction('a fraction of prefetch').gt(0, { error: 'must be > 0 (a fraction of prefetch)' }).default(0.75),
    }),
    z.strictObject({
      /** Node.js streams: write() returns false once highWaterMark items are buffered; the sender waits for 'drain'. */
      mode: z.literal('node-stream'),
      highWaterMark: wholeAtLeast(1, 'items (objectMode)').max(1_000_000).default(16),
    }),
  ],
  { error: `expected flow mode ${FLOW_MODES.map((m) => `"${m}"`).join(', ')}` },
);
export type FlowConfig = z.infer<typeof flowSchema>;
export type FlowInput = z.input<typeof flowSchema>;
