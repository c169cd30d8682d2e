import { F } from '../../engine/snapshot';
import { BREAKER_BAND, C, inFlight, LOST_BY_REASON, n, nRate } from '../charts/chartKit';
import { nodeBase, rateAt } from '../frames/derive';
import type { Part } from './part';

export const circuitBreaker: Part = {
  kind: 'circuit-breaker',
  name: 'Circuit breaker',
  palette: { group: 'Guards', what: 'Stops calling a failing service for a while (503)' },
  starter: {
    slidingWindowSize: 20,
    minimumNumberOfCalls: 10,
    failureRateThreshold: 50,
    slowCallRateThreshold: 100,
    slowCallDurationThresholdMs: 1000,
    waitDurationInOpenStateMs: 5000,
    permittedNumberOfCallsInHalfOpenState: 3,
  },
  // The breaker's line follows its state (CircuitBreakerNode); these are for completeness.
  status: { idle: 'idle', healthy: 'closed: calls pass', saturated: 'half-open: trying a few calls', overflowing: 'open: refusing calls (503)' },
  charts: [
    {
      // With a fallback route, calls that are not permitted go there instead of being refused:
      // the breaker counts them as fallbacks, not as arrivals or refusals.
      key: 'flow',
      title: 'Calls vs not permitted',
      unit: 'items/s',
      lines: [
        { name: 'arrived', color: C.in, read: (h, i, node) => rateAt(h, i, nodeBase(node) + F.arrived) + rateAt(h, i, nodeBase(node) + F.fallbacks) },
        { name: 'called', color: C.out, read: nRate(F.accepted) },
        { name: 'not permitted', color: C.bad, read: (h, i, node) => rateAt(h, i, nodeBase(node) + F.rejected) + rateAt(h, i, nodeBase(node) + F.fallbacks) },
        { name: 'to fallback', color: C.good, dashed: true, read: nRate(F.fallbacks), seen: n(F.fallbacks) },
      ],
    },
    { key: 'state', title: 'State', unit: 'over time', lines: [{ name: 'state', color: '#4a5568', states: BREAKER_BAND, read: n(F.state) }] },
    // -1 before the window has calls: no line then.
    { key: 'rate', title: 'Failure rate', unit: '%', yMax: 100, lines: [{ name: 'failing', color: C.bad, read: (h, i, node) => (h.get(i, nodeBase(node) + F.gauge) < 0 ? NaN : h.get(i, nodeBase(node) + F.gauge)) }] },
    inFlight,
    LOST_BY_REASON,
  ],
};
