import { F } from '../../engine/snapshot';
import { C, n, nodeAmplification, nRate } from '../charts/chartKit';
import { nodeBase } from '../frames/derive';
import type { Part } from './part';

export const client: Part = {
  kind: 'client',
  name: 'Client',
  palette: { group: 'Traffic', what: 'Calls with timeouts, retries, backoff and a retry budget' },
  starter: { timeoutMs: 1000, maxAttempts: 3, backoff: { baseMs: 100, capMs: 2000, multiplier: 2, jitter: 'full' } },
  status: { idle: 'idle', healthy: 'calls answered', saturated: 'timing out / retrying', overflowing: 'requests failing' },
  events: { timeoutMs: { label: 'timeout', unit: 'ms' } },
  charts: [
    {
      key: 'flow',
      title: 'Requests vs answers',
      unit: 'items/s',
      lines: [
        { name: 'requests', color: C.in, read: nRate(F.accepted) },
        { name: 'answered', color: C.out, read: nRate(F.completed) },
        { name: 'in time', color: C.good, dashed: true, read: nRate(F.goodput) },
      ],
    },
    { key: 'amplification', title: 'Calls per request', unit: '×', lines: [{ name: 'attempts', color: C.p99, read: nodeAmplification }] },
    { key: 'latency', title: 'Answer time', unit: 'ms', lines: [{ name: 'p50', color: C.p50, read: n(F.latP50) }, { name: 'p99', color: C.p99, read: n(F.latP99) }] },
    {
      key: 'loss',
      title: 'Failed calls',
      unit: 'items/s',
      lines: [
        { name: 'retries', color: C.p50, read: nRate(F.retries) },
        { name: 'timeouts', color: C.bad2, read: nRate(F.timeouts) },
        { name: 'failed', color: C.bad, read: nRate(F.failed) },
        { name: 'late answers', color: C.waste, read: nRate(F.wasted), seen: n(F.wasted) },
      ],
    },
    {
      key: 'level',
      title: 'In flight, budget',
      unit: 'items',
      lines: [
        { name: 'waiting', color: C.level, read: n(F.level) },
        // -1 when the client has no retry budget: no line then.
        {
          name: 'budget tokens',
          color: C.good,
          read: (h, i, node) => (h.get(i, nodeBase(node) + F.gauge) < 0 ? NaN : h.get(i, nodeBase(node) + F.gauge)),
          seen: (h, i, node) => (h.get(i, nodeBase(node) + F.gauge) >= 0 ? 1 : 0),
        },
      ],
    },
  ],
};
