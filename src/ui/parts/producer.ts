import { F } from '../../engine/snapshot';
import { C, nRate, SYSTEM_DEPTH, SYSTEM_LATENCY } from '../charts/chartKit';
import { nodeBase, rateAt } from '../frames/derive';
import type { Part } from './part';

export const producer: Part = {
  kind: 'producer',
  name: 'Producer',
  palette: { group: 'Traffic', what: 'Sends items at a rate, or as N users who wait for answers' },
  starter: { rate: 50, arrival: 'poisson' },
  status: { idle: 'idle', healthy: 'sending', saturated: 'blocked: no room', overflowing: 'being refused' },
  events: { rate: { label: 'rate', unit: 'items/s' } },
  charts: [
    { key: 'flow', title: 'Sent, completed', unit: 'items/s', lines: [{ name: 'sent', color: C.in, read: nRate(F.arrived) }, { name: 'completed', color: C.out, read: nRate(F.completed) }] },
    SYSTEM_DEPTH,
    SYSTEM_LATENCY,
    { key: 'loss', title: 'Turned away', unit: 'items/s', lines: [{ name: 'refused', color: C.bad, read: nRate(F.rejected) }, { name: 'dropped', color: C.bad2, read: nRate(F.dropped) }] },
    { key: 'util', title: 'Time blocked', unit: '%', yMax: 100, lines: [{ name: 'blocked', color: C.bad2, read: (h, i, node) => rateAt(h, i, nodeBase(node) + F.blockedMs) / 10 }] },
  ],
};
