/**
 * Making calls on behalf of an item and waiting for the answers: what a `client` does for every
 * request, and what a service does for each of its "call" edges.
 *
 * Each attempt is a child item sent to the callee, carrying a deadline of
 * min(the item's deadline, now + timeoutMs). The answer is the child's outcome. On failure the
 * caller may retry after a backoff (AWS formulas, see `backoffDelay`), at least the Retry-After a
 * 429 carried (if respectRetryAfter), never past the deadline, and only while the retry budget
 * allows. A timeout abandons the attempt: the callee may still serve it (wasted work) and its late
 * answer is ignored. Google SRE adaptive throttling may reject an attempt locally before it is
 * sent: p = max(0, (requests - K * accepts) / (requests + 1)) over the last windowMs.
 *
 * Hedging (gRPC's hedgingPolicy, gRFC A6) replaces retries when set: the first attempt goes at
 * once, another after each hedgingDelayMs while no answer came, up to maxAttempts copies in
 * flight. The first answer is committed, success or failure (gRPC's nonFatalStatusCodes empty,
 * its default), and the other copies are cancelled: a cancelled copy's deadline becomes now, so a
 * callee that has not started it drops it (expired, as gRPC servers see a cancelled RPC), and one
 * already working on it finishes it as wasted work. A copy that times out counts as no answer: the
 * next copy goes at once. Each copy after the first is charged to the retry budget, as gRPC's
 * retry throttling applies to hedges too.
 */
import { IntDeque } from '../kernel/deque';
import { ACCEPTED, BUSY, COMPLETED, EXPIRED, O_REFUSED, PRIO_NORMAL, R_CLIENT_THROTTLED, R_DEADLINE, R_NONE, R_TIMEOUT, TIMEOUT } from '../kernel/protocol';
import { powInt } from '../kernel/detmath';
import type { Rng } from '../kernel/rng';
import type { Sim } from '../kernel/sim';
import { WindowedCounter } from '../metrics/windowedCounter';
import type { Backoff, CallerConfig } from '../scenario/resilience';
import type { SimNode } from './node';
import { Budget, DENIED } from './retryBudget';

/** The node that owns a Caller. */
export interface CallerOwner extends SimNode {
  /** Where call number `step` goes (a client: its outputs; a service: its step-th call edge). */
  callTargets(step: number): readonly SimNode[];
  /** The calls for `parent` are over: ok, or failed with this outcome, reason and hint. */
  onCallDone(parent: number, step: number, ok: boolean, outcome: number, reason: number, retryAfterMs: number, at: number): void;
}

const FREE = 0;
const ACTIVE = 1;
const ABANDONED = 2;
const BACKOFF = 3;
/** A hedged request: its copies are slots of their own, listed from `child` through `sib`. */
const GROUP = 4;
/** A hedge copy that lost: its answer, when it comes, is dropped. */
const CANCELLED = 5;
const NONE = -1;

/** Event kinds the owner forwards to `handle`. */
export const CALL_TIMEOUT = 100;
export const CALL_RETRY = 101;
const GEN_BITS = 10;
const GEN_MASK = (1 << GEN_BITS) - 1;

/** Sleep before retry number `retry` (1 = first retry); `prev` is the previous sleep (decorrelated). */
export function backoffDelay(b: Backoff, retry: number, prev: number, rng: Rng): number {
  const expo = Math.min(b.capMs, b.baseMs * powInt(b.multiplier, retry - 1));
  switch (b.jitter) {
    case 'none':
      return expo;
    case 'full':
      return rng.uniform(0, expo);
    case 'equal':
      return expo / 2 + rng.uniform(0, expo / 2);
    case 'decorrelated':
      return Math.min(b.capMs, rng.uniform(b.baseMs, Math.max(b.baseMs, prev * 3)));
  }
}

export class Caller {
  private cfg!: CallerConfig;
  private budget!: Budget;
  private throttleRequests: WindowedCounter | null = null;
  private throttleAccepts: WindowedCounter | null = null;

  // Call slots, a structure of arrays with a free list.
  private parent = new Int32Array(16);
  private child = new Int32Array(16);
  private step = new Int32Array(16);
  private attempt = new Int32Array(16);
  private state = new Uint8Array(16);
  private gen = new Int32Array(16);
  private prevSleep = new Float64Array(16);
  /** What the slot's last retry took from the retry budget (the AWS quota refunds it on success). */
  private retryCost = new Float64Array(16);
  private rr = new Int32Array(16);
  /** Hedge copies: the group slot they belong to (NONE otherwise), and the next copy of the group. */
  private group = new Int32Array(16).fill(NONE);
  private sib = new Int32Array(16).fill(NONE);
  private freeSlots: number[] = [];
  private fresh = 0;
  /** Slots whose child waits for room at the callee (it answered BUSY). */
  private readonly pending = new IntDeque(8);

