/** The consumer group part: the consumers that read one topic together (components/consumerGroup.ts). */
import { definePart } from './part';
import { consumerGroupSchema } from '../scenario/streams';
import { ConsumerGroup } from '../components/consumerGroup';

export const consumerGroupPart = definePart({
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
});
