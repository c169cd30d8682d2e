import type { Part } from './part';

export const connectionPool: Part = {
  kind: 'connection-pool',
  name: 'Connection pool',
  palette: { group: 'Scaling', what: 'A database’s max connections: callers wait, then time out (HikariCP)' },
  // HikariCP's pool size; its 30 s connectionTimeout is shortened so a timeout shows within a demo.
  starter: { maxConnections: 10, acquireTimeoutMs: 2000 },
  status: { idle: 'idle', healthy: 'connections free', saturated: 'all in use: callers wait', overflowing: 'timing out (503)' },
};
