/**
 * The timeline entries the charts mark on their time axis (breaker transitions, halts, ...): the
 * newest MARKS_KEPT of them in a fixed ring, so a breaker that flaps all day cannot grow memory.
 */
import { TIMELINE_KINDS, type TimelineKind } from '../../engine/snapshot';

export const MARKS_KEPT = 512;

export class MarkRing {
  private readonly at = new Float64Array(MARKS_KEPT);
  private readonly node = new Int32Array(MARKS_KEPT);
  private readonly kind = new Int32Array(MARKS_KEPT);
  /** Entries appended since the start of the run. */
  total = 0;

  /** Appends [atMs, node index, kind index] triples, oldest first. */
  append(triples: Float64Array): void {
    for (let k = 0; k + 2 < triples.length; k += 3) {
      const i = this.total % MARKS_KEPT;
      this.at[i] = triples[k]!;
      this.node[i] = triples[k + 1]!;
      this.kind[i] = triples[k + 2]!;
      this.total++;
    }
  }

  /** The entries kept, oldest first, as the triples `append` takes (a copy). */
  pack(): Float64Array {
    const out = new Float64Array(this.count * 3);
    for (let i = 0; i < this.count; i++) {
      const j = this.slot(i);
      out[3 * i] = this.at[j]!;
      out[3 * i + 1] = this.node[j]!;
      out[3 * i + 2] = this.kind[j]!;
    }
    return out;
  }

  get count(): number {
    return Math.min(this.total, MARKS_KEPT);
  }

  /** Entry i, 0 = the oldest kept. */
  private slot(i: number): number {
    return (this.total - this.count + i) % MARKS_KEPT;
  }

  atMs(i: number): number {
    return this.at[this.slot(i)]!;
  }

  nodeIndex(i: number): number {
    return this.node[this.slot(i)]!;
  }

  kindOf(i: number): TimelineKind | undefined {
    return TIMELINE_KINDS[this.kind[this.slot(i)]!];
  }
}
