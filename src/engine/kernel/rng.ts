/**
 * Seeded random streams. Every node draws from its own streams, derived from
 * (scenario seed, node id, purpose): adding, removing or editing one node leaves every other
 * node's draws unchanged, so two designs can be compared on the same traffic
 * (common random numbers).
 *
 * Generator: xoshiro128** (Blackman & Vigna), 32-bit state words, period 2^128 - 1.
 * Uses only 32-bit integer arithmetic, so it gives the same numbers in every JS engine; the
 * transforms use the portable log of detmath.ts rather than Math.log.
 */
import { detLog } from './detmath';

/** 32-bit FNV-1a of a string, then murmur3's finaliser for avalanche. */
function hashString(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** murmur3's 32-bit finaliser: a well-mixed hash of a 32-bit word. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** splitmix32: expands one 32-bit seed into well-mixed state words. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const INV_2_32 = 1 / 4294967296;

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, ...labels: string[]) {
    // Fold the seed (any safe integer) and the labels into one 32-bit seed.
    let h = fmix32((seed >>> 0) ^ Math.imul(Math.floor(seed / 4294967296) | 0, 0x9e3779b1));
    for (const label of labels) h = hashString(label, h ^ 0x5bd1e995);
    const st = { s: h };
    this.a = splitmix32(st);
    this.b = splitmix32(st);
    this.c = splitmix32(st);
    this.d = splitmix32(st);
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1;
  }

  /** Next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const b = this.b;
    let r = Math.imul(b, 5);
    r = Math.imul((r << 7) | (r >>> 25), 9);
    const t = b << 9;
    this.c ^= this.a;
    this.d ^= b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = (this.d << 11) | (this.d >>> 21);
    return r >>> 0;
  }

  /** Uniform on [0, 1), resolution 2^-32. */
  next(): number {
    return this.nextUint32() * INV_2_32;
  }

  /** Uniform on (0, 1]: safe to take the logarithm of. */
  nextOpen(): number {
    return (this.nextUint32() + 1) * INV_2_32;
  }

  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Exponential with the given mean (inverse transform). */
  exponential(mean: number): number {
    return -mean * detLog(this.nextOpen());
  }

  /**
   * Standard normal by Marsaglia's polar method: only log and sqrt, both portable (no cos, whose
   * last bit differs between engines). The second value of each pair is discarded: simpler state.
   */
  normal(): number {
    for (;;) {
      const u = 2 * this.next() - 1;
      const v = 2 * this.next() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) return u * Math.sqrt((-2 * detLog(s)) / s);
    }
  }
}
