import type { NodeType } from '../../../engine/index';
import type { Health } from '../../frames/derive';

/** What a node's health means in words, per kind (colour is never the only signal). */
export const STATUS_TEXT: Record<NodeType, Record<Health, string>> = {
  producer: { idle: 'idle', healthy: 'sending', saturated: 'blocked: no room', overflowing: 'being refused' },
  queue: { idle: 'idle', healthy: 'healthy', saturated: 'nearly full', overflowing: 'overflowing' },
  service: { idle: 'idle', healthy: 'healthy', saturated: 'saturated', overflowing: 'overflowing' },
  client: { idle: 'idle', healthy: 'calls answered', saturated: 'timing out / retrying', overflowing: 'requests failing' },
  'rate-limiter': { idle: 'idle', healthy: 'admitting', saturated: 'bucket nearly empty', overflowing: 'limiting (429)' },
  // The breaker's line follows its state (CircuitBreakerNode); these are for completeness.
  'circuit-breaker': { idle: 'idle', healthy: 'closed: calls pass', saturated: 'half-open: trying a few calls', overflowing: 'open: refusing calls (503)' },
  bulkhead: { idle: 'idle', healthy: 'room to spare', saturated: 'nearly full', overflowing: 'full: refusing (503)' },
  'load-balancer': { idle: 'idle', healthy: 'spreading load', saturated: 'replicas busy', overflowing: 'replicas refusing' },
  'load-shedder': { idle: 'idle', healthy: 'admitting', saturated: 'near the limit', overflowing: 'shedding (503)' },
  'concurrency-limiter': { idle: 'idle', healthy: 'under the limit', saturated: 'at the limit', overflowing: 'refusing over the limit (503)' },
  autoscaler: { idle: 'idle', healthy: 'holding steady', saturated: 'replicas starting', overflowing: 'at max replicas' },
  'connection-pool': { idle: 'idle', healthy: 'connections free', saturated: 'all in use: callers wait', overflowing: 'timing out (503)' },
  topic: { idle: 'idle', healthy: 'appending', saturated: 'near retention', overflowing: 'losing unread records' },
  'consumer-group': { idle: 'idle', healthy: 'keeping up', saturated: 'behind, catching up', overflowing: 'falling behind' },
  'fan-out': { idle: 'idle', healthy: 'answering', saturated: 'tail amplified', overflowing: 'requests failing' },
  'shared-row': { idle: 'idle', healthy: 'writing', saturated: 'some conflicts (409)', overflowing: 'mostly conflicts (409)' },
  link: { idle: 'idle', healthy: 'carrying', saturated: 'near its limit', overflowing: 'full: refusing (503)' },
};

/**
 * The queue's line in words. At capacity it is "full" (saying "nearly full" at 20 / 20 misleads),
 * and a full queue whose senders wait says so.
 */
export function queueStatus(health: Health, level: number, cap: number, waitingSenders: number): string {
  if (health !== 'overflowing' && cap > 0 && level >= cap) return waitingSenders > 0 ? 'full: senders wait' : 'full';
  return STATUS_TEXT.queue[health];
}
