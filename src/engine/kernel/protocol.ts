/**
 * The small vocabulary every node speaks.
 *
 * Hand-over between nodes: the sender calls `receiver.offer(item, sender)` and gets
 *  - ACCEPTED: the receiver owns the item now;
 *  - REFUSED:  the receiver will not take it; the reason (and a retry-after hint) are in
 *              `sim.refusal`; the sender still owns the item and decides what happens to it;
 *  - BUSY:     no room right now. The sender keeps the item and is put on the receiver's waiting
 *              list; when room appears the receiver calls `sender.onReady(receiver)` and the sender
 *              offers again. This is blocking backpressure: nothing moves until there is room.
 *
 * Outcomes: every item ends exactly once, through `sim.finish(item, outcome, node, reason)`, which
 * tells the node in `items.replyTo[item]` (its producer, or the caller that sent it) and every node
 * observing the item (breakers, bulkheads, balancers that want to know how their calls ended).
 */
export const ACCEPTED = 0;
export const REFUSED = 1;
export const BUSY = 2;
export type OfferResult = typeof ACCEPTED | typeof REFUSED | typeof BUSY;

export const OUTCOMES = ['completed', 'refused', 'dropped', 'expired', 'failed', 'timeout'] as const;
export type OutcomeName = (typeof OUTCOMES)[number];
export const COMPLETED = 0;
/** Turned away at a door: a full queue, a rate limiter, an open breaker, a shedder. */
export const O_REFUSED = 1;
/** Accepted, then discarded to make room (drop-oldest, priority shedding, CoDel). */
export const DROPPED = 2;
/** Waited too long: a queue's maxAgeMs or the item's deadline passed before it was served. */
export const EXPIRED = 3;
/** Served, and the service answered with an error. */
export const FAILED = 4;
/** The caller stopped waiting for the answer (a client's per-attempt timeout). */
export const TIMEOUT = 5;

/**
 * Why an item did not complete, with the HTTP status a person would see for it. Every refusal,
 * drop and expiry carries one; the report counts them.
 */
export const REASONS = [
  { code: 'queue-full', status: 503, text: 'queue full' },
  { code: 'block-timeout', status: 503, text: 'waited too long for room (block timeout)' },
  { code: 'priority-shed', status: 503, text: 'shed for higher-priority work' },
  { code: 'max-age', status: 503, text: 'waited longer than the queue\'s max age' },
  { code: 'deadline', status: 504, text: 'deadline passed before it was served' },
  { code: 'error', status: 500, text: 'the service answered with an error' },
  { code: 'timeout', status: 504, text: 'the caller stopped waiting (timeout)' },
  { code: 'rate-limited', status: 429, text: 'rate limited (with Retry-After)' },
  { code: 'breaker-open', status: 503, text: 'circuit breaker open' },
  { code: 'shed', status: 503, text: 'shed by admission control' },
  { code: 'bulkhead-full', status: 503, text: 'bulkhead full' },
  { code: 'concurrency-limit', status: 503, text: 'over the adaptive concurrency limit' },
  { code: 'client-throttled', status: 503, text: 'throttled by the client itself (adaptive throttling)' },
  { code: 'retry-budget', status: 503, text: 'retry not allowed: retry budget spent' },
  { code: 'codel', status: 503, text: 'dropped by CoDel: queue delay above target for too long' },
  { code: 'no-route', status: 503, text: 'no healthy replica to route to' },
  { code: 'node-down', status: 503, text: 'the node is down (a scripted failure)' },
  { code: 'oom-killed', status: 503, text: 'lost when its node went over its memory limit and was OOM-killed' },
  { code: 'restarting', status: 503, text: 'refused while the node restarts after an OOM kill' },
  { code: 'retention', status: 503, text: 'deleted by the topic\'s retention before its consumer group read it' },
  { code: 'offset-reset', status: 503, text: 'skipped: retention deleted the group\'s offset and auto.offset.reset "latest" jumped to the end' },
  { code: 'pool-timeout', status: 503, text: 'no connection from the pool within acquireTimeoutMs (HikariCP connectionTimeout)' },
  { code: 'restarted', status: 503, text: 'lost when its replica was restarted by a failing liveness probe' },
  { code: 'conflict', status: 409, text: 'write conflict: another write changed the row since it was read (optimistic concurrency)' },
  { code: 'link-full', status: 503, text: 'network link full: more items in flight than its limit (netem limit)' },
] as const;
export type ReasonCode = (typeof REASONS)[number]['code'];
export const R_QUEUE_FULL = 0;
export const R_BLOCK_TIMEOUT = 1;
export const R_PRIORITY_SHED = 2;
export const R_MAX_AGE = 3;
export const R_DEADLINE = 4;
export const R_ERROR = 5;
export const R_TIMEOUT = 6;
export const R_RATE_LIMITED = 7;
export const R_BREAKER_OPEN = 8;
export const R_SHED = 9;
export const R_BULKHEAD_FULL = 10;
export const R_CONCURRENCY_LIMIT = 11;
export const R_CLIENT_THROTTLED = 12;
export const R_RETRY_BUDGET = 13;
export const R_CODEL = 14;
export const R_NO_ROUTE = 15;
/** Found by code so parts appended to REASONS at the same time cannot collide on an index. */
export const R_NODE_DOWN = REASONS.findIndex((r) => r.code === 'node-down');
export const R_POOL_TIMEOUT = REASONS.findIndex((r) => r.code === 'pool-timeout');
export const R_RESTARTED = REASONS.findIndex((r) => r.code === 'restarted');
export const R_CONFLICT = REASONS.findIndex((r) => r.code === 'conflict');
export const R_LINK_FULL = REASONS.findIndex((r) => r.code === 'link-full');
/** No reason (a completed item). */
export const R_NONE = -1;

/** Event priorities: at the same instant, state changes run before measurements. */
export const PRIO_NORMAL = 0;
export const PRIO_SAMPLE = 100;
