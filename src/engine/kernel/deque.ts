/** A growable ring buffer of integers (item ids, node indices) usable from both ends. */
export class IntDeque {
  private buf: Int32Array;
  private head = 0;
  private n = 0;
  private mask: number;

  constructor(initialCapacity = 16) {
    let cap = 1;
    while (cap < initialCapacity) cap <<= 1;
    this.buf = new Int32Array(cap);
    this.mask = cap - 1;
  }

  get length(): number {
    return this.n;
  }

  pushBack(v: number): void {
    if (this.n === this.buf.length) this.grow();
    this.buf[(this.head + this.n) & this.mask] = v;
    this.n++;
  }

  pushFront(v: number): void {
    if (this.n === this.buf.length) this.grow();
    this.head = (this.head - 1) & this.mask;
    this.buf[this.head] = v;
    this.n++;
  }

  /** Callers check `length` first; on an empty deque these return -1. */
  peekFront(): number {
    return this.n > 0 ? this.buf[this.head]! : -1;
  }

  peekBack(): number {
    return this.n > 0 ? this.buf[(this.head + this.n - 1) & this.mask]! : -1;
  }

  popFront(): number {
    if (this.n === 0) return -1;
    const v = this.buf[this.head]!;
    this.head = (this.head + 1) & this.mask;
    this.n--;
    return v;
  }

  popBack(): number {
    if (this.n === 0) return -1;
    this.n--;
    return this.buf[(this.head + this.n) & this.mask]!;
  }

  /** The i-th element from the front. */
  at(i: number): number {
    return this.buf[(this.head + i) & this.mask]!;
  }

  /** Removes the i-th element from the front, keeping order (O(n); rare paths only). */
  removeAt(i: number): number {
    const v = this.at(i);
    for (let j = i; j < this.n - 1; j++) this.buf[(this.head + j) & this.mask] = this.buf[(this.head + j + 1) & this.mask]!;
    this.n--;
    return v;
  }

  clear(): void {
    this.head = 0;
    this.n = 0;
  }

  private grow(): void {
    const old = this.buf;
    const cap = old.length * 2;
    const b = new Int32Array(cap);
    for (let i = 0; i < this.n; i++) b[i] = old[(this.head + i) & this.mask]!;
    this.buf = b;
    this.head = 0;
    this.mask = cap - 1;
  }
}
