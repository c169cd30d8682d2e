/** The network link part: latency (and jitter) on the way to the next hop, like netem (components/link.ts). */
import type { Part } from './part';
import { linkSchema } from '../scenario/network';
import { Link } from '../components/link';

export const linkPart: Part<'link', typeof linkSchema> = {
  type: 'link',
  schema: linkSchema,
  create: (sim, index, id, seed) => new Link(sim, index, id, seed),
  table: {
    title: 'network links',
    columns: [
      ['delivered', 'delivered'],
      ['refused', 'refused'],
      ['held', 'held'],
      ['meanInFlight', 'mean in flight'],
      ['delayMs', 'delay ms'],
      ['limit', 'limit'],
    ],
  },
};
