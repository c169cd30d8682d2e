import { describe, expect, it } from 'vitest';
import { queueStatus, STATUS_TEXT } from './status';

describe('queueStatus', () => {
  it('says "full" at capacity, not "nearly full"', () => {
    expect(queueStatus('saturated', 20, 20, 0)).toBe('full');
    expect(queueStatus('saturated', 17, 20, 0)).toBe(STATUS_TEXT.queue.saturated);
  });
  it('says that senders wait when a full queue blocks them', () => {
    expect(queueStatus('saturated', 20, 20, 3)).toBe('full: senders wait');
  });
  it('keeps "overflowing" while the queue turns work away, and an unbounded queue is never "full"', () => {
    expect(queueStatus('overflowing', 20, 20, 0)).toBe(STATUS_TEXT.queue.overflowing);
    expect(queueStatus('saturated', 5000, -1, 0)).toBe(STATUS_TEXT.queue.saturated);
  });
});
