import { memo, useRef } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { F } from '../../../engine/index';
import { count } from '../../format';
import { setData, setFill, setText } from '../../liveDom';
import { useScenario } from '../../store/appStore';
import type { ConfigOf } from '../../store/graph';
import type { ScenarioState } from '../../store/scenarioStore';
import { Counters, type CounterSpec } from './Counters';
import { duration, level, useNodeFrames } from './live';
import { LiveBar } from './LiveBar';
import { NodeShell } from './NodeShell';
import { STATUS_TEXT } from './status';
import './scaling.css';

type AutoscalerConfig = ConfigOf<'autoscaler'>;

const COUNTERS: CounterSpec[] = [
  { key: 'starting', label: 'Starting', title: 'Replicas asked for that serve only after the provisioning delay' },
  { key: 'desired', label: 'Desired', title: 'The replica count of its last decision (after min/max and the stabilization window)' },
  { key: 'metric', label: 'Metric', title: 'The metric at its last decision, averaged over the replicas asked for' },
];

/** The service at the end of its "scales" edge, if any. */
const targetOf = (id: string) => (s: ScenarioState) => s.edges.find((e) => e.source === id && e.data?.kind === 'scales')?.target ?? null;

function describe(c: AutoscalerConfig): string {
  const metric = c.metric === 'utilization' ? `${c.targetValue}% busy` : c.metric === 'lag' ? `lag ${c.targetValue} / consumer` : `${c.targetValue} waiting / replica`;
  return `${metric} · ${c.minReplicas}–${c.maxReplicas} · +${duration(c.provisioningDelayMs)} to start`;
}

/** An HPA: replicas serving against its maximum, those still starting, and its last decision. */
export const AutoscalerNode = memo(function AutoscalerNode({ id, data }: NodeProps<Node<AutoscalerConfig, 'autoscaler'>>) {
  const root = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLSpanElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const text = useRef<HTMLSpanElement>(null);
  const refs = useRef<Record<string, HTMLElement | null>>({}).current;
  const target = useScenario(targetOf(id));
  const unit = data.metric === 'utilization' ? '%' : '/replica';

  useNodeFrames(id, (f) => {
    const { snap, b } = f;
    const ready = snap[b + F.level]!;
    const max = snap[b + F.capacity]!;
    const starting = snap[b + F.pendingReplicas]!;
    const desired = snap[b + F.desiredReplicas]!;
    const health = snap[0]! <= 0 ? 'idle' : starting > 0 ? 'saturated' : ready >= max ? 'overflowing' : 'healthy';
    setData(root.current, 'health', health);
    setText(status.current, STATUS_TEXT.autoscaler[health]);
    setFill(bar.current, max > 0 ? ready / max : 0);
    setText(text.current, `${count(ready)} / ${count(max)} replicas`);
    setText(refs.starting ?? null, count(starting));
    setText(refs.desired ?? null, count(desired));
    setText(refs.metric ?? null, `${level(snap[b + F.gauge]!)}${unit}`);
  });

  return (
    <NodeShell kind="autoscaler" title={data.label || id} subtitle={describe(data)} rootRef={root} statusRef={status}>
      <div className="bp-node__line">{target ? `scales ${target}` : 'not wired: draw an edge to the service it scales'}</div>
      <LiveBar barRef={bar} textRef={text} initial={`${data.minReplicas} / ${data.maxReplicas} replicas`} />
      <Counters specs={COUNTERS} refs={refs} />
    </NodeShell>
  );
});
