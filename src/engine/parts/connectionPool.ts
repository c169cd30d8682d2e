/** The connection pool part: a database's connections as admission control (components/connectionPool.ts). */
import type { Part } from './part';
import { connectionPoolSchema } from '../scenario/scaling';
import { ConnectionPool } from '../components/connectionPool';

export const connectionPoolPart: Part<'connection-pool', typeof connectionPoolSchema> = {
  type: 'connection-pool',
  schema: connectionPoolSchema,
  create: (sim, index, id) => new ConnectionPool(sim, index, id),
  table: {
    title: 'connection pools',
    columns: [
      ['maxConnections', 'connections'],
      ['acquired', 'acquired'],
      ['timedOut', 'timed out'],
      ['waiting', 'waiting'],
      ['p99AcquireWaitMs', 'p99 wait ms'],
    ],
  },
};
