import { byKind } from '../../parts/index';
import type { Health } from '../../frames/derive';

/** What a node's health means in words, per kind (colour is never the only signal). */
export const STATUS_TEXT = byKind((p) => p.status);

/**
 * The queue's line in words. At capacity it is "full" (saying "nearly full" at 20 / 20 misleads),
 * and a full queue whose senders wait says so.
 */
export function queueStatus(health: Health, level: number, cap: number, waitingSenders: number): string {
  if (health !== 'overflowing' && cap > 0 && level >= cap) return waitingSenders > 0 ? 'full: senders wait' : 'full';
  return STATUS_TEXT.queue[health];
}
