/** One line per memory, intake and flow-control parameter (as hints.ts does for the rest). */
export const MEMORY_HINT = {
  memoryLimit: 'The container’s memory limit. Over it, the node is OOM-killed: everything it holds is lost and it restarts empty. Empty = 512 MiB.',
  noLimit: 'No memory limit: the node grows until the whole run stops as a runaway.',
  restartDelay: 'How long a killed node stays down (refusing with 503); it doubles for kills in a row, like CrashLoopBackOff. Empty = 10 s.',
  intake: 'How it takes work: one item per free worker; pull a bounded batch (at most workers × batch in flight); or accept every push into an unbounded buffer.',
  batch: 'Items each worker fetches at once: the service holds at most workers × batch (the semaphore pattern).',
} as const;

export const FLOW_HINT = {
  mode: 'Credit the receiver grants and the sender may not exceed: a slow reader throttles the sender instead of drowning in its data.',
  streamWindow: 'Bytes the sender may have in flight on this stream (RFC 9113: 65,535 initially, at most 2^31-1).',
  connectionWindow: 'Bytes in flight on the whole connection; both windows must cover a message.',
  updateThreshold: 'The reader sends WINDOW_UPDATE after consuming this share of the window (0.5: nghttp2 and Go; 0.25: gRPC-Go).',
  receiveWindow: 'The reader’s receive buffer: its free space is the window in every ACK (65,535 without window scaling).',
  mss: 'Maximum segment size: the reader advertises a larger window only once it grew by min(MSS, buffer/2) (silly window avoidance).',
  probe: 'A sender stalled on a too-small window probes it after this long, doubling up to 60 s.',
  prefetch: 'Items requested up front with request(n) (Reactor: 256).',
  replenish: 'Request more after consuming this share of prefetch (Reactor: 0.75).',
  highWaterMark: 'Objects buffered before write() returns false (Node: 16 in objectMode).',
} as const;
