import { memo, useRef } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import type { NodeType } from '../../../engine/index';
import type { Health } from '../../frames/derive';
import { setData, setFill, setText } from '../../liveDom';
import type { ConfigOf } from '../../store/graph';
import { Counters, type CounterSpec } from './Counters';
import { useNodeFrames, type NodeFrame } from './live';
import { LiveBar } from './LiveBar';
import { NodeShell } from './NodeShell';
import { STATUS_TEXT } from './status';

/** What one frame shows on a gauge node: its bar, the bar's words, its health, its counters. */
export interface GaugeReading {
  /** Bar fill, 0..1. */
  fill: number;
  text: string;
  health: Health;
}

export interface GaugeSpec<K extends NodeType> {
  kind: K;
  counters: readonly (CounterSpec & { value: (f: NodeFrame) => string })[];
  read: (f: NodeFrame, data: ConfigOf<K>) => GaugeReading;
  subtitle: (data: ConfigOf<K>) => string;
  /** The bar's words before the first frame. */
  initial: (data: ConfigOf<K>) => string;
}

/**
 * The node of a part whose state is one level against a limit (a bulkhead's calls in flight, a
 * token bucket, a shedder's load, a pool's connections): a bar with its words, and counters, all
 * written per frame through refs (no React state).
 */
export function gaugeNode<K extends NodeType>(spec: GaugeSpec<K>) {
  return memo(function GaugeNode({ id, data }: NodeProps<Node<ConfigOf<K>, K>>) {
    const root = useRef<HTMLDivElement>(null);
    const status = useRef<HTMLSpanElement>(null);
    const bar = useRef<HTMLDivElement>(null);
    const text = useRef<HTMLSpanElement>(null);
    const refs = useRef<Record<string, HTMLElement | null>>({}).current;

    useNodeFrames(id, (f) => {
      const r = spec.read(f, data);
      setData(root.current, 'health', r.health);
      setText(status.current, STATUS_TEXT[spec.kind][r.health]);
      setFill(bar.current, r.fill);
      setText(text.current, r.text);
      for (const c of spec.counters) setText(refs[c.key] ?? null, c.value(f));
    });

    return (
      <NodeShell kind={spec.kind} title={data.label || id} subtitle={spec.subtitle(data)} rootRef={root} statusRef={status}>
        <LiveBar barRef={bar} textRef={text} initial={spec.initial(data)} />
        <Counters specs={spec.counters} refs={refs} />
      </NodeShell>
    );
  });
}
