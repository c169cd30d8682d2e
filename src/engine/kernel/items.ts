/**
 * Items in flight, stored as a structure of arrays indexed by item id, with a free list.
 * An id is reused once its item has finished, so nothing may keep an id after `finish`.
 * The pool grows by doubling up to the engine's limit of items in the system.
 */
export class ItemPool {
  /** Simulated time the item was created at its producer. */
  created: Float64Array;
  /** Simulated time the item entered the node that holds it now. */
  entered: Float64Array;
  /** Priority class, 0 = critical ... 4 = batch. */
  cls: Uint8Array;
  size: Float64Array;
  /** 1, 2, 3...: the item's number in order of creation (for traces; ids are reused). */
  serial: Float64Array;
  /** Node index of whoever hears the item's outcome (its producer, later a calling client). */
  replyTo: Int32Array;
  private free: Int32Array;
  private freeTop = 0;
  private nextFresh = 0;
  live = 0;

  constructor(initial = 1024) {
    this.created = new Float64Array(initial);
    this.entered = new Float64Array(initial);
    this.cls = new Uint8Array(initial);
    this.size = new Float64Array(initial);
    this.serial = new Float64Array(initial);
    this.replyTo = new Int32Array(initial);
    this.free = new Int32Array(initial);
  }

  get capacity(): number {
    return this.created.length;
  }

  alloc(): number {
    this.live++;
    if (this.freeTop > 0) return this.free[--this.freeTop]!;
    if (this.nextFresh === this.created.length) this.grow();
    return this.nextFresh++;
  }

  release(id: number): void {
    this.live--;
    this.free[this.freeTop++] = id;
  }

  private grow(): void {
    const n = this.created.length * 2;
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    this.created = f64(this.created);
    this.entered = f64(this.entered);
    this.size = f64(this.size);
    this.serial = f64(this.serial);
    const cls = new Uint8Array(n);
    cls.set(this.cls);
    this.cls = cls;
    const r = new Int32Array(n);
    r.set(this.replyTo);
    this.replyTo = r;
    const fr = new Int32Array(n);
    fr.set(this.free);
    this.free = fr;
  }
}
