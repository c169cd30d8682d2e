/**
 * Circuit breaker with Resilience4j's state machine and parameters (CircuitBreakerStateMachine):
 *
 * - CLOSED: calls pass; each call's outcome is recorded in a sliding window (the last N calls, or
 *   N one-second buckets). Once the window holds at least `minimumNumberOfCalls`, the breaker
 *   opens when failureRate >= failureRateThreshold or slowCallRate >= slowCallRateThreshold (a call
 *   is slow when it took strictly longer than slowCallDurationThreshold). Any outcome but a
 *   completion counts as a failure (refused, dropped, expired, failed, timed out).
 * - OPEN: calls are refused at once (CallNotPermitted: 503) or sent to the fallback route. After
 *   waitDurationInOpenState the next call moves it to HALF_OPEN (or a timer does, with
 *   automaticTransitionFromOpenToHalfOpenEnabled).
 * - HALF_OPEN: exactly permittedNumberOfCallsInHalfOpenState trial calls pass, the rest are refused;
 *   once all trials are recorded it opens again if over a threshold, else closes.
 * Every transition starts a fresh window and is marked on the timeline.
 */
import { COMPLETED, PRIO_NORMAL, R_BREAKER_OPEN, type OfferResult } from '../kernel/protocol';
import type { SimNode } from './node';
import { BREAKER_STATES, F, NODE_KIND_CODES, type NodeSnapshotWriter } from '../metrics/layout';
import { TL_BREAKER_CLOSED, TL_BREAKER_HALF_OPEN, TL_BREAKER_OPEN } from '../metrics/timeline';
import type { NodeConfig } from '../scenario/schema';
import type { CircuitBreakerConfig } from '../scenario/resilience';
import { PassThrough, REFUSE } from './passThrough';

export const CLOSED = 0;
export const OPEN = 1;
export const HALF_OPEN = 2;
export { BREAKER_STATES };

const AUTO_HALF_OPEN = 0;

/** Outcomes of recent calls: the last `size` calls, or calls in the last `size` seconds. */
class Window {
  private readonly failed: Float64Array;
  private readonly slow: Float64Array;
  private readonly count: Float64Array;
  private readonly stamp: Float64Array; // call number (count-based) or second (time-based) per slot
  calls = 0;
  failures = 0;
  slows = 0;
  private n = 0;

  constructor(
    private readonly size: number,
    private readonly timeBased: boolean,
  ) {
    this.failed = new Float64Array(size);
    this.slow = new Float64Array(size);
    this.count = new Float64Array(size);
    this.stamp = new Float64Array(size).fill(-1);
  }

  record(nowMs: number, failed: boolean, slow: boolean): void {
    const key = this.timeBased ? Math.floor(nowMs / 1000) : this.n++;
    if (this.timeBased) this.expire(key);
    const i = key % this.size;
    if (this.stamp[i] !== key) {
      // The slot held an older call (count-based) or second (time-based): it leaves the window.
      this.drop(i);
      this.stamp[i] = key;
    }
    this.count[i]!++;
    this.calls++;
    if (failed) {
      this.failed[i]!++;
      this.failures++;
    }
    if (slow) {
      this.slow[i]!++;
      this.slows++;
    }
  }

  /** Time-based: forget seconds that fell out of the window. */
  expire(second: number): void {
    for (let i = 0; i < this.size; i++) if (this.stamp[i]! >= 0 && this.stamp[i]! <= second - this.size) this.drop(i);
  }

  private drop(i: number): void {
    this.calls -= this.count[i]!;
    this.failures -= this.failed[i]!;
    this.slows -= this.slow[i]!;
    this.count[i] = this.failed[i] = this.slow[i] = 0;
    this.stamp[i] = -1;
  }
}

export class CircuitBreaker extends PassThrough {
  readonly type = 'circuit-breaker' as const;
  private cfg!: CircuitBreakerConfig;
  state = CLOSED;
  private window!: Window;
  private openedAt = 0;
  private trialsAdmitted = 0;
  private trialsRecorded = 0;
  fallbacks = 0;
  notPermitted = 0;
  /** Simulated ms spent in each state. */
  private readonly timeIn = new Float64Array(3);
  private stateSince = 0;
  transitions = 0;

  configure(config: NodeConfig): void {
    this.cfg = config as unknown as CircuitBreakerConfig;
    this.tracksInFlight = true;
    this.window = this.freshWindow();
  }

  private freshWindow(): Window {
    const c = this.cfg;
    if (this.state === HALF_OPEN) return new Window(c.permittedNumberOfCallsInHalfOpenState, false);
    return new Window(c.slidingWindowSize, c.slidingWindowType === 'TIME_BASED');
  }

