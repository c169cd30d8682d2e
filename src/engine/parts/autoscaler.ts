/** The autoscaler part: adds and removes replicas of the service it scales (components/autoscaler.ts). */
import type { Part } from './part';
import { autoscalerSchema } from '../scenario/scaling';
import { Autoscaler } from '../components/autoscaler';

export const autoscalerPart: Part<'autoscaler', typeof autoscalerSchema> = {
  type: 'autoscaler',
  schema: autoscalerSchema,
  create: (sim, index, id) => new Autoscaler(sim, index, id),
  table: {
    title: 'autoscalers',
    columns: [
      ['target', 'scales'],
      ['replicas', 'replicas'],
      ['starting', 'starting'],
      ['maxReplicasReached', 'most'],
      ['lastMetric', 'last metric'],
      ['scaleUps', 'ups'],
      ['scaleDowns', 'downs'],
    ],
  },
};
