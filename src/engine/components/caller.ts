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
    this.tryAttempt(slot);
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

  /** The answer to one of this caller's calls. */
  onOutcome(child: number, outcome: number): void {
    const sim = this.sim;
    const slot = sim.items.callRef[child]!;
    if (this.state[slot] === ABANDONED) {
      this.lateAnswers++;
      this.release(slot);
      return;
    }
    this.gen[slot] = (this.gen[slot]! + 1) & GEN_MASK; // its timeout no longer applies
    if (outcome === COMPLETED) {
      this.throttleAccepts?.add(sim.now);
      this.budget.onSuccess(this.retryCost[slot]!);
      this.done(slot, true, COMPLETED, R_NONE, 0, sim.outcomeAt);
      return;
    }
    this.budget.onFailure();
    this.failed(slot, outcome, sim.outcomeReason, sim.outcomeRetryAfterMs, sim.outcomeAt);
  }

  handle(kind: number, arg: number): void {
    const slot = arg >>> GEN_BITS;
    if ((arg & GEN_MASK) !== this.gen[slot]) return; // stale
    if (kind === CALL_TIMEOUT && this.state[slot] === ACTIVE) {
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
    };
  }
}
