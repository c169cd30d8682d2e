/** The circuit breaker part: Resilience4j's breaker state machine (components/circuitBreaker.ts). */
import type { Part } from './part';
import { circuitBreakerSchema } from '../scenario/resilience';
import { CircuitBreaker } from '../components/circuitBreaker';

export const circuitBreakerPart: Part<'circuit-breaker', typeof circuitBreakerSchema> = {
  type: 'circuit-breaker',
  schema: circuitBreakerSchema,
  create: (sim, index, id) => new CircuitBreaker(sim, index, id),
  table: {
    title: 'circuit breakers',
    columns: [
      ['state', 'state'],
      ['passed', 'passed'],
      ['notPermitted', 'not permitted'],
      ['fallbacks', 'fallbacks'],
      ['transitions', 'transitions'],
      ['msOpen', 'ms open'],
    ],
  },
};
