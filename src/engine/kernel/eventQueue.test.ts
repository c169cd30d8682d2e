import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from './eventQueue';

function drain(q: EventQueue): [number, number, number][] {
  const out: [number, number, number][] = [];
  while (q.pop()) out.push([q.poppedTime, q.poppedTarget, q.poppedArg]);
  return out;
}

describe('EventQueue', () => {
  it('pops events in time order', () => {
    const q = new EventQueue(2);
    q.push(30, 0, 1, 0, 0);
    q.push(10, 0, 2, 0, 0);
    q.push(20, 0, 3, 0, 0);
    expect(drain(q).map(([t, node]) => [t, node])).toEqual([
      [10, 2],
      [20, 3],
      [30, 1],
    ]);
  });

  it('runs same-time events by priority, then in the order they were scheduled', () => {
    const q = new EventQueue();
    q.push(5, 1, 0, 0, 100); // lower priority (higher number) runs last
    q.push(5, 0, 0, 0, 1);
    q.push(5, 0, 0, 0, 2);
    q.push(5, 0, 0, 0, 3);
    expect(drain(q).map(([, , arg]) => arg)).toEqual([1, 2, 3, 100]);
  });

  it('is a correct priority queue for any interleaving of pushes and pops', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.record({ push: fc.integer({ min: 0, max: 50 }), prio: fc.integer({ min: 0, max: 2 }) }), fc.constant(null)), { maxLength: 200 }), (ops) => {
        const q = new EventQueue(1);
        const model: { t: number; prio: number; seq: number }[] = [];
        let seq = 0;
        for (const op of ops) {
          if (op) {
            q.push(op.push, op.prio, 0, 0, seq);
            model.push({ t: op.push, prio: op.prio, seq: seq++ });
          } else {
            model.sort((a, b) => a.t - b.t || a.prio - b.prio || a.seq - b.seq);
            const want = model.shift();
            expect(q.pop()).toBe(want !== undefined);
            if (want) expect([q.poppedTime, q.poppedArg]).toEqual([want.t, want.seq]);
          }
        }
        expect(q.size).toBe(model.length);
      }),
    );
  });

  it('reports Infinity as the next time when empty', () => {
    expect(new EventQueue().peekTime()).toBe(Infinity);
  });
});
