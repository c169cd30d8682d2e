/** The service part: a pool of workers that serve, fail or call on (components/service.ts). */
import type { Part } from './part';
import { serviceSchema } from '../scenario/basics';
import { Service } from '../components/service';

export const servicePart: Part<'service', typeof serviceSchema> = {
  type: 'service',
  schema: serviceSchema,
  create: (sim, index, id, seed) => new Service(sim, index, id, seed),
  table: {
    title: 'services',
    columns: [
      ['concurrency', 'workers'],
      ['arrived', 'arrived'],
      ['completed', 'completed'],
      ['failed', 'failed'],
      ['meanServiceMs', 'mean service ms'],
      ['utilization', 'utilization'],
      ['expired', 'expired'],
      ['wasted', 'wasted'],
    ],
  },
};
