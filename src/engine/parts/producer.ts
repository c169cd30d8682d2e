/** The producer part: open-loop or closed-loop traffic, the source of every item (components/producer.ts). */
import type { Part } from './part';
import { producerSchema } from '../scenario/basics';
import { Producer } from '../components/producer';

export const producerPart: Part<'producer', typeof producerSchema> = {
  type: 'producer',
  schema: producerSchema,
  create: (sim, index, id, seed) => new Producer(sim, index, id, seed),
  table: {
    title: 'producers',
    columns: [
      ['produced', 'produced'],
      ['accepted', 'accepted'],
      ['refused', 'refused'],
      ['blockedMs', 'blocked ms'],
    ],
  },
};
