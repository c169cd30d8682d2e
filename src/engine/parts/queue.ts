/** The queue part: a bounded buffer with its overflow policy and discipline (components/queue.ts). */
import type { Part } from './part';
import { queueSchema } from '../scenario/basics';
import { Queue } from '../components/queue';

export const queuePart: Part<'queue', typeof queueSchema> = {
  type: 'queue',
  schema: queueSchema,
  create: (sim, index, id) => new Queue(sim, index, id),
  table: {
    title: 'queues',
    columns: [
      ['capacity', 'capacity'],
      ['arrived', 'arrived'],
      ['accepted', 'accepted'],
      ['rejected', 'rejected'],
      ['dropped', 'dropped'],
      ['expired', 'expired'],
      ['departed', 'departed'],
      ['meanDepth', 'mean depth'],
      ['maxDepth', 'max depth'],
      ['meanWaitMs', 'mean wait ms'],
    ],
  },
};