  requests = 0;
  attempts = 0;
  retries = 0;
  timeouts = 0;
  lateAnswers = 0;
  budgetDenied = 0;
  throttled = 0;
  /** Requests whose calls all ended without success. */
  failures = 0;
  /** Hedging: copies sent after the first, and copies cancelled because another answered first. */
  hedges = 0;
  hedgesCancelled = 0;
  /** Calls cancelled because their request no longer needed them (cancelParent). */
  cancelled = 0;

  constructor(
    private readonly owner: CallerOwner,
    private readonly sim: Sim,
    private readonly rng: Rng,
  ) {}

  configure(cfg: CallerConfig): void {
    const budgetChanged = !this.cfg || JSON.stringify(cfg.retryBudget) !== JSON.stringify(this.cfg.retryBudget);
    const throttleChanged = !this.cfg || JSON.stringify(cfg.adaptiveThrottle) !== JSON.stringify(this.cfg.adaptiveThrottle);
    this.cfg = cfg;
    if (budgetChanged) this.budget = new Budget(cfg.retryBudget);
    if (throttleChanged) {
      const w = cfg.adaptiveThrottle?.windowMs;
      this.throttleRequests = w ? new WindowedCounter(w) : null;
      this.throttleAccepts = w ? new WindowedCounter(w) : null;
    }
  }

  /** Items waiting here to be sent (they count as held by the owner). */
  get waiting(): number {
    return this.pending.length;
  }

  budgetLevel(): number {
    return this.budget.level(this.sim.now);
  }

  /** Starts the calls of step `step` for `parent`. */
  start(parent: number, step: number): void {
    const slot = this.alloc();
    this.parent[slot] = parent;
    this.step[slot] = step;
    this.attempt[slot] = 1;
    this.prevSleep[slot] = this.cfg.backoff.baseMs;
    this.retryCost[slot] = 0;
    this.requests++;
    this.budget.onRequest(this.sim.now);
    if (this.cfg.hedgingPolicy) {
      this.state[slot] = GROUP;
      this.attempt[slot] = 0;
      this.child[slot] = NONE;
      this.sendHedge(slot);
    } else this.tryAttempt(slot);
  }

  /** Sends the next copy of hedged request `g`, and arms the timer of the one after it. */
  private sendHedge(g: number): void {
    const sim = this.sim;
    const h = this.cfg.hedgingPolicy!;
    const parent = this.parent[g]!;
    const parentDeadline = sim.items.deadline[parent]!;
    const first = this.attempt[g] === 0;
    if (sim.now >= parentDeadline) {
      if (this.liveCopies(g) === 0) this.commit(g, false, EXPIRED, R_DEADLINE, 0, this.owner.index);
      return;
    }
    if (!first && this.budget.tryRetry(sim.now) === DENIED) {
      this.budgetDenied++;
      if (this.liveCopies(g) === 0) this.commit(g, false, O_REFUSED, R_CLIENT_THROTTLED, 0, this.owner.index);
      return;
    }
    const copy = this.alloc();
    const timeout = this.cfg.timeoutMs ?? Infinity;
    const child = sim.newCall(parent, this.owner.index, copy, Math.min(parentDeadline, sim.now + timeout));
    if (child < 0) return; // the run has halted
    this.parent[copy] = parent;
    this.step[copy] = this.step[g]!;
    this.attempt[copy] = this.attempt[g]! + 1;
    this.child[copy] = child;
    this.group[copy] = g;
    this.sib[copy] = this.child[g]!;
    this.child[g] = copy;
    this.rr[copy] = this.rr[g]!;
    this.rr[g] = this.rr[g]! + 1; // each copy to the next target, as a balancer would spread them
    this.attempt[g]!++;
    this.attempts++;
    if (!first) this.hedges++;
    if (timeout !== Infinity) sim.schedule(sim.now + timeout, PRIO_NORMAL, this.owner.index, CALL_TIMEOUT, this.ref(copy));
    if (this.attempt[g]! < h.maxAttempts) sim.schedule(sim.now + h.hedgingDelayMs, PRIO_NORMAL, this.owner.index, CALL_RETRY, this.ref(g));
    this.send(copy);
  }

