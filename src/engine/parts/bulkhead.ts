/** The bulkhead part: a cap on the items in flight through it (components/bulkhead.ts). */
import type { Part } from './part';
import { bulkheadSchema } from '../scenario/resilience';
import { Bulkhead } from '../components/bulkhead';

export const bulkheadPart: Part<'bulkhead', typeof bulkheadSchema> = {
  type: 'bulkhead',
  schema: bulkheadSchema,
  create: (sim, index, id) => new Bulkhead(sim, index, id),
  table: {
    title: 'bulkheads',
    columns: [
      ['passed', 'passed'],
      ['rejected', 'rejected'],
      ['inFlight', 'in flight'],
      ['maxConcurrentCalls', 'max'],
    ],
  },
};
