import { memo, useRef } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { F, G, type ConsumerGroupConfig } from '../../../engine/index';
import { latestNodeRate, type Health } from '../../frames/derive';
import { count } from '../../format';
import { setData, setFill, setText } from '../../liveDom';
import { Counters, type CounterSpec } from './Counters';
import { describeTime } from './ServiceNode';
import { ms, useNodeFrames, type NodeFrame } from './live';
import { LiveBar } from './LiveBar';
import { NodeShell } from './NodeShell';
import { STATUS_TEXT } from './status';
import './streams.css';

const COUNTERS: CounterSpec[] = [
  { key: 'processed', label: 'Processed' },
  { key: 'redelivered', label: 'Repeats', tone: 'bad', title: 'Records redelivered after a rebalance: processed but not committed when a consumer left (idempotent skips included)' },
  { key: 'dead', label: 'DLQ', tone: 'bad', title: 'Records that failed every retry and went to the dead-letter route' },
  { key: 'failed', label: 'Failed', tone: 'bad' },
];
/** The lag bar fills on a log scale: 100,000 records behind reads as full. */
const lagFill = (n: number) => Math.log10(1 + n) / 5;
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
  const lagBar = useRef<HTMLDivElement>(null);
  const lagText = useRef<HTMLSpanElement>(null);
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
    const lag = snap[b + F.lag]!;
    const behindMs = snap[b + F.lagMs]!;
    setFill(lagBar.current, lagFill(lag));
    setText(lagText.current, lag <= 0 ? 'lag 0' : `lag ${count(lag)} · ${behindMs >= 10_000 ? `${Math.round(behindMs / 1000)} s` : behindMs < 1000 ? `${Math.round(behindMs)} ms` : ms(behindMs)} behind`);
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
      <div title="Records appended and not processed yet (unread, or in a consumer's batch), and the age of the oldest">
        <LiveBar barRef={lagBar} textRef={lagText} initial="lag 0" />
      </div>
      <Counters specs={COUNTERS} refs={refs} columns={2} />
    </NodeShell>
  );
});