  /** Copies of group `g` still waiting for an answer. */
  private liveCopies(g: number): number {
    let n = 0;
    for (let c = this.child[g]!; c !== NONE; c = this.sib[c]!) if (this.state[c] === ACTIVE) n++;
    return n;
  }

  /** The answer of hedge copy `copy`: the first one decides the request; the other copies are cancelled. */
  private hedgeAnswered(copy: number, ok: boolean, outcome: number, reason: number, retryAfterMs: number, at: number): void {
    const g = this.group[copy]!;
    this.state[copy] = CANCELLED; // answered: released with the group
    this.commit(g, ok, outcome, reason, retryAfterMs, at);
  }

  /** Ends hedged request `g`: every copy still in flight is cancelled, the owner hears the outcome. */
  private commit(g: number, ok: boolean, outcome: number, reason: number, retryAfterMs: number, at: number): void {
    const sim = this.sim;
    for (let c = this.child[g]!; c !== NONE; ) {
      const next = this.sib[c]!;
      if (this.state[c] === ACTIVE) {
        // gRPC cancels the losing RPCs: the callee sees it as a deadline that has passed.
        this.hedgesCancelled++;
        this.state[c] = CANCELLED;
        this.gen[c] = (this.gen[c]! + 1) & GEN_MASK;
        sim.items.deadline[this.child[c]!] = sim.now;
        this.group[c] = NONE; // freed when its answer comes
      } else if (this.state[c] === ABANDONED) {
        this.group[c] = NONE; // timed out, its late answer still to come: freed then
      } else if (this.state[c] === CANCELLED && this.group[c] === g) {
        this.release(c); // answered (the winner, or a timed-out copy whose late answer came in)
      }
      c = next;
    }
    this.done(g, ok, outcome, reason, retryAfterMs, at);
  }

  private tryAttempt(slot: number): void {
    const sim = this.sim;
    const parent = this.parent[slot]!;
    const parentDeadline = sim.items.deadline[parent]!;
    if (sim.now >= parentDeadline) {
      this.done(slot, false, EXPIRED, R_DEADLINE, 0, this.owner.index);
      return;
    }
    const t = this.cfg.adaptiveThrottle;
    if (t && this.throttleRequests) {
      const now = sim.now;
      const requests = this.throttleRequests.total(now);
      const accepts = this.throttleAccepts!.total(now);
      this.throttleRequests.add(now);
      const p = Math.max(0, (requests - t.k * accepts) / (requests + 1));
      if (p > 0 && this.rng.next() < p) {
        this.throttled++;
        this.done(slot, false, O_REFUSED, R_CLIENT_THROTTLED, 0, this.owner.index);
        return;
      }
    }
    const timeout = this.cfg.timeoutMs ?? Infinity;
    const child = sim.newCall(parent, this.owner.index, slot, Math.min(parentDeadline, sim.now + timeout));
    if (child < 0) return; // the run has halted
    this.attempts++;
    if (this.attempt[slot]! > 1) this.retries++;
    this.child[slot] = child;
    this.state[slot] = ACTIVE;
    if (timeout !== Infinity) sim.schedule(sim.now + timeout, PRIO_NORMAL, this.owner.index, CALL_TIMEOUT, this.ref(slot));
    this.send(slot);
  }

  private send(slot: number): void {
    const targets = this.owner.callTargets(this.step[slot]!);
    const child = this.child[slot]!;
    const n = targets.length;
    let result: number = n === 0 ? BUSY : O_REFUSED;
    for (let k = 0; k < n; k++) {
      const i = (this.rr[slot]! + k) % n;
      const r = targets[i]!.offer(child, this.owner);
      if (r === ACCEPTED) {
        this.rr[slot] = i + 1;
        return;
      }
      if (r === BUSY) result = BUSY;
    }
    if (result === BUSY) this.pending.pushBack(slot);
    else this.sim.finishRefused(child); // comes back through onOutcome
  }

  /** A callee that said BUSY has room: send the oldest waiting call there. */
  onReady(receiver: SimNode): void {
    while (this.pending.length > 0) {
      const slot = this.pending.peekFront();
      const child = this.child[slot]!;
      if (this.state[slot] !== ACTIVE) {
        // Timed out before it could even be sent: it ends here.
        this.pending.popFront();
        this.sim.finish(child, TIMEOUT, this.owner.index, R_TIMEOUT);
        continue;
      }
      const r = receiver.offer(child, this.owner);
      if (r === BUSY) return;
      this.pending.popFront();
      if (r !== ACCEPTED) this.sim.finishRefused(child);
      if (this.pending.length > 0) receiver.addWaiter(this.owner);
      return;
    }
  }

