/**
 * Items in flight, stored as a structure of arrays indexed by item id, with a free list.
 * An id is reused once its item has finished, so nothing may keep an id after `finish`.
 * The pool grows by doubling up to the engine's limit of items in the system.
 *
 * A root item is a piece of work a producer created. A call a client or service makes on its
 * behalf is a child item (`parent` is the root's id) whose outcome goes back to the caller.
 */
export class ItemPool {
  /** Simulated time the item was created (a child: when its call attempt started). */
  created!: Float64Array;
  /** Simulated time the item entered the node that holds it now. */
  entered!: Float64Array;
  /** Absolute simulated time after which nobody waits for the answer (Infinity = none). */
  deadline!: Float64Array;
  size!: Float64Array;
  /** 1, 2, 3...: the item's number in order of creation (for traces; ids are reused). */
  serial!: Float64Array;
  /** Node index of whoever hears the item's outcome (its producer, or its caller). */
  replyTo!: Int32Array;
  /** The item this one is a call for, or -1 for a root item. */
  parent!: Int32Array;
  /** The caller's own reference for this call (its call slot), or -1. */
  callRef!: Int32Array;
  /** Head of the item's list of observers (Sim's observer records), or -1. */
  obsHead!: Int32Array;
  /** Priority class, 0 = critical ... 4 = batch. */
  cls!: Uint8Array;
  private free!: Int32Array;
  private freeTop = 0;
  private nextFresh = 0;
  live = 0;

  constructor(initial = 1024) {
    this.resize(initial);
  }

  get capacity(): number {
    return this.created.length;
  }

  alloc(): number {
    this.live++;
    const id = this.freeTop > 0 ? this.free[--this.freeTop]! : this.fresh();
    this.parent[id] = -1;
    this.callRef[id] = -1;
    this.obsHead[id] = -1;
    this.deadline[id] = Infinity;
    return id;
  }

  private fresh(): number {
    if (this.nextFresh === this.created.length) this.resize(this.created.length * 2);
    return this.nextFresh++;
  }

  release(id: number): void {
    this.live--;
    this.free[this.freeTop++] = id;
  }

  private resize(n: number): void {
    const f64 = (a: Float64Array | undefined) => copy(new Float64Array(n), a);
    const i32 = (a: Int32Array | undefined) => copy(new Int32Array(n), a);
    this.created = f64(this.created);
    this.entered = f64(this.entered);
    this.deadline = f64(this.deadline);
    this.size = f64(this.size);
    this.serial = f64(this.serial);
    this.replyTo = i32(this.replyTo);
    this.parent = i32(this.parent);
    this.callRef = i32(this.callRef);
    this.obsHead = i32(this.obsHead);
    this.free = i32(this.free);
    this.cls = copy(new Uint8Array(n), this.cls);
  }
}

function copy<T extends Float64Array | Int32Array | Uint8Array>(to: T, from: T | undefined): T {
  if (from) to.set(from);
  return to;
}
