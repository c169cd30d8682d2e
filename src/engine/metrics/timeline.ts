/**
 * Notable moments of a run (a breaker opening, a run halting, later an OOM kill or a rebalance),
 * kept in a fixed-size ring so a long run cannot grow it. The UI draws them as markers on the
 * charts' time axis; the report lists the last ones.
 */
export const TIMELINE_KINDS = ['breaker-closed', 'breaker-open', 'breaker-half-open', 'halted', 'scripted', 'node-down', 'node-up', 'oom-killed', 'restarted', 'rebalance-start', 'rebalance-end', 'consumer-left'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export const TL_BREAKER_CLOSED = 0;
export const TL_BREAKER_OPEN = 1;
export const TL_BREAKER_HALF_OPEN = 2;
export const TL_HALTED = 3;
/** A scripted event (scenario `events`) changed a node's parameters; node-down / node-up: it failed or recovered. */
export const TL_SCRIPTED = TIMELINE_KINDS.indexOf('scripted');
export const TL_NODE_DOWN = TIMELINE_KINDS.indexOf('node-down');
export const TL_NODE_UP = TIMELINE_KINDS.indexOf('node-up');

export interface TimelineEntry {
  atMs: number;
  node: number;
  kind: TimelineKind;
}

export class Timeline {
  private readonly at: Float64Array;
  private readonly node: Int32Array;
  private readonly kind: Int32Array;
  /** Entries recorded since the start (older ones beyond the ring's size are gone). */
  total = 0;

  constructor(readonly size = 2000) {
    this.at = new Float64Array(size);
    this.node = new Int32Array(size);
    this.kind = new Int32Array(size);
  }

  add(atMs: number, node: number, kind: number): void {
    const i = this.total % this.size;
    this.at[i] = atMs;
    this.node[i] = node;
    this.kind[i] = kind;
    this.total++;
  }

  /** Entries after number `cursor` (a previous `total`), oldest first. */
  since(cursor: number): TimelineEntry[] {
    const out: TimelineEntry[] = [];
    for (let n = Math.max(0, cursor, this.total - this.size); n < this.total; n++) {
      const i = n % this.size;
      out.push({ atMs: this.at[i]!, node: this.node[i]!, kind: TIMELINE_KINDS[this.kind[i]!]! });
    }
    return out;
  }
}
