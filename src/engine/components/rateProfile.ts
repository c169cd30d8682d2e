/**
 * A producer's arrival rate over simulated time: a base rate, then phases that step or ramp it
 * ("10k/s flash sale for 30 s" is two phases), optionally switched on and off in bursts.
 * Piecewise linear, so the largest rate over any piece is at one of its ends; the producer uses
 * that to draw a non-homogeneous Poisson process by thinning (Lewis & Shedler).
 */
import type { ProfilePhase } from '../scenario/schema';
import type { Rng } from '../kernel/rng';

interface Segment {
  start: number;
  end: number;
  r0: number; // rate at start
  r1: number; // rate at end (== r0 for a constant piece)
}

export interface Burst {
  onMs: number;
  offMs: number;
}

export class RateProfile {
  private readonly segs: Segment[];
  private readonly burstFactor: number;

  constructor(
    base: number,
    phases: readonly ProfilePhase[] = [],
    private readonly burst: Burst | null = null,
  ) {
    const segs: Segment[] = [];
    let t = 0;
    let level = base;
    for (const p of phases) {
      if (p.atMs > t) segs.push({ start: t, end: p.atMs, r0: level, r1: level });
      t = Math.max(t, p.atMs);
      if (p.rampMs > 0) {
        segs.push({ start: t, end: t + p.rampMs, r0: level, r1: p.rate });
        t += p.rampMs;
      }
      level = p.rate;
    }
    segs.push({ start: t, end: Infinity, r0: level, r1: level });
    // A later phase that starts inside an earlier ramp cuts the ramp short.
    for (let i = 0; i < segs.length - 1; i++) {
      const s = segs[i]!, n = segs[i + 1]!;
      if (s.end > n.start) {
        s.r1 = lerp(s, n.start);
        s.end = n.start;
      }
    }
    this.segs = segs.filter((s) => s.end > s.start);
    this.burstFactor = burst ? (burst.onMs + burst.offMs) / burst.onMs : 1;
  }

  private segmentAt(t: number): Segment {
    const segs = this.segs;
    for (let i = segs.length - 1; i > 0; i--) if (t >= segs[i]!.start) return segs[i]!;
    return segs[0]!;
  }

  /** Mean rate at time t, items/s, before on/off bursts. */
  baseRateAt(t: number): number {
    return lerp(this.segmentAt(t), t);
  }

  /** Instantaneous rate at time t, items/s, including on/off bursts. */
  rateAt(t: number): number {
    return this.baseRateAt(t) * this.burstMultiplier(t);
  }

  private burstMultiplier(t: number): number {
    const b = this.burst;
    if (!b) return 1;
    return t % (b.onMs + b.offMs) < b.onMs ? this.burstFactor : 0;
  }

  /** The next instant after t where the rate's formula changes (a piece or burst edge). */
  private nextEdge(t: number, seg: Segment): number {
    let edge = seg.end;
    const b = this.burst;
    if (b) {
      const period = b.onMs + b.offMs;
      const cycleStart = Math.floor(t / period) * period;
      const onEnd = cycleStart + b.onMs;
      edge = Math.min(edge, t < onEnd ? onEnd : cycleStart + period);
    }
    return edge;
  }

  /** Time of the next Poisson arrival after t (Infinity if the rate stays 0 for ever). */
  nextPoisson(t: number, rng: Rng): number {
    for (let guard = 0; guard < 100000; guard++) {
      const seg = this.segmentAt(t);
      const edge = this.nextEdge(t, seg);
      const m = this.burstMultiplier(t);
      const rNow = lerp(seg, t) * m;
      const constant = seg.r0 === seg.r1;
      const rMax = constant ? rNow : Math.max(rNow, lerp(seg, Math.min(edge, seg.end)) * m);
      if (rMax <= 0) {
        if (edge === Infinity) return Infinity;
        t = edge;
        continue;
      }
      const next = t + rng.exponential(1000 / rMax);
      if (next >= edge) {
        t = edge; // memoryless: start afresh at the edge
        continue;
      }
      if (constant || rng.next() * rMax <= lerp(seg, next) * m) return next;
      t = next;
    }
    return Infinity;
  }

  /** Time of the next evenly spaced arrival after t, at the rate in force at t. */
  nextConstant(t: number): number {
    for (let guard = 0; guard < 100000; guard++) {
      const seg = this.segmentAt(t);
      const r = this.rateAt(t);
      if (r > 0) return t + 1000 / r;
      const edge = this.nextEdge(t, seg);
      if (edge === Infinity) return Infinity;
      t = edge;
    }
    return Infinity;
  }
}

function lerp(s: Segment, t: number): number {
  if (s.r0 === s.r1 || s.end === Infinity) return s.r0;
  return s.r0 + ((s.r1 - s.r0) * (t - s.start)) / (s.end - s.start);
}
