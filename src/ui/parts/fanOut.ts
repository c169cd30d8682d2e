import { F } from '../../engine/snapshot';
import { C, n, nRate, SYSTEM_LATENCY } from '../charts/chartKit';
import type { Part } from './part';

/** Scatter-gather: one call's tail beside a whole request's (The Tail at Scale). */
export const fanOut: Part = {
  kind: 'fan-out',
  name: 'Fan-out',
  palette: { group: 'Queues & work', what: 'Scatter-gather: N parallel calls, answers when all (or the first k) are back' },
  // No retries: the tail of a request is the tail of its slowest call.
  starter: { calls: 10, waitFor: 'all', timeoutMs: 5000 },
  status: { idle: 'idle', healthy: 'answering', saturated: 'tail amplified', overflowing: 'requests failing' },
  charts: [
    {
      key: 'tail',
      title: 'Call vs request',
      unit: 'ms',
      lines: [
        { name: 'call p50', color: C.p50, dashed: true, read: n(F.callP50) },
        { name: 'call p99', color: C.p50, read: n(F.callP99) },
        { name: 'request p50', color: C.p99, dashed: true, read: n(F.latP50) },
        { name: 'request p99', color: C.p99, read: n(F.latP99) },
      ],
    },
    {
      key: 'flow',
      title: 'Requests vs answers',
      unit: 'items/s',
      lines: [
        { name: 'requests', color: C.in, read: nRate(F.accepted) },
        { name: 'answered', color: C.out, read: nRate(F.completed) },
        { name: 'failed', color: C.bad, read: nRate(F.failed) },
      ],
    },
    { key: 'calls', title: 'Calls made', unit: 'calls/s', lines: [{ name: 'calls', color: C.level, read: nRate(F.attempts) }, { name: 'retries', color: C.bad2, read: nRate(F.retries) }] },
    SYSTEM_LATENCY,
  ],
};
