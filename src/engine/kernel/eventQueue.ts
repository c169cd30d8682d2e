/**
 * The future-event list: a binary min-heap ordered by (time, priority, sequence).
 *
 * The sequence number grows forever, so two events scheduled for the same instant with the same
 * priority run in the order they were scheduled (SimPy's `(now + delay, priority, eid)` rule).
 * Entries live in parallel typed arrays rather than objects: the heap is touched twice per item,
 * and allocating an object per event would dominate the run time.
 *
 * An event is (target node index, kind, argument): plain integers the owner dispatches on.
 */
const PRIORITY_SHIFT = 17592186044416; // 2^44: seq < 2^44 (1.7e13 events) keeps priority * 2^44 + seq exact in a double

export class EventQueue {
  private time: Float64Array;
  private key: Float64Array; // priority * 2^44 + seq
  private target: Int32Array;
  private kind: Int32Array;
  private arg: Int32Array;
  private n = 0;
  private seq = 0;

  constructor(initialCapacity = 64) {
    this.time = new Float64Array(initialCapacity);
    this.key = new Float64Array(initialCapacity);
    this.target = new Int32Array(initialCapacity);
    this.kind = new Int32Array(initialCapacity);
    this.arg = new Int32Array(initialCapacity);
  }

  get size(): number {
    return this.n;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.n > 0 ? this.time[0]! : Infinity;
  }

  push(time: number, priority: number, target: number, kind: number, arg: number): void {
    if (this.n === this.time.length) this.grow();
    const key = priority * PRIORITY_SHIFT + this.seq++;
    // Sift the hole up from the end, then drop the entry into it.
    let i = this.n++;
    const t = this.time, k = this.key;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = t[p]!;
      if (pt < time || (pt === time && k[p]! < key)) break;
      this.move(p, i);
      i = p;
    }
    t[i] = time;
    k[i] = key;
    this.target[i] = target;
    this.kind[i] = kind;
    this.arg[i] = arg;
  }

  /**
   * Removes the earliest event and exposes it through `popped*`. Returns false when empty.
   * (Out-fields instead of a returned object: no allocation on the hot path.)
   */
  poppedTime = 0;
  poppedTarget = 0;
  poppedKind = 0;
  poppedArg = 0;

  pop(): boolean {
    const n = this.n;
    if (n === 0) return false;
    const t = this.time, k = this.key;
    this.poppedTime = t[0]!;
    this.poppedTarget = this.target[0]!;
    this.poppedKind = this.kind[0]!;
    this.poppedArg = this.arg[0]!;
    const last = n - 1;
    this.n = last;
    if (last === 0) return true;
    const lt = t[last]!, lk = k[last]!;
    const ltarget = this.target[last]!, lkind = this.kind[last]!, larg = this.arg[last]!;
    // Sift the hole down from the root.
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      const r = c + 1;
      if (r < last && (t[r]! < t[c]! || (t[r] === t[c] && k[r]! < k[c]!))) c = r;
      if (lt < t[c]! || (lt === t[c] && lk < k[c]!)) break;
      this.move(c, i);
      i = c;
    }
    t[i] = lt;
    k[i] = lk;
    this.target[i] = ltarget;
    this.kind[i] = lkind;
    this.arg[i] = larg;
    return true;
  }

  clear(): void {
    this.n = 0;
  }

  private move(from: number, to: number): void {
    this.time[to] = this.time[from]!;
    this.key[to] = this.key[from]!;
    this.target[to] = this.target[from]!;
    this.kind[to] = this.kind[from]!;
    this.arg[to] = this.arg[from]!;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const grow = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.time = grow(this.time, (c) => new Float64Array(c));
    this.key = grow(this.key, (c) => new Float64Array(c));
    this.target = grow(this.target, (c) => new Int32Array(c));
    this.kind = grow(this.kind, (c) => new Int32Array(c));
    this.arg = grow(this.arg, (c) => new Int32Array(c));
  }
}
