/** The rate limiter part: a token bucket that answers 429 (components/rateLimiter.ts). */
import type { Part } from './part';
import { rateLimiterSchema } from '../scenario/resilience';
import { RateLimiter } from '../components/rateLimiter';

export const rateLimiterPart: Part<'rate-limiter', typeof rateLimiterSchema> = {
  type: 'rate-limiter',
  schema: rateLimiterSchema,
  create: (sim, index, id) => new RateLimiter(sim, index, id),
  table: {
    title: 'rate limiters',
    columns: [
      ['arrived', 'arrived'],
      ['passed', 'passed'],
      ['rejected', '429s'],
      ['tokens', 'tokens'],
    ],
  },
};
