/** The client part: the caller in front of a system, with timeouts, retries and budgets (components/client.ts). */
import type { Part } from './part';
import { clientSchema } from '../scenario/resilience';
import { Client } from '../components/client';

export const clientPart: Part<'client', typeof clientSchema> = {
  type: 'client',
  schema: clientSchema,
  create: (sim, index, id, seed) => new Client(sim, index, id, seed),
  table: {
    title: 'clients',
    columns: [
      ['requests', 'requests'],
      ['attempts', 'attempts'],
      ['amplification', 'attempts/request'],
      ['timeouts', 'timeouts'],
      ['completed', 'completed'],
      ['failed', 'failed'],
      ['p99LatencyMs', 'p99 ms'],
    ],
  },
};
