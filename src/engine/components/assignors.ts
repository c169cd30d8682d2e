/**
 * Partition assignment for a consumer group (consumerGroup.ts), as Kafka's assignors decide it:
 * which member should own each partition once a rebalance ends. Pure functions of the partition
 * count and the members (in join order), so they can be read and tested on their own.
 */

/**
 * Kafka's RangeAssignor: members in order, each a run of consecutive partitions, the first
 * P mod M members one extra. Every partition gets an owner (-1 only when there are no members).
 */
export function rangeAssignment(partitions: number, members: readonly number[]): Int32Array {
  const t = new Int32Array(partitions).fill(-1);
  const m = members.length;
  if (m === 0 || partitions === 0) return t;
  const q = Math.floor(partitions / m);
  const r = partitions % m;
  members.forEach((idx, k) => {
    const from = k * q + Math.min(k, r);
    for (let p = from; p < from + q + (k < r ? 1 : 0); p++) t[p] = idx;
  });
  return t;
}

/**
 * A sticky assignment (Kafka's CooperativeStickyAssignor): balanced like the range assignor (the
 * members that own most keep the larger quotas), every member keeps what it owns up to its quota,
 * and only the rest moves, each to the member with the fewest so far. `owns`: the partitions the
 * member owns now.
 */
export function stickyAssignment(partitions: number, members: readonly { idx: number; owns: readonly number[] }[]): Int32Array {
  const t = new Int32Array(partitions).fill(-1);
  const m = members.length;
  if (m === 0 || partitions === 0) return t;
  const q = Math.floor(partitions / m);
  const r = partitions % m;
  const byOwned = members.slice().sort((a, b) => b.owns.length - a.owns.length || a.idx - b.idx);
  const quota = new Map<number, number>();
  byOwned.forEach((c, k) => quota.set(c.idx, q + (k < r ? 1 : 0)));
  const count = new Map<number, number>();
  for (const c of members) {
    const keep = c.owns.slice(0, quota.get(c.idx));
    for (const p of keep) t[p] = c.idx;
    count.set(c.idx, keep.length);
  }
  for (let p = 0; p < partitions; p++) {
    if (t[p]! >= 0) continue;
    let best: number | null = null;
    for (const c of members) if (count.get(c.idx)! < quota.get(c.idx)! && (best === null || count.get(c.idx)! < count.get(best)!)) best = c.idx;
    if (best === null) break;
    t[p] = best;
    count.set(best, count.get(best)! + 1);
  }
  return t;
}
