import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rangeAssignment, stickyAssignment } from './assignors';

const counts = (t: Int32Array, members: readonly number[]) => members.map((m) => t.filter((o) => o === m).length);

describe('partition assignors', () => {
  it('range: consecutive runs in member order, the first P mod M one longer (Kafka RangeAssignor)', () => {
    expect([...rangeAssignment(7, [4, 1, 9])]).toEqual([4, 4, 4, 1, 1, 9, 9]);
    expect([...rangeAssignment(2, [0, 1, 2])]).toEqual([0, 1]);
    expect([...rangeAssignment(3, [])]).toEqual([-1, -1, -1]);
  });

  it('sticky: members keep what they own up to their quota; only the excess moves', () => {
    // Member 0 owned everything; 1 joins: 0 keeps its first three, 1 takes the rest.
    expect([...stickyAssignment(6, [{ idx: 0, owns: [0, 1, 2, 3, 4, 5] }, { idx: 1, owns: [] }])]).toEqual([0, 0, 0, 1, 1, 1]);
    // Nobody loses a partition it may keep: 1 keeps 4 and 5 although a range would move them.
    expect([...stickyAssignment(6, [{ idx: 0, owns: [0, 1] }, { idx: 1, owns: [4, 5] }, { idx: 2, owns: [] }])]).toEqual([0, 0, 2, 2, 1, 1]);
  });

  it('both: every partition has exactly one member, and loads differ by at most one (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 64 }), fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 12 }), fc.integer(), (P, members, salt) => {
        const owned = new Map<number, number[]>(members.map((m) => [m, []]));
        for (let p = 0; p < P; p++) if ((p * 31 + salt) % 3 !== 0) owned.get(members[Math.abs(p * 7 + salt) % members.length]!)!.push(p);
        for (const t of [rangeAssignment(P, members), stickyAssignment(P, members.map((idx) => ({ idx, owns: owned.get(idx)! })))]) {
          expect(t.every((o) => members.includes(o))).toBe(true);
          const c = counts(t, members);
          expect(Math.max(...c) - Math.min(...c)).toBeLessThanOrEqual(1);
        }
        // Sticky keeps at least as many of the current owners' partitions as its quotas allow.
        const sticky = stickyAssignment(P, members.map((idx) => ({ idx, owns: owned.get(idx)! })));
        const quota = Math.ceil(P / members.length);
        for (const m of members) {
          const kept = owned.get(m)!.filter((p) => sticky[p] === m).length;
          expect(kept).toBeGreaterThanOrEqual(Math.min(owned.get(m)!.length, quota - 1));
        }
      }),
    );
  });
});
