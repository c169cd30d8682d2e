import { memo, useRef } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { F, type ProducerConfig } from '../../../engine/index';
import { nodeBase, nodeHealth } from '../../frames/derive';
import { useFrames } from '../../frames/useFrames';
import { count, rate } from '../../format';
import { Counters, type CounterSpec } from './Counters';
import { NodeShell } from './NodeShell';
import { setData, setText } from '../../liveDom';
import { STATUS_TEXT } from './status';

const COUNTERS: CounterSpec[] = [
  { key: 'sent', label: 'Sent' },
  { key: 'refused', label: 'Refused', tone: 'bad' },
  { key: 'done', label: 'Completed' },
];

export const ProducerNode = memo(function ProducerNode({ id, data }: NodeProps<Node<ProducerConfig, 'producer'>>) {
  const root = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLSpanElement>(null);
  const refs = useRef<Record<string, HTMLElement | null>>({}).current;

  useFrames((s) => {
    const i = s.indexOf.get(id);
    if (i === undefined || !s.snapshot) return;
    const b = nodeBase(i);
    const snap = s.snapshot;
    const health = nodeHealth(s.history, snap, i);
    setData(root.current, 'health', health);
    setText(status.current, STATUS_TEXT.producer[health]);
    setText(refs.sent ?? null, count(snap[b + F.arrived]!));
    setText(refs.refused ?? null, count(snap[b + F.rejected]!));
    setText(refs.done ?? null, count(snap[b + F.completed]!));
  });

  const subtitle = `${rate(data.rate)} · ${data.arrival}${data.profile?.length ? ' · profile' : ''}`;
  return (
    <NodeShell kind="producer" title={data.label || id} subtitle={subtitle} rootRef={root} statusRef={status}>
      <Counters specs={COUNTERS} refs={refs} />
    </NodeShell>
  );
});