  /**
   * Nobody needs the calls for `parent` any more (a fan-out decided without them): each one in
   * flight is cancelled as a losing hedge is (a callee that has not started drops it), one waiting
   * to retry is dropped; the owner hears nothing more about them.
   */
  cancelParent(parent: number): void {
    const sim = this.sim;
    const cancel = (c: number) => {
      this.cancelled++;
      this.state[c] = CANCELLED;
      this.gen[c] = (this.gen[c]! + 1) & GEN_MASK;
      sim.items.deadline[this.child[c]!] = sim.now;
      this.group[c] = NONE;
    };
    for (let s = 0; s < this.fresh; s++) {
      if (this.parent[s] !== parent) continue;
      const st = this.state[s];
      if (st === ACTIVE && this.group[s] === NONE) cancel(s);
      else if (st === BACKOFF) this.release(s);
      else if (st === GROUP) {
        for (let c = this.child[s]!; c !== NONE; ) {
          const next = this.sib[c]!;
          if (this.state[c] === ACTIVE) cancel(c);
          else if (this.state[c] === ABANDONED) this.group[c] = NONE;
          else if (this.state[c] === CANCELLED && this.group[c] === s) this.release(c);
          c = next;
        }
        this.release(s);
      }
    }
  }

  /** The answer to one of this caller's calls. */
  onOutcome(child: number, outcome: number): void {
    const sim = this.sim;
    const slot = sim.items.callRef[child]!;
    if (this.state[slot] === ABANDONED || this.state[slot] === CANCELLED) {
      if (this.state[slot] === ABANDONED) this.lateAnswers++;
      // A hedge copy that timed out stays listed in its group until the group ends.
      if (this.group[slot] !== NONE && this.state[this.group[slot]!] === GROUP) this.state[slot] = CANCELLED;
      else this.release(slot);
      return;
    }
    this.gen[slot] = (this.gen[slot]! + 1) & GEN_MASK; // its timeout no longer applies
    const hedged = this.group[slot] !== NONE;
    if (outcome === COMPLETED) {
      this.throttleAccepts?.add(sim.now);
      this.budget.onSuccess(this.retryCost[slot]!);
      if (hedged) this.hedgeAnswered(slot, true, COMPLETED, R_NONE, 0, sim.outcomeAt);
      else this.done(slot, true, COMPLETED, R_NONE, 0, sim.outcomeAt);
      return;
    }
    this.budget.onFailure();
    if (hedged) this.hedgeAnswered(slot, false, outcome, sim.outcomeReason, sim.outcomeRetryAfterMs, sim.outcomeAt);
    else this.failed(slot, outcome, sim.outcomeReason, sim.outcomeRetryAfterMs, sim.outcomeAt);
  }

  handle(kind: number, arg: number): void {
    const slot = arg >>> GEN_BITS;
    if ((arg & GEN_MASK) !== this.gen[slot]) return; // stale
    if (kind === CALL_TIMEOUT && this.state[slot] === ACTIVE && this.group[slot] !== NONE) {
      // A hedge copy timed out: no answer from it; the next copy goes now, or the request fails.
      this.timeouts++;
      this.budget.onFailure();
      this.state[slot] = ABANDONED;
      this.gen[slot] = (this.gen[slot]! + 1) & GEN_MASK;
      this.sim.releaseObservers(this.child[slot]!, TIMEOUT);
      const g = this.group[slot]!;
      if (this.liveCopies(g) > 0) return;
      if (this.attempt[g]! < this.cfg.hedgingPolicy!.maxAttempts) {
        this.gen[g] = (this.gen[g]! + 1) & GEN_MASK; // the pending hedge timer is replaced by this copy's
        this.sendHedge(g);
      } else this.commit(g, false, TIMEOUT, R_TIMEOUT, 0, this.owner.index);
    } else if (kind === CALL_RETRY && this.state[slot] === GROUP) {
      this.sendHedge(slot);
    } else if (kind === CALL_TIMEOUT && this.state[slot] === ACTIVE) {
      this.timeouts++;
      this.budget.onFailure();
      // The slot stays with the abandoned child until its late answer; the retry takes a new one.
      this.state[slot] = ABANDONED;
      const child = this.child[slot]!;
      this.sim.releaseObservers(child, TIMEOUT); // breakers and limiters on the way see a timeout now
      const next = this.alloc();
      this.parent[next] = this.parent[slot]!;
      this.step[next] = this.step[slot]!;
      this.attempt[next] = this.attempt[slot]!;
      this.prevSleep[next] = this.prevSleep[slot]!;
      this.retryCost[next] = this.retryCost[slot]!;
      this.rr[next] = this.rr[slot]!;
      this.failed(next, TIMEOUT, R_TIMEOUT, 0, this.owner.index);
    } else if (kind === CALL_RETRY && this.state[slot] === BACKOFF) {
      this.attempt[slot]!++;
      this.tryAttempt(slot);
    }
  }

