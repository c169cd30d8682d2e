/**
 * One consumer of a consumer group (consumerGroup.ts): whether it is in the group, the partitions
 * it owns, the batch its last poll returned and where it is in it.
 */

// Consumer states.
/** Inside poll(): waiting for records, or for a rebalance to end. Never "too slow" here. */
export const WAITING = 0;
/** Working through the records its last poll returned. */
export const PROCESSING = 1;
/** Processed a record whose next stage has no room: holds it until there is. */
export const BLOCKED = 2;

export class Consumer {
  /** In the group now (false: not yet joined, left, or kicked out for a slow poll). */
  member = false;
  /** Exists: wanted, or still finishing its batch before it leaves. */
  present = false;
  /** Asked to leave (scaled down): leaves at its next poll. */
  leaving = false;
  state = WAITING;
  /** Partitions assigned to it, ascending. */
  owned: number[] = [];
  batch = new Int32Array(0);
  batchLen = 0;
  batchPos = 0;
  lastPollAt = 0;
  checkPending = false;
  lastCommitAt = 0;
  /** Rotates the partition a fetch starts with, so no partition starves. */
  rr = 0;
  /** Attempts made on the current record, and whether it is a poison pill. */
  attempt = 0;
  poison = false;
  /** The processed item the next stage has no room for (BLOCKED). */
  heldItem = -1;

  constructor(readonly idx: number) {}
}
