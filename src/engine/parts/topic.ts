/** The topic part: a partitioned log (components/topic.ts). */
import type { Part } from './part';
import { topicSchema } from '../scenario/streams';
import { Topic } from '../components/topic';

export const topicPart: Part<'topic', typeof topicSchema> = {
  type: 'topic',
  schema: topicSchema,
  create: (sim, index, id, seed) => new Topic(sim, index, id, seed),
  table: {
    title: 'topics',
    columns: [
      ['partitions', 'partitions'],
      ['appended', 'appended'],
      ['unread', 'unread'],
      ['lagMs', 'oldest unread ms'],
      ['lostToRetention', 'lost (retention)'],
      ['skippedByOffsetReset', 'skipped (reset)'],
    ],
  },
};
