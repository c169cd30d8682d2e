import { memo, useRef } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { F, G, type ConsumerGroupConfig } from '../../../engine/index';
import { latestNodeRate, type Health } from '../../frames/derive';
import { count } from '../../format';
import { setData, setText } from '../../liveDom';
import { Counters, type CounterSpec } from './Counters';
import { describeTime } from './ServiceNode';
import { ms, useNodeFrames, type NodeFrame } from './live';
import { NodeShell } from './NodeShell';
import { STATUS_TEXT } from './status';
import './streams.css';

const COUNTERS: CounterSpec[] = [
  { key: 'lag', label: 'Lag', title: 'Records not read yet: log end minus position, over all partitions' },
  { key: 'behind', label: 'Behind', title: 'Age of the oldest record not read yet' },
  { key: 'processed', label: 'Processed' },
  { key: 'redelivered', label: 'Repeats', tone: 'bad', title: 'Records redelivered after a rebalance: processed but not committed when a consumer left (idempotent skips included)' },
  { key: 'dead', label: 'DLQ', tone: 'bad', title: 'Records that failed every retry and went to the dead-letter route' },
  { key: 'failed', label: 'Failed', tone: 'bad' },
];
/** Up to this many consumers are drawn as slots. */
const MAX_SLOTS = 16;
/** Falling behind: lag grows by more than this many records per second... */
const GROWING = 1;
/** ...while the oldest unread record is older than this. */
const BEHIND_MS = 1000;

function health(f: NodeFrame): { h: Health; text: string | null } {
  const { snap, b } = f;
  if (snap[G.now]! <= 0) return { h: 'idle', text: null };
  if (snap[b + F.rebalancing]! > 0) return { h: 'saturated', text: 'rebalancing: partitions paused' };
  const behind = snap[b + F.lagMs]! > BEHIND_MS;
  if (behind && latestNodeRate(f.s.history, f.i, F.lag) > GROWING) return { h: 'overflowing', text: null };
  if (behind) return { h: 'saturated', text: null };
  return { h: 'healthy', text: null };
}

/**
 * A consumer group: its consumers (those owning partitions, and those sitting idle), its lag in
 * records and in seconds, and what a rebalance or a poison pill cost.
 */
export const ConsumerGroupNode = memo(function ConsumerGroupNode({ id, data }: NodeProps<Node<ConsumerGroupConfig, 'consumer-group'>>) {
  const root = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLSpanElement>(null);
  const slots = useRef<HTMLDivElement>(null);
  const line = useRef<HTMLDivElement>(null);
  const badge = useRef<HTMLSpanElement>(null);
  const refs = useRef<Record<string, HTMLElement | null>>({}).current;

  useNodeFrames(id, (f) => {
    const { snap, b } = f;
    const { h, text } = health(f);
    setData(root.current, 'health', h);
    setText(status.current, text ?? STATUS_TEXT['consumer-group'][h]);
    const rebalancing = snap[b + F.rebalancing]! > 0;
    setText(badge.current, rebalancing ? 'REBALANCING' : '');
    const active = snap[b + F.activeConsumers]!;
    const consumers = snap[b + F.capacity]!;
    const el = slots.current;
    if (el) for (let k = 0; k < el.children.length; k++) setData(el.children[k] as HTMLElement, 'state', rebalancing ? 'paused' : k < active ? 'busy' : 'idle');
    const idle = Math.max(0, consumers - active);
    setText(line.current, `${count(active)} active · ${count(idle)} idle`);
    setText(refs.lag ?? null, count(snap[b + F.lag]!));
    const behindMs = snap[b + F.lagMs]!;
    // Whole seconds from 10 s up: the counter column is narrow.
    setText(refs.behind ?? null, snap[b + F.lag]! <= 0 ? '0 s' : behindMs >= 10_000 ? `${Math.round(behindMs / 1000)} s` : ms(behindMs));
    setText(refs.processed ?? null, count(snap[b + F.completed]!));
    setText(refs.redelivered ?? null, count(snap[b + F.redelivered]!));
    setText(refs.dead ?? null, count(snap[b + F.deadLettered]!));
    setText(refs.failed ?? null, count(snap[b + F.failed]!));
  });

  const subtitle = `${data.consumers} × ${describeTime(data.processingTime)} · ${data.rebalance}`;
  return (
    <NodeShell kind="consumer-group" title={data.label || id} subtitle={subtitle} rootRef={root} statusRef={status}>
      {data.consumers <= MAX_SLOTS && (
        <div className="bp-slots" ref={slots} aria-hidden="true">
          {Array.from({ length: data.consumers }, (_, k) => (
            <span key={k} className="bp-slot" data-state="idle" />
          ))}
        </div>
      )}
      <div className="bp-node__line">
        <span className="bp-live" ref={line}>
          0 active
        </span>
        <span className="bp-stream__badge bp-live" ref={badge} />
      </div>
      <Counters specs={COUNTERS} refs={refs} />
    </NodeShell>
  );
});
