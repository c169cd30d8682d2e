import { memo, useRef } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { F } from '../../../engine/index';
import { count } from '../../format';
import { setData, setText } from '../../liveDom';
import { useScenario } from '../../store/appStore';
import { hasOutgoing } from '../../store/selectors';
import { Counters, type CounterSpec } from './Counters';
import { duration, guardHealth, useNodeFrames } from './live';
import { NodeShell } from './NodeShell';
import type { ConfigOf } from '../../store/graph';

type CircuitBreakerConfig = ConfigOf<'circuit-breaker'>;

/** F.state: 0 CLOSED, 1 OPEN, 2 HALF_OPEN (Resilience4j's names). */
const STATES = ['CLOSED', 'OPEN', 'HALF_OPEN'] as const;

const COUNTERS: CounterSpec[] = [
  { key: 'passed', label: 'Passed' },
  { key: 'refused', label: 'Not permitted', tone: 'bad', title: 'Calls the breaker did not let through (CallNotPermitted: 503, or sent to the fallback)' },
];
const WITH_FALLBACK: CounterSpec[] = [...COUNTERS, { key: 'fallbacks', label: 'To fallback', title: 'Items sent to the fallback route while calls were not permitted' }];

function stateLine(state: number, cfg: CircuitBreakerConfig, fallback: boolean): string {
  if (state === 1) return fallback ? 'open: to the fallback' : 'open: refusing (503)';
  if (state === 2) return `half-open: ${cfg.permittedNumberOfCallsInHalfOpenState} trial calls`;
  return 'closed: calls pass';
}

/** Resilience4j's state machine at a glance: the state as a big badge, the window's failure rate. */
export const CircuitBreakerNode = memo(function CircuitBreakerNode({ id, data }: NodeProps<Node<CircuitBreakerConfig, 'circuit-breaker'>>) {
  const root = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLSpanElement>(null);
  const badge = useRef<HTMLSpanElement>(null);
  const rate = useRef<HTMLSpanElement>(null);
  const refs = useRef<Record<string, HTMLElement | null>>({}).current;
  const fallback = useScenario((s) => hasOutgoing(s, id, 'fallback'));

  useNodeFrames(id, (f) => {
    const { snap, b } = f;
    const state = snap[b + F.state]!;
    const name = STATES[state] ?? 'CLOSED';
    const health = state === 1 ? 'overflowing' : state === 2 ? 'saturated' : guardHealth(f, false);
    setData(root.current, 'health', health);
    setData(badge.current, 'state', name);
    setText(badge.current, name);
    setText(status.current, stateLine(state, data, fallback));
    const failure = snap[b + F.gauge]!;
    setText(rate.current, failure < 0 ? 'no calls yet' : `${Math.round(failure)}% failed`);
    const fallbacks = snap[b + F.fallbacks]!;
    setText(refs.passed ?? null, count(snap[b + F.accepted]!));
    setText(refs.refused ?? null, count(snap[b + F.rejected]! + fallbacks));
    setText(refs.fallbacks ?? null, count(fallbacks));
  });

  const win = data.slidingWindowType === 'TIME_BASED' ? `${data.slidingWindowSize} s` : `${data.slidingWindowSize} calls`;
  const subtitle = `last ${win} · open ${duration(data.waitDurationInOpenStateMs)}`;
  return (
    <NodeShell kind="circuit-breaker" title={data.label || id} subtitle={subtitle} rootRef={root} statusRef={status}>
      <span className="bp-breaker__state bp-live" data-state="CLOSED" ref={badge}>
        CLOSED
      </span>
      <div className="bp-breaker__rate">
        <span className="bp-breaker__threshold">opens at {data.failureRateThreshold}%</span>
        <span className="bp-live" ref={rate}>
          no calls yet
        </span>
      </div>
      <Counters specs={fallback ? WITH_FALLBACK : COUNTERS} refs={refs} columns={2} />
    </NodeShell>
  );
});
