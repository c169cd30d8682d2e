import { memo, useRef } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { F } from '../../../engine/index';
import { count } from '../../format';
import { setData, setFill, setText } from '../../liveDom';
import { Counters, type CounterSpec } from './Counters';
import { guardHealth, level, useNodeFrames } from './live';
import { LiveBar } from './LiveBar';
import { NodeShell } from './NodeShell';
import type { ConfigOf } from '../../store/graph';
import { STATUS_TEXT } from './status';

type ConcurrencyLimiterConfig = ConfigOf<'concurrency-limiter'>;

const COUNTERS: CounterSpec[] = [
  { key: 'limit', label: 'Limit', title: 'The current concurrency limit, which the algorithm moves' },
  { key: 'passed', label: 'Passed' },
  { key: 'refused', label: 'Refused', tone: 'bad', title: 'Refused over the limit (503)' },
];

export const ALGORITHM_NAME: Record<ConcurrencyLimiterConfig['algorithm'], string> = { aimd: 'AIMD', gradient2: 'Gradient2', fixed: 'fixed' };

/** An adaptive concurrency limit: items in flight against the limit it has learned. */
export const ConcurrencyLimitNode = memo(function ConcurrencyLimitNode({ id, data }: NodeProps<Node<ConcurrencyLimiterConfig, 'concurrency-limiter'>>) {
  const root = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLSpanElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const text = useRef<HTMLSpanElement>(null);
  const refs = useRef<Record<string, HTMLElement | null>>({}).current;

  useNodeFrames(id, (f) => {
    const { snap, b } = f;
    const inFlight = snap[b + F.level]!;
    const limit = Math.floor(snap[b + F.gauge]!);
    const health = guardHealth(f, limit > 0 && inFlight >= limit);
    setData(root.current, 'health', health);
    setText(status.current, STATUS_TEXT['concurrency-limiter'][health]);
    setFill(bar.current, limit > 0 ? inFlight / limit : 0);
    setText(text.current, `${count(inFlight)} / ${count(limit)} in flight`);
    setText(refs.limit ?? null, level(snap[b + F.gauge]!));
    setText(refs.passed ?? null, count(snap[b + F.accepted]!));
    setText(refs.refused ?? null, count(snap[b + F.rejected]!));
  });

  const subtitle = data.algorithm === 'fixed' ? `fixed at ${data.initialLimit}` : `${ALGORITHM_NAME[data.algorithm]} · ${data.minLimit}–${data.maxLimit}`;
  return (
    <NodeShell kind="concurrency-limiter" title={data.label || id} subtitle={subtitle} rootRef={root} statusRef={status}>
      <LiveBar barRef={bar} textRef={text} initial={`0 / ${data.initialLimit} in flight`} />
      <Counters specs={COUNTERS} refs={refs} />
    </NodeShell>
  );
});
