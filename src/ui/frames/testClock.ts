/**
 * For the frame clock's tests: a display that refreshes only when the test says so, and frames
 * pushed by hand. Call before importing painter.ts (it reads requestAnimationFrame when it runs).
 */
import { vi } from 'vitest';
import { snapshotLength } from '../../engine/index';
import type { Frame } from '../../worker/protocol';
import { frameStore } from './frameStore';

export function testClock() {
  let now = 0;
  let queued: FrameRequestCallback[] = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => queued.push(cb));
  vi.stubGlobal('cancelAnimationFrame', () => {});
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  return {
    now: () => now,
    /** One display frame `ms` after the last: its rAF callbacks, then the tasks queued meanwhile. */
    async displayFrame(ms = 1000 / 60): Promise<void> {
      now += ms;
      const cbs = queued;
      queued = [];
      for (const cb of cbs) cb(now);
      await new Promise((r) => setTimeout(r, 0));
    },
    /** A frame of one node, playing or paused. */
    push(playing = true): void {
      const frame: Frame = {
        epoch: 0,
        nodeIds: ['a'],
        rowLength: snapshotLength(1),
        snapshot: new Float64Array(snapshotLength(1)),
        rows: new Float64Array(0),
        marks: new Float64Array(0),
        status: { playing, simMs: now, requestedSpeed: 1, achievedSpeed: 1, lagging: false, halted: null, ended: false },
      };
      frameStore.push(frame);
    },
  };
}
