import { describe, expect, it } from 'vitest';
import { F, G, NODE_KIND_CODES, snapshotLength } from '../../engine/index';
import { nodeBase } from '../frames/derive';
import type { FrameState } from '../frames/frameStore';
import { RowHistory } from '../frames/history';
import { DotAnimator, MAX_TOTAL_DOTS } from './dots';
import { dotInput } from './dotInput';
import { makeGeometry, type EdgeGeometry } from './edgeGeometry';
import { MarkRing } from '../frames/marks';

/** `pairs` producer → queue pairs, each producer sending `rate` items/s, one second of history. */
function busyDesign(pairs: number, rate: number): { frames: FrameState; geoms: Map<string, EdgeGeometry> } {
  const n = 2 * pairs;
  const len = snapshotLength(n);
  const h = new RowHistory(len);
  const rows = 5;
  const data = new Float64Array(rows * len);
  for (let r = 0; r < rows; r++) {
    data[r * len + G.now] = (r + 1) * 250;
    data[r * len + G.windowMs] = 250;
    for (let p = 0; p < pairs; p++) {
      data[r * len + nodeBase(2 * p) + F.kind] = NODE_KIND_CODES.producer;
      data[r * len + nodeBase(2 * p) + F.arrived] = ((r + 1) * rate) / 4;
      data[r * len + nodeBase(2 * p + 1) + F.kind] = NODE_KIND_CODES.queue;
    }
  }
  h.append(data);
  const ids = Array.from({ length: n }, (_, i) => `n${i}`);
  const geoms = new Map<string, EdgeGeometry>();
  for (let p = 0; p < pairs; p++) geoms.set(`e${p}`, makeGeometry(`n${2 * p}`, `n${2 * p + 1}`, 0, p * 50, 800, p * 50));
  const frames: FrameState = {
    epoch: 1,
    nodeIds: ids,
    indexOf: new Map(ids.map((id, i) => [id, i])),
    snapshot: data.slice((rows - 1) * len),
    history: h,
    marks: new MarkRing(),
    baseline: null,
    status: { playing: true, simMs: 1250, requestedSpeed: 1, achievedSpeed: 1, lagging: false, halted: null, ended: false },
    version: 1,
  };
  return { frames, geoms };
}

describe('edge dots', () => {
  it('fill a busy edge with dots', () => {
    const { frames, geoms } = busyDesign(1, 10_000);
    const anim = new DotAnimator();
    for (let i = 0; i < 300; i++) anim.update(1 / 30, dotInput(frames, geoms), geoms);
    expect(anim.inFlight).toBeGreaterThan(40);
  });

  it('never put more than MAX_TOTAL_DOTS in flight, however big the design', () => {
    const { frames, geoms } = busyDesign(60, 10_000);
    const anim = new DotAnimator();
    for (let i = 0; i < 300; i++) anim.update(1 / 30, dotInput(frames, geoms), geoms);
    expect(anim.inFlight).toBeLessThanOrEqual(MAX_TOTAL_DOTS);
    expect(anim.inFlight).toBeGreaterThan(MAX_TOTAL_DOTS * 0.8);
  });

  it('stop emitting while paused', () => {
    const { frames, geoms } = busyDesign(1, 10_000);
    const anim = new DotAnimator();
    const paused = { ...frames, status: { ...frames.status, playing: false } };
    for (let i = 0; i < 60; i++) anim.update(1 / 30, dotInput(paused, geoms), geoms);
    expect(anim.inFlight).toBe(0);
  });
});
