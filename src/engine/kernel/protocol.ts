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
 * Outcomes: every item ends exactly once, through `sim.finish(item, outcome, node)`, which tells
 * the node in `items.replyTo[item]` (its producer today; a calling client in later issues).
 */
export const ACCEPTED = 0;
export const REFUSED = 1;
export const BUSY = 2;
export type OfferResult = typeof ACCEPTED | typeof REFUSED | typeof BUSY;

export const OUTCOMES = ['completed', 'refused', 'dropped', 'expired', 'failed'] as const;
export type OutcomeName = (typeof OUTCOMES)[number];
export const COMPLETED = 0;
export const O_REFUSED = 1;
export const DROPPED = 2;
export const EXPIRED = 3;
export const FAILED = 4;

/** Why an item was refused, with the HTTP status a person would see for it. */
export const REFUSAL_REASONS = [
  { code: 'queue-full', status: 503, text: 'queue full' },
  { code: 'block-timeout', status: 503, text: 'waited too long for room (block timeout)' },
  { code: 'priority-shed', status: 503, text: 'shed for higher-priority work' },
] as const;
export type RefusalCode = (typeof REFUSAL_REASONS)[number]['code'];
export const R_QUEUE_FULL = 0;
export const R_BLOCK_TIMEOUT = 1;
export const R_PRIORITY_SHED = 2;

/** Event priorities: at the same instant, state changes run before measurements. */
export const PRIO_NORMAL = 0;
export const PRIO_SAMPLE = 100;
