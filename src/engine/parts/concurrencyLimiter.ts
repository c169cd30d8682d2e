/** The concurrency limiter part: an adaptive limit on items in flight (components/concurrencyLimiter.ts). */
import type { Part } from './part';
import { concurrencyLimiterSchema } from '../scenario/resilience';
import { ConcurrencyLimiter } from '../components/concurrencyLimiter';

export const concurrencyLimiterPart: Part<'concurrency-limiter', typeof concurrencyLimiterSchema> = {
  type: 'concurrency-limiter',
  schema: concurrencyLimiterSchema,
  create: (sim, index, id) => new ConcurrencyLimiter(sim, index, id),
  table: {
    title: 'concurrency limiters',
    columns: [
      ['algorithm', 'algorithm'],
      ['limit', 'limit'],
      ['passed', 'passed'],
      ['rejected', 'rejected'],
    ],
  },
};
