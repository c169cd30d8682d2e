import type { NodeType } from '../../../engine/index';
import type { Health } from '../../frames/derive';

/** What a node's health means in words, per kind (colour is never the only signal). */
export const STATUS_TEXT: Record<NodeType, Record<Health, string>> = {
  producer: { idle: 'idle', healthy: 'sending', saturated: 'blocked: waiting for room', overflowing: 'being refused' },
  queue: { idle: 'idle', healthy: 'healthy', saturated: 'nearly full', overflowing: 'overflowing' },
  service: { idle: 'idle', healthy: 'healthy', saturated: 'saturated', overflowing: 'overflowing' },
};
