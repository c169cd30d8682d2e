import { F, G } from '../../../engine/index';
import { latestNodeRate } from '../../frames/derive';
import { count } from '../../format';
import type { ConfigOf } from '../../store/graph';
import { gaugeNode } from './GaugeNode';
import { ms } from './live';

/**
 * Scatter-gather: the bar compares the tail of one call with the tail of a whole request. Waiting
 * for many calls makes the request's p99 the calls' p99.9 or worse ("The Tail at Scale").
 */
export const FanOutNode = gaugeNode({
  kind: 'fan-out',
  counters: [
    { key: 'requests', label: 'Requests', value: (f) => count(f.snap[f.b + F.accepted]!) },
    { key: 'calls', label: 'Calls', title: 'Calls made (first tries, retries and hedges)', value: (f) => count(f.snap[f.b + F.attempts]!) },
    { key: 'failed', label: 'Failed', tone: 'bad', value: (f) => count(f.snap[f.b + F.failed]!) },
  ],
  read: (f) => {
    const call = f.snap[f.b + F.callP99]!, req = f.snap[f.b + F.latP99]!;
    const health = f.snap[G.now]! <= 0 ? 'idle' : latestNodeRate(f.s.history, f.i, F.failed) > 0 ? 'overflowing' : req > 2 * call && call > 0 ? 'saturated' : 'healthy';
    return { fill: req > 0 ? Math.min(1, call / req) : 0, text: `p99 call ${ms(call)}, req ${ms(req)}`, health };
  },
  subtitle: (d: ConfigOf<'fan-out'>) => `${d.calls} calls · wait for ${d.waitFor === 'all' ? 'all' : `first ${d.waitFor}`}${d.hedgingPolicy ? ' · hedged' : ''}`,
  initial: () => 'p99 call —, req —',
});

/** Optimistic concurrency on one row: writes that landed against 409 conflicts. */
export const SharedRowNode = gaugeNode({
  kind: 'shared-row',
  counters: [
    { key: 'writes', label: 'Writes', value: (f) => count(f.snap[f.b + F.completed]!) },
    { key: 'conflicts', label: 'Conflicts (409)', tone: 'bad', value: (f) => count(f.snap[f.b + F.failed]!) },
  ],
  read: (f) => {
    const writes = f.snap[f.b + F.completed]!, conflicts = f.snap[f.b + F.failed]!;
    const tries = writes + conflicts;
    const health = f.snap[G.now]! <= 0 ? 'idle' : conflicts > writes ? 'overflowing' : conflicts > 0 ? 'saturated' : 'healthy';
    return { fill: tries > 0 ? conflicts / tries : 0, text: `version ${count(f.snap[f.b + F.rowVersion]!)} · ${count(f.snap[f.b + F.level]!)} in flight`, health };
  },
  subtitle: (d: ConfigOf<'shared-row'>) => `read, write: ${d.hopMs} ms a hop`,
  initial: () => 'version 0 · 0 in flight',
});
