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

type BulkheadConfig = ConfigOf<'bulkhead'>;

const COUNTERS: CounterSpec[] = [
  { key: 'passed', label: 'Passed' },
  { key: 'full', label: 'Full (503)', tone: 'bad' },
];

function describe(c: BulkheadConfig): string {
  const lanes = Object.entries(c.perClass ?? {}).map(([cls, n]) => `${cls} ≤ ${n}`);
  return [`${c.maxConcurrentCalls} at once`, ...lanes].join(' · ');
}

/** A semaphore bulkhead: calls in flight against its maximum. */
export const BulkheadNode = memo(function BulkheadNode({ id, data }: NodeProps<Node<BulkheadConfig, 'bulkhead'>>) {
  const root = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLSpanElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const text = useRef<HTMLSpanElement>(null);
  const refs = useRef<Record<string, HTMLElement | null>>({}).current;

  useNodeFrames(id, (f) => {
    const { snap, b } = f;
    const inFlight = snap[b + F.level]!;
    const max = snap[b + F.capacity]!;
    const health = guardHealth(f, max > 0 && inFlight >= 0.8 * max);
    setData(root.current, 'health', health);
    setText(status.current, STATUS_TEXT.bulkhead[health]);
    setFill(bar.current, max > 0 ? inFlight / max : 0);
    setText(text.current, `${count(inFlight)} / ${count(max)} in flight`);
    setText(refs.passed ?? null, count(snap[b + F.accepted]!));
    setText(refs.full ?? null, count(snap[b + F.rejected]!));
  });

  return (
    <NodeShell kind="bulkhead" title={data.label || id} subtitle={describe(data)} rootRef={root} statusRef={status}>
      <LiveBar barRef={bar} textRef={text} initial={`0 / ${data.maxConcurrentCalls} in flight`} />
      <Counters specs={COUNTERS} refs={refs} />
    </NodeShell>
  );
});
