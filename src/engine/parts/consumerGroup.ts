/** The consumer group part: the consumers that read one topic together (components/consumerGroup.ts). */
import type { Part } from './part';
import { consumerGroupSchema } from '../scenario/streams';
import { ConsumerGroup } from '../components/consumerGroup';

export const consumerGroupPart: Part<'consumer-group', typeof consumerGroupSchema> = {
  type: 'consumer-group',
  schema: consumerGroupSchema,
  create: (sim, index, id, seed) => new ConsumerGroup(sim, index, id, seed),
  table: {
    title: 'consumer groups',
    columns: [
      ['consumers', 'consumers'],
      ['activeConsumers', 'active'],
      ['processed', 'processed'],
      ['lag', 'lag'],
      ['lagMs', 'lag ms'],
      ['rebalances', 'rebalances'],
      ['leftGroup', 'left group'],
      ['redelivered', 'redelivered'],
      ['deadLettered', 'dead letters'],
    ],
  },
};
