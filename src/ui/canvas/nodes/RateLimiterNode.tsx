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

type RateLimiterConfig = ConfigOf<'rate-limiter'>;

const COUNTERS: CounterSpec[] = [
  { key: 'passed', label: 'Passed' },
  { key: 'limited', label: '429s', tone: 'bad' },
];

/** A token bucket: its level as a bar (tokens of burst), and the requests it answered 429. */
export const RateLimiterNode = memo(function RateLimiterNode({ id, data }: NodeProps<Node<RateLimiterConfig, 'rate-limiter'>>) {
  const root = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLSpanElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const text = useRef<HTMLSpanElement>(null);
  const refs = useRef<Record<string, HTMLElement | null>>({}).current;

  useNodeFrames(id, (f) => {
    const { snap, b } = f;
    const tokens = snap[b + F.gauge]!;
    const burst = snap[b + F.capacity]!;
    const health = guardHealth(f, tokens < 1);
    setData(root.current, 'health', health);
    setText(status.current, STATUS_TEXT['rate-limiter'][health]);
    setFill(bar.current, burst > 0 ? tokens / burst : 0);
    setText(text.current, `${level(tokens)} / ${count(burst)} tokens`);
    setText(refs.passed ?? null, count(snap[b + F.accepted]!));
    setText(refs.limited ?? null, count(snap[b + F.rejected]!));
  });

  return (
    <NodeShell kind="rate-limiter" title={data.label || id} subtitle={`${data.rate}/s · burst ${data.burst}`} rootRef={root} statusRef={status}>
      <LiveBar barRef={bar} textRef={text} initial={`${data.burst} / ${data.burst} tokens`} />
      <Counters specs={COUNTERS} refs={refs} />
    </NodeShell>
  );
});
