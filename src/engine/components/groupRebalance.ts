/**
 * A consumer group's rebalances: who owns which partition after a change of membership (or of
 * the partition count), and the pause while ownership moves.
 * - Eager (range assignor): every member finishes its batch, commits, gives up all its partitions
 *   and waits in poll; the new assignment takes effect `rebalanceMs` after the last member came
 *   back to poll (stop the world).
 * - Cooperative (sticky assignor): only the partitions that move pause; their owners give them up
 *   at their next poll, and the others are read throughout.
 * A change during a rebalance restarts its sync round (a new generation).
 */
import { PRIO_NORMAL } from '../kernel/protocol';
import { TIMELINE_KINDS } from '../metrics/timeline';
import type { ConsumerGroupConfig } from '../scenario/streams';
import { rangeAssignment, stickyAssignment } from './assignors';
import { WAITING, type Consumer } from './groupMember';
import type { Offsets } from './groupOffsets';
import type { SimNode } from './node';

const TL_REBALANCE_START = TIMELINE_KINDS.indexOf('rebalance-start');
const TL_REBALANCE_END = TIMELINE_KINDS.indexOf('rebalance-end');

/** The event kind the group forwards to `end`, its argument the generation. */
export const REBALANCE_END = 2;

/** The group being rebalanced. */
export interface Rebalanced extends SimNode {
  readonly consumers: readonly Consumer[];
  readonly offsets: Offsets;
  /** A member waiting in poll fetches what its partitions have. */
  fetch(c: Consumer): void;
}

export class Rebalance {
  running = false;
  /** When the running rebalance started. */
  startedAt = 0;
  count = 0;
  /** Time spent rebalancing, ms, over the rebalances that ended. */
  pausedMs = 0;
  private cfg!: ConsumerGroupConfig;
  /** Bumped by every change of membership: a rebalance end scheduled before it is void. */
  private gen = 0;
  private endScheduledFor = -1;

  constructor(private readonly group: Rebalanced) {}

  configure(c: ConsumerGroupConfig): void {
    this.cfg = c;
  }

  /** Membership or the partitions changed: a rebalance starts, or the running one starts its sync round over. */
  trigger(): void {
    const sim = this.group.sim;
    const offsets = this.group.offsets;
    if (!this.running) {
      this.running = true;
      this.startedAt = sim.now;
      this.count++;
      sim.timeline.add(sim.now, this.group.index, TL_REBALANCE_START);
    }
    this.gen++;
    this.endScheduledFor = -1;
    if (this.cfg.rebalance === 'eager') offsets.paused.fill(1);
    else {
      const target = this.target();
      for (let p = 0; p < offsets.owner.length; p++) if (offsets.owner[p] !== target[p]) offsets.paused[p] = 1;
    }
    for (const c of this.group.consumers) if (c.member && c.state === WAITING) this.prepareJoin(c);
    this.maybeSync();
  }

  /** A member at poll during a rebalance: commits and gives up what it must (eager: everything). */
  prepareJoin(c: Consumer): void {
    const offsets = this.group.offsets;
    const give = this.cfg.rebalance === 'eager' ? c.owned.slice() : c.owned.filter((p) => offsets.paused[p]);
    if (give.length === 0) return;
    offsets.commit(c, give, this.group.sim.now);
    offsets.release(c, give);
  }

  /** Once every member that must has come back (and given up its partitions), the sync round runs. */
  maybeSync(): void {
    if (!this.running || this.endScheduledFor === this.gen) return;
    const offsets = this.group.offsets;
    if (this.cfg.rebalance === 'eager') {
      for (const c of this.group.consumers) if (c.member && c.state !== WAITING) return;
    } else {
      for (let p = 0; p < offsets.owner.length; p++) if (offsets.paused[p] && offsets.owner[p]! >= 0) return;
    }
    this.endScheduledFor = this.gen;
    const sim = this.group.sim;
    sim.schedule(sim.now + this.cfg.rebalanceMs, PRIO_NORMAL, this.group.index, REBALANCE_END, this.gen);
  }

  /** The sync round of generation `gen` is over (void if membership changed since). */
  end(gen: number): void {
    if (gen !== this.gen) return;
    const g = this.group;
    const sim = g.sim;
    this.assign();
    g.offsets.paused.fill(0);
    this.running = false;
    this.pausedMs += sim.now - this.startedAt;
    sim.timeline.add(sim.now, g.index, TL_REBALANCE_END);
    for (const c of g.consumers) if (c.member && c.state === WAITING) g.fetch(c);
  }

  /** Gives the unowned partitions to their target owners. */
  assign(): void {
    this.group.offsets.assign(this.target(), this.group.consumers);
  }

  /** Who should own each partition now (assignors.ts): Kafka's range assignor under eager rebalancing, sticky under cooperative. */
  private target(): Int32Array {
    const owner = this.group.offsets.owner;
    const P = owner.length;
    const members = this.group.consumers.filter((c) => c.member);
    if (this.cfg.rebalance === 'eager') return rangeAssignment(P, members.map((c) => c.idx));
    return stickyAssignment(
      P,
      members.map((c) => ({ idx: c.idx, owns: c.owned.filter((p) => owner[p] === c.idx) })),
    );
  }
}