  private transition(to: number): void {
    const now = this.sim.now;
    this.timeIn[this.state]! += now - this.stateSince;
    this.stateSince = now;
    this.state = to;
    this.transitions++;
    this.trialsAdmitted = 0;
    this.trialsRecorded = 0;
    this.window = this.freshWindow();
    this.sim.timeline.add(now, this.index, to === OPEN ? TL_BREAKER_OPEN : to === HALF_OPEN ? TL_BREAKER_HALF_OPEN : TL_BREAKER_CLOSED);
    if (to === OPEN) {
      this.openedAt = now;
      if (this.cfg.automaticTransitionFromOpenToHalfOpenEnabled) {
        this.sim.schedule(now + this.cfg.waitDurationInOpenStateMs, PRIO_NORMAL, this.index, AUTO_HALF_OPEN, this.transitions);
      }
    }
  }

  override handle(kind: number, arg: number): void {
    if (kind === AUTO_HALF_OPEN && this.state === OPEN && arg === this.transitions) this.transition(HALF_OPEN);
  }

  /** Whether a call may pass now (moving OPEN → HALF_OPEN once the wait is over). */
  private permits(): boolean {
    if (this.state === OPEN && this.sim.now >= this.openedAt + this.cfg.waitDurationInOpenStateMs) this.transition(HALF_OPEN);
    return this.state === CLOSED || (this.state === HALF_OPEN && this.trialsAdmitted < this.cfg.permittedNumberOfCallsInHalfOpenState);
  }

  protected admit(): number {
    if (this.permits()) return this.nextOutput();
    this.notPermitted++;
    this.sim.refuse(this.index, R_BREAKER_OPEN);
    return REFUSE;
  }

  protected override passedTo(): void {
    if (this.state === HALF_OPEN) this.trialsAdmitted++;
  }

  override offer(item: number, from: SimNode): OfferResult {
    const fallback = this.fallbackOutputs[0];
    if (!fallback || this.permits()) return super.offer(item, from);
    // Not permitted: the fallback route (a cache, a degraded answer) takes it; not a recorded call.
    this.notPermitted++;
    this.fallbacks++;
    return fallback.offer(item, from);
  }

  protected override ended(_item: number, outcome: number, since: number): void {
    const failed = outcome !== COMPLETED;
    const slow = this.sim.now - since > this.cfg.slowCallDurationThresholdMs;
    if (this.state === OPEN) return; // a late outcome of a call admitted before the breaker opened
    this.window.record(this.sim.now, failed, slow);
    if (this.state === HALF_OPEN) {
      this.trialsRecorded++;
      if (this.trialsRecorded < this.cfg.permittedNumberOfCallsInHalfOpenState) return;
      this.transition(this.overThreshold() ? OPEN : CLOSED);
      return;
    }
    if (this.window.calls >= this.cfg.minimumNumberOfCalls && this.overThreshold()) this.transition(OPEN);
  }

  private overThreshold(): boolean {
    const w = this.window;
    if (w.calls === 0) return false;
    return (w.failures / w.calls) * 100 >= this.cfg.failureRateThreshold || (w.slows / w.calls) * 100 >= this.cfg.slowCallRateThreshold;
  }

  /** Failure rate of the current window, percent; -1 while it is empty. */
  failureRate(): number {
    const w = this.window;
    if (this.cfg.slidingWindowType === 'TIME_BASED' && this.state !== HALF_OPEN) w.expire(Math.floor(this.sim.now / 1000));
    return w.calls > 0 ? (w.failures / w.calls) * 100 : -1;
  }

  writeSnapshot(w: NodeSnapshotWriter): void {
    this.writePassThrough(w, NODE_KIND_CODES['circuit-breaker']);
    w.set(F.state, this.state);
    w.set(F.gauge, this.failureRate());
    w.set(F.fallbacks, this.fallbacks);
  }

  report(): Record<string, number | string | null> {
    const timeIn = Float64Array.from(this.timeIn);
    timeIn[this.state]! += this.sim.now - this.stateSince;
    return {
      ...this.reportPassThrough('circuit-breaker'),
      state: BREAKER_STATES[this.state]!,
      notPermitted: this.notPermitted,
      fallbacks: this.fallbacks,
      transitions: this.transitions,
      msClosed: timeIn[CLOSED]!,
      msOpen: timeIn[OPEN]!,
      msHalfOpen: timeIn[HALF_OPEN]!,
    };
  }
}
