/**
 * Notable moments of a run (a breaker opening, a run halting, later an OOM kill or a rebalance),
 * kept in a fixed-size ring so a long run cannot grow it. The UI draws them as markers on the
 * charts' time axis; the report lists the last ones.
 */
export const TIMELINE_KINDS = ['breaker-closed', 'breaker-open', 'breaker-half-open', 'halted', 'scripted', 'node-down', 'node-up', 'oom-killed', 'restarted', 'rebalance-start', 'rebalance-end', 'consumer-left', 'scaled-up', 'scaled-down', 'not-ready', 'ready', 'alert', 'alert-resolved'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export const TL_BREAKER_CLOSED = 0;
export const TL_BREAKER_OPEN = 1;
export const TL_BREAKER_HALF_OPEN = 2;
export const TL_HALTED = 3;
/** A scripted event (scenario `events`) changed a node's parameters; node-down / node-up: it failed or recovered. */
export const TL_SCRIPTED = TIMELINE_KINDS.indexOf('scripted');
export const TL_NODE_DOWN = TIMELINE_KINDS.indexOf('node-down');
export const TL_NODE_UP = TIMELINE_KINDS.indexOf('node-up');

/** Autoscaler: capacity arrived / was removed. Service: readiness failed / passed again, liveness restart. Alert rules: fired / resolved. */
export const TL_SCALED_UP = TIMELINE_KINDS.indexOf('scaled-up');
export const TL_SCALED_DOWN = TIMELINE_KINDS.indexOf('scaled-down');
export const TL_NOT_READY = TIMELINE_KINDS.indexOf('not-ready');
export const TL_READY = TIMELINE_KINDS.indexOf('ready');
export const TL_RESTARTED = TIMELINE_KINDS.indexOf('restarted');
export const TL_ALERT = TIMELINE_KINDS.indexOf('alert');
export const TL_ALERT_RESOLVED = TIMELINE_KINDS.indexOf('alert-resolved');

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