  /** An attempt failed: retry after a backoff if the policy, the budget and the deadline allow. */
  private failed(slot: number, outcome: number, reason: number, retryAfterMs: number, at: number): void {
    const sim = this.sim;
    const c = this.cfg;
    const n = this.attempt[slot]!;
    if (n < c.maxAttempts && reason !== R_CLIENT_THROTTLED) {
      let delay = backoffDelay(c.backoff, n, this.prevSleep[slot]!, this.rng);
      this.prevSleep[slot] = delay;
      if (c.respectRetryAfter && retryAfterMs > delay) delay = retryAfterMs;
      const inTime = sim.now + delay < sim.items.deadline[this.parent[slot]!]!;
      const cost = inTime ? this.budget.tryRetry(sim.now, outcome === TIMEOUT) : DENIED;
      if (cost !== DENIED) {
        this.retryCost[slot] = cost;
        this.state[slot] = BACKOFF;
        sim.schedule(sim.now + delay, PRIO_NORMAL, this.owner.index, CALL_RETRY, this.ref(slot));
        return;
      }
      if (inTime) this.budgetDenied++;
    }
    this.done(slot, false, outcome, reason, retryAfterMs, at);
  }

  private done(slot: number, ok: boolean, outcome: number, reason: number, retryAfterMs: number, at: number): void {
    const parent = this.parent[slot]!;
    const step = this.step[slot]!;
    if (!ok) this.failures++;
    this.release(slot);
    this.owner.onCallDone(parent, step, ok, outcome, reason, retryAfterMs, at);
  }

  private ref(slot: number): number {
    return (slot << GEN_BITS) | this.gen[slot]!;
  }

  private alloc(): number {
    const slot = this.freeSlots.length > 0 ? this.freeSlots.pop()! : this.grow();
    this.state[slot] = ACTIVE;
    this.rr[slot] = 0;
    this.group[slot] = NONE;
    this.sib[slot] = NONE;
    return slot;
  }

  private release(slot: number): void {
    this.state[slot] = FREE;
    this.gen[slot] = (this.gen[slot]! + 1) & GEN_MASK;
    this.freeSlots.push(slot);
  }

  private grow(): number {
    if (this.fresh === this.parent.length) {
      const n = this.parent.length * 2;
      const i32 = (a: Int32Array) => {
        const b = new Int32Array(n);
        b.set(a);
        return b;
      };
      this.parent = i32(this.parent);
      this.child = i32(this.child);
      this.step = i32(this.step);
      this.attempt = i32(this.attempt);
      this.gen = i32(this.gen);
      this.rr = i32(this.rr);
      this.group = i32(this.group);
      this.sib = i32(this.sib);
      const st = new Uint8Array(n);
      st.set(this.state);
      this.state = st;
      const f64 = (a: Float64Array) => {
        const b = new Float64Array(n);
        b.set(a);
        return b;
      };
      this.prevSleep = f64(this.prevSleep);
      this.retryCost = f64(this.retryCost);
    }
    return this.fresh++;
  }

  report(): Record<string, number> {
    return {
      requests: this.requests,
      attempts: this.attempts,
      retries: this.retries,
      amplification: this.requests > 0 ? this.attempts / this.requests : 0,
      timeouts: this.timeouts,
      lateAnswers: this.lateAnswers,
      retriesDeniedByBudget: this.budgetDenied,
      throttledLocally: this.throttled,
      failedRequests: this.failures,
      ...(this.cfg.hedgingPolicy ? { hedges: this.hedges, hedgesCancelled: this.hedgesCancelled } : {}),
    };
  }
}
