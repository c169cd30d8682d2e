import { memo, useRef } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { F } from '../../../engine/index';
import { count } from '../../format';
import { setData, setText } from '../../liveDom';
import { useScenario } from '../../store/appStore';
import { outgoingCount } from '../../store/selectors';
import { Counters, type CounterSpec } from './Counters';
import { guardHealth, useNodeFrames } from './live';
import { NodeShell } from './NodeShell';
import type { ConfigOf } from '../../store/graph';
import { STATUS_TEXT } from './status';

type LoadBalancerConfig = ConfigOf<'load-balancer'>;

const COUNTERS: CounterSpec[] = [
  { key: 'passed', label: 'Routed' },
  { key: 'inFlight', label: 'In flight' },
  { key: 'refused', label: 'Refused', tone: 'bad' },
];

export const STRATEGY_NAME: Record<LoadBalancerConfig['strategy'], string> = {
  'round-robin': 'round robin',
  'least-outstanding': 'least outstanding',
  p2c: 'power of two choices',
};

/** A balancer over its outputs (the replicas): how many, and what it routed. */
export const LoadBalancerNode = memo(function LoadBalancerNode({ id, data }: NodeProps<Node<LoadBalancerConfig, 'load-balancer'>>) {
  const root = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLSpanElement>(null);
  const replicas = useRef<HTMLDivElement>(null);
  const refs = useRef<Record<string, HTMLElement | null>>({}).current;
  const wired = useScenario((s) => outgoingCount(s, id));

  useNodeFrames(id, (f) => {
    const { snap, b } = f;
    const n = snap[b + F.capacity]!;
    const health = guardHealth(f, false);
    setData(root.current, 'health', health);
    setText(status.current, n === 0 ? 'no replicas: wire it to services' : STATUS_TEXT['load-balancer'][health]);
    setText(replicas.current, `${count(n)} replica${n === 1 ? '' : 's'}`);
    setText(refs.passed ?? null, count(snap[b + F.accepted]!));
    setText(refs.inFlight ?? null, count(snap[b + F.level]!));
    setText(refs.refused ?? null, count(snap[b + F.rejected]!));
  });

  return (
    <NodeShell kind="load-balancer" title={data.label || id} subtitle={STRATEGY_NAME[data.strategy]} rootRef={root} statusRef={status}>
      <div className="bp-node__big bp-live" ref={replicas}>
        {wired} replica{wired === 1 ? '' : 's'}
      </div>
      <Counters specs={COUNTERS} refs={refs} />
    </NodeShell>
  );
});
