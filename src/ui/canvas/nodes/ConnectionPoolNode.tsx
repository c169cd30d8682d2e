import { F } from '../../../engine/index';
import { latestNodeRate } from '../../frames/derive';
import { count } from '../../format';
import { gaugeNode } from './GaugeNode';
import { duration } from './live';

/** A HikariCP-style pool: connections in use against the maximum, and who waits for one. */
export const ConnectionPoolNode = gaugeNode({
  kind: 'connection-pool',
  counters: [
    { key: 'waiting', label: 'Waiting', title: 'Items waiting for a free connection', value: (f) => count(f.snap[f.b + F.poolWaiting]!) },
    { key: 'acquired', label: 'Acquired', value: (f) => count(f.snap[f.b + F.accepted]!) },
    { key: 'timedOut', label: 'Timed out', tone: 'bad', title: 'Gave up after the acquire timeout (503)', value: (f) => count(f.snap[f.b + F.expired]!) },
  ],
  read: (f) => {
    const inUse = f.snap[f.b + F.level]!;
    const max = f.snap[f.b + F.capacity]!;
    const waiting = f.snap[f.b + F.poolWaiting]!;
    const health =
      f.snap[0]! <= 0 ? 'idle' : latestNodeRate(f.s.history, f.i, F.expired) > 0 ? 'overflowing' : waiting > 0 || inUse >= max ? 'saturated' : 'healthy';
    return { fill: max > 0 ? inUse / max : 0, text: `${count(inUse)} / ${count(max)} connections`, health };
  },
  subtitle: (d) => `${d.maxConnections} connections · wait ≤ ${d.acquireTimeoutMs === 0 ? '∞' : duration(d.acquireTimeoutMs)}`,
  initial: (d) => `0 / ${d.maxConnections} connections`,
});
