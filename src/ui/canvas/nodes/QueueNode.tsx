import { memo, useRef } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { F, type QueueConfig } from '../../../engine/core';
import { nodeBase, nodeHealth } from '../../frames/derive';
import { useFrames } from '../../frames/useFrames';
import { count } from '../../format';
import { Counters, type CounterSpec } from './Counters';
import { NodeShell } from './NodeShell';
import { MemoryGauge } from './MemoryGauge';
import { setData, setText, setFill } from '../../liveDom';
import { queueStatus } from './status';
import { fullInText, timeToFullMs } from '../../frames/projection';
import './scaling.css';

const COUNTERS: CounterSpec[] = [
  { key: 'accepted', label: 'Accepted' },
  { key: 'refused', label: 'Refused', tone: 'bad' },
  { key: 'dropped', label: 'Dropped', tone: 'bad' },
];
const WITH_EXPIRY: CounterSpec[] = [...COUNTERS, { key: 'expired', label: 'Expired', tone: 'bad' }];

/** An unbounded queue's bar fills on a log scale: 10,000 waiting reads as full. */
const unboundedFill = (depth: number) => Math.log10(1 + depth) / 4;

export const QueueNode = memo(function QueueNode({ id, data }: NodeProps<Node<QueueConfig, 'queue'>>) {
  const root = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLSpanElement>(null);
  const fill = useRef<HTMLDivElement>(null);
  const depth = useRef<HTMLSpanElement>(null);
  const fullIn = useRef<HTMLSpanElement>(null);
  const refs = useRef<Record<string, HTMLElement | null>>({}).current;

  useFrames((s) => {
    const i = s.indexOf.get(id);
    if (i === undefined || !s.snapshot) return;
    const b = nodeBase(i);
    const snap = s.snapshot;
    const level = snap[b + F.level]!;
    const cap = snap[b + F.capacity]!;
    const health = nodeHealth(s.history, snap, i);
    setData(root.current, 'health', health);
    setText(status.current, queueStatus(health, level, cap, snap[b + F.waitingSenders]!));
    setFill(fill.current, cap < 0 ? unboundedFill(level) : cap === 0 ? 0 : level / cap);
    setText(depth.current, `${count(level)} / ${cap < 0 ? '∞' : count(cap)} waiting`);
    // Already turning work away: it is full, not filling.
    setText(fullIn.current, health === 'overflowing' ? '' : fullInText(timeToFullMs(s.history, snap, i)));
    setText(refs.accepted ?? null, count(snap[b + F.accepted]!));
    setText(refs.refused ?? null, count(snap[b + F.rejected]!));
    setText(refs.dropped ?? null, count(snap[b + F.dropped]!));
    setText(refs.expired ?? null, count(snap[b + F.expired]!));
  });

  const capacity = data.capacity === null ? 'unbounded' : `${data.capacity} items`;
  const aqm = data.aqm && data.aqm !== 'none' ? ` · ${data.aqm === 'codel' ? 'CoDel' : 'adaptive LIFO'}` : '';
  const subtitle = `${capacity}${aqm} · ${data.overflow}${data.discipline === 'fifo' ? '' : ` · ${data.discipline}`}`;
  return (
    <NodeShell
      kind="queue"
      title={data.label || id}
      subtitle={subtitle}
      rootRef={root}
      statusRef={status}
      statusAside={<span className="bp-node__aside bp-node__warn bp-live" ref={fullIn} aria-label="Projected time until full" />}
    >
      <div className="bp-fill" data-unbounded={data.capacity === null}>
        <div className="bp-fill__bar" ref={fill} />
        <span className="bp-fill__text" ref={depth}>
          0 waiting
        </span>
      </div>
      <Counters specs={data.maxAgeMs !== undefined ? WITH_EXPIRY : COUNTERS} refs={refs} />
      <MemoryGauge id={id} />
    </NodeShell>
  );
});
