/** The load balancer part: spreads items over replicas (components/loadBalancer.ts). */
import type { Part } from './part';
import { loadBalancerSchema } from '../scenario/resilience';
import { LoadBalancer } from '../components/loadBalancer';

export const loadBalancerPart: Part<'load-balancer', typeof loadBalancerSchema> = {
  type: 'load-balancer',
  schema: loadBalancerSchema,
  create: (sim, index, id, seed) => new LoadBalancer(sim, index, id, seed),
  table: {
    title: 'load balancers',
    columns: [
      ['strategy', 'strategy'],
      ['replicas', 'replicas'],
      ['passed', 'passed'],
    ],
  },
};
