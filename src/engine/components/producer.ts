/**
 * Producer: open-loop traffic. Items arrive at `rate` per second (Poisson, evenly spaced, or in
 * on/off bursts), following the rate profile over time, with a mix of priority classes.
 *
 * Open loop means arrivals do not wait for answers. The one exception is blocking backpressure:
 * when the next hop says BUSY, the producer holds its item and stops producing until the item is
 * taken, and counts the time it was blocked (like a thread stuck in `BlockingQueue.put`).
 */
import { Rng } from '../kernel/rng';
import { ACCEPTED, BUSY, O_REFUSED, OUTCOMES, PRIO_NORMAL } from '../kernel/protocol';
import type { Sim } from '../kernel/sim';
import { F, NODE_KIND_CODES, type NodeSnapshotWriter } from '../metrics/layout';
import { PRIORITY_CLASSES, type NodeConfig, type ProducerConfig } from '../scenario/schema';
import { SimNode } from './node';
import { RateProfile } from './rateProfile';

const ARRIVE = 0;
const DEFAULT_BURST = { onMs: 1000, offMs: 1000 };

export class Producer extends SimNode {
  readonly type = 'producer' as const;
  private cfg!: ProducerConfig;
  private profile!: RateProfile;
  /** Cumulative class weights, normalised to end at 1. */
  private readonly classCdf = new Float64Array(PRIORITY_CLASSES.length);
  private singleClass = 2;
  private readonly arrivals: Rng;
  private readonly classes: Rng;
  /** Bumped by every live edit: a scheduled arrival from before the edit is ignored. */
  private gen = 0;
  private started = false;

  private holding = -1;
  private blockedSince = 0;

  produced = 0;
  accepted = 0;
  refused = 0;
  blockedMs = 0;
  /** Outcomes of this producer's items, wherever they ended (index: protocol OUTCOMES). */
  readonly outcomes = new Float64Array(OUTCOMES.length);

  constructor(sim: Sim, index: number, id: string, seed: number) {
    super(sim, index, id);
    this.arrivals = new Rng(seed, id, 'arrivals');
    this.classes = new Rng(seed, id, 'classes');
  }

  configure(config: NodeConfig): void {
    const c = config as ProducerConfig;
    this.cfg = c;
    const burst = c.arrival === 'bursty' ? (c.burst ?? DEFAULT_BURST) : null;
    this.profile = new RateProfile(c.rate, c.profile ?? [], burst);
    const mix = c.priorities ?? { normal: 1 };
    let total = 0;
    let nonZero = 0;
    PRIORITY_CLASSES.forEach((name, i) => {
      const w = mix[name] ?? 0;
      total += w;
      this.classCdf[i] = total;
      if (w > 0) {
        nonZero++;
        this.singleClass = i;
      }
    });
    for (let i = 0; i < this.classCdf.length; i++) this.classCdf[i]! /= total;
    if (nonZero > 1) this.singleClass = -1;
    if (this.started) {
      this.gen++;
      if (this.holding < 0) this.scheduleNext();
    }
  }

  override start(): void {
    this.started = true;
    this.scheduleNext();
  }

  private scheduleNext(): void {
    if (this.outputs.length === 0) return; // not connected: nothing to send to
    const now = this.sim.now;
    const t = this.cfg.arrival === 'constant' ? this.profile.nextConstant(now) : this.profile.nextPoisson(now, this.arrivals);
    if (t !== Infinity) this.sim.schedule(t, PRIO_NORMAL, this.index, ARRIVE, this.gen);
  }

  override handle(kind: number, arg: number): void {
    if (kind !== ARRIVE || arg !== this.gen) return;
    const item = this.sim.newItem(this.index, this.drawClass(), this.cfg.sizeBytes);
    if (item < 0) return; // the run has halted
    this.produced++;
    const r = this.sendOut(item);
    if (r === BUSY) {
      this.holding = item;
      this.blockedSince = this.sim.now;
      return;
    }
    this.settleOffer(item, r);
    this.scheduleNext();
  }

  private drawClass(): number {
    if (this.singleClass >= 0) return this.singleClass;
    const u = this.classes.next();
    const cdf = this.classCdf;
    for (let i = 0; i < cdf.length - 1; i++) if (u < cdf[i]!) return i;
    return cdf.length - 1;
  }

  private settleOffer(item: number, r: number): void {
    if (r === ACCEPTED) {
      this.accepted++;
    } else {
      this.refused++;
      this.sim.finish(item, O_REFUSED, this.sim.refusedBy);
    }
  }

  private endBlock(): void {
    this.blockedMs += this.sim.now - this.blockedSince;
    this.holding = -1;
    // Waiting on several outputs at once: leave the other waiting lists too.
    if (this.outputs.length > 1) for (const o of this.outputs) o.cancelWait(this);
  }

  override onReady(receiver: SimNode): void {
    const item = this.holding;
    if (item < 0) return;
    const r = receiver.offer(item, this);
    if (r === BUSY) return;
    this.endBlock();
    this.settleOffer(item, r);
    this.scheduleNext();
  }

  override onWaitRefused(_receiver: SimNode): void {
    const item = this.holding;
    if (item < 0) return;
    this.endBlock();
    this.settleOffer(item, O_REFUSED);
    this.scheduleNext();
  }

  override onOutcome(_item: number, outcome: number): void {
    this.outcomes[outcome]!++;
  }

  held(): number {
    return this.holding >= 0 ? 1 : 0;
  }

  private blockedNow(): number {
    return this.blockedMs + (this.holding >= 0 ? this.sim.now - this.blockedSince : 0);
  }

  writeSnapshot(w: NodeSnapshotWriter): void {
    this.writeCommon(w, NODE_KIND_CODES.producer);
    w.set(F.level, this.holding >= 0 ? 1 : 0);
    w.set(F.capacity, this.outputs.length > 0 ? this.profile.baseRateAt(this.sim.now) : 0);
    w.set(F.arrived, this.produced);
    w.set(F.accepted, this.accepted);
    w.set(F.rejected, this.refused);
    w.set(F.completed, this.outcomes[0]!);
    w.set(F.dropped, this.outcomes[2]!);
    w.set(F.expired, this.outcomes[3]!);
    w.set(F.failed, this.outcomes[4]!);
    w.set(F.blockedMs, this.blockedNow());
  }

  report(): Record<string, number | string | null> {
    return {
      type: 'producer',
      produced: this.produced,
      accepted: this.accepted,
      refused: this.refused,
      blockedMs: this.blockedNow(),
      completed: this.outcomes[0]!,
      refusedAnywhere: this.outcomes[1]!,
      dropped: this.outcomes[2]!,
      expired: this.outcomes[3]!,
      failed: this.outcomes[4]!,
    };
  }
}
