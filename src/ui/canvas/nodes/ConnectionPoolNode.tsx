import { memo, useRef } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { F } from '../../../engine/index';
import { count } from '../../format';
import { setData, setFill, setText } from '../../liveDom';
import type { ConfigOf } from '../../store/graph';
import { Counters, type CounterSpec } from './Counters';
import { duration, useNodeFrames } from './live';
import { LiveBar } from './LiveBar';
import { NodeShell } from './NodeShell';
import { latestNodeRate } from '../../frames/derive';
import { STATUS_TEXT } from './status';
import './scaling.css';

type PoolConfig = ConfigOf<'connection-pool'>;

const COUNTERS: CounterSpec[] = [
  { key: 'waiting', label: 'Waiting', title: 'Items waiting for a free connection' },
  { key: 'acquired', label: 'Acquired' },
  { key: 'timedOut', label: 'Timed out', tone: 'bad', title: 'Gave up after the acquire timeout (503)' },
];

/** A HikariCP-style pool: connections in use against the maximum, and who waits for one. */
export const ConnectionPoolNode = memo(function ConnectionPoolNode({ id, data }: NodeProps<Node<PoolConfig, 'connection-pool'>>) {
  const root = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLSpanElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const text = useRef<HTMLSpanElement>(null);
  const refs = useRef<Record<string, HTMLElement | null>>({}).current;

  useNodeFrames(id, (f) => {
    const { snap, b } = f;
    const inUse = snap[b + F.level]!;
    const max = snap[b + F.capacity]!;
    const waiting = snap[b + F.poolWaiting]!;
    const health =
      snap[0]! <= 0 ? 'idle' : latestNodeRate(f.s.history, f.i, F.expired) > 0 ? 'overflowing' : waiting > 0 || inUse >= max ? 'saturated' : 'healthy';
    setData(root.current, 'health', health);
    setText(status.current, STATUS_TEXT['connection-pool'][health]);
    setFill(bar.current, max > 0 ? inUse / max : 0);
    setText(text.current, `${count(inUse)} / ${count(max)} connections`);
    setText(refs.waiting ?? null, count(waiting));
    setText(refs.acquired ?? null, count(snap[b + F.accepted]!));
    setText(refs.timedOut ?? null, count(snap[b + F.expired]!));
  });

  return (
    <NodeShell
      kind="connection-pool"
      title={data.label || id}
      subtitle={`${data.maxConnections} connections · wait ≤ ${data.acquireTimeoutMs === 0 ? '∞' : duration(data.acquireTimeoutMs)}`}
      rootRef={root}
      statusRef={status}
    >
      <LiveBar barRef={bar} textRef={text} initial={`0 / ${data.maxConnections} connections`} />
      <Counters specs={COUNTERS} refs={refs} />
    </NodeShell>
  );
});
