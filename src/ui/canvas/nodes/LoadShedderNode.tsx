import { memo, useRef } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { F } from '../../../engine/index';
import { count } from '../../format';
import { setData, setFill, setText } from '../../liveDom';
import { Counters, type CounterSpec } from './Counters';
import { guardHealth, useNodeFrames } from './live';
import { LiveBar } from './LiveBar';
import { NodeShell } from './NodeShell';
import type { ConfigOf } from '../../store/graph';
import { STATUS_TEXT } from './status';

type LoadShedderConfig = ConfigOf<'load-shedder'>;

const COUNTERS: CounterSpec[] = [
  { key: 'passed', label: 'Passed' },
  { key: 'shed', label: 'Shed (503)', tone: 'bad' },
];

const MEASURE = { 'in-flight': 'in flight', depth: 'held behind' } as const;

/** Admission control: the load it watches against its limit, and what it shed. */
export const LoadShedderNode = memo(function LoadShedderNode({ id, data }: NodeProps<Node<LoadShedderConfig, 'load-shedder'>>) {
  const root = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLSpanElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const text = useRef<HTMLSpanElement>(null);
  const refs = useRef<Record<string, HTMLElement | null>>({}).current;

  useNodeFrames(id, (f) => {
    const { snap, b } = f;
    const load = snap[b + F.gauge]!;
    const limit = snap[b + F.capacity]!;
    const health = guardHealth(f, limit > 0 && load >= 0.8 * limit);
    setData(root.current, 'health', health);
    setText(status.current, STATUS_TEXT['load-shedder'][health]);
    setFill(bar.current, limit > 0 ? load / limit : 0);
    setText(text.current, `${count(load)} / ${count(limit)} ${MEASURE[data.measure]}`);
    setText(refs.passed ?? null, count(snap[b + F.accepted]!));
    setText(refs.shed ?? null, count(snap[b + F.rejected]!));
  });

  const subtitle = `${data.limit} ${MEASURE[data.measure]}${data.priorityAware ? ' · batch first' : ''}`;
  return (
    <NodeShell kind="load-shedder" title={data.label || id} subtitle={subtitle} rootRef={root} statusRef={status}>
      <LiveBar barRef={bar} textRef={text} initial={`0 / ${data.limit} ${MEASURE[data.measure]}`} />
      <Counters specs={COUNTERS} refs={refs} />
    </NodeShell>
  );
});
