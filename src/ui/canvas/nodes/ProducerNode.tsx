import { memo, useRef } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { F, G, type ProducerConfig } from '../../../engine/core';
import { latestNodeRate, nodeBase, nodeHealth } from '../../frames/derive';
import { useFrames } from '../../frames/useFrames';
import { count } from '../../format';
import { Counters, type CounterSpec } from './Counters';
import { NodeShell } from './NodeShell';
import { setData, setText } from '../../liveDom';
import { STATUS_TEXT } from './status';
import { offerText, producerFlowText, producerSubtitle } from './producerFlow';

const COUNTERS: CounterSpec[] = [
  { key: 'sent', label: 'Sent' },
  { key: 'refused', label: 'Refused', tone: 'bad' },
  { key: 'done', label: 'Completed' },
];

export const ProducerNode = memo(function ProducerNode({ id, data }: NodeProps<Node<ProducerConfig, 'producer'>>) {
  const root = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLSpanElement>(null);
  const flow = useRef<HTMLDivElement>(null);
  const refs = useRef<Record<string, HTMLElement | null>>({}).current;

  useFrames((s) => {
    const i = s.indexOf.get(id);
    if (i === undefined || !s.snapshot) return;
    const b = nodeBase(i);
    const snap = s.snapshot;
    const health = nodeHealth(s.history, snap, i);
    setData(root.current, 'health', health);
    setText(status.current, STATUS_TEXT.producer[health]);
    // Out: what its first hop took (refused items and the one it holds while blocked never left).
    const out = snap[G.now]! > 0 ? latestNodeRate(s.history, i, F.accepted) : null;
    setText(flow.current, producerFlowText(data, snap[b + F.capacity]!, out));
    setText(refs.sent ?? null, count(snap[b + F.arrived]!));
    setText(refs.refused ?? null, count(snap[b + F.rejected]!));
    setText(refs.done ?? null, count(snap[b + F.completed]!));
  });

  return (
    <NodeShell kind="producer" title={data.label || id} subtitle={producerSubtitle(data)} rootRef={root} statusRef={status}>
      <div className="bp-node__line bp-producer__flow bp-live" ref={flow} title="Items per second it offers, and what its next hop actually took over the last second">
        {offerText(data)}
      </div>
      <Counters specs={COUNTERS} refs={refs} />
    </NodeShell>
  );
});
