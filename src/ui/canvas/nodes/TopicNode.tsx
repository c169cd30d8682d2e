import { memo, useRef } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { F, G, type TopicConfig } from '../../../engine/index';
import { nodeBase, rateAt, type Health } from '../../frames/derive';
import { count } from '../../format';
import { setData, setFill, setText } from '../../liveDom';
import { Counters, type CounterSpec } from './Counters';
import { duration, ms, useNodeFrames, type NodeFrame } from './live';
import { LiveBar } from './LiveBar';
import { NodeShell } from './NodeShell';
import { STATUS_TEXT } from './status';
import './streams.css';

const COUNTERS: CounterSpec[] = [
  { key: 'appended', label: 'Appended', title: 'Records written to the log' },
  { key: 'read', label: 'Read', title: 'Records its consumer group fetched (a first time)' },
  { key: 'lost', label: 'Lost', tone: 'bad', title: 'Deleted by retention before the group read them (or skipped by an offset reset)' },
];

/** Retention as people say it: "7 d", "6 h", "2 min", "30 s". */
export function retention(v: number): string {
  const units: [number, string][] = [[86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'min']];
  for (const [size, unit] of units) if (v >= size) return `${Number((v / size).toFixed(1))} ${unit}`;
  if (v >= 1000) return `${Math.round(v / 1000)} s`;
  return duration(v);
}

/** The bar fills on a log scale: 100,000 unread records read as full. */
const unreadFill = (n: number) => Math.log10(1 + n) / 5;

function health(f: NodeFrame, retentionMs: number): Health {
  if (f.snap[G.now]! <= 0) return 'idle';
  // Retention deletes in bursts (a whole segment's worth at once): red while any went in the last
  // 10 s, not only in the last second, so the node does not flicker between bursts.
  const h = f.s.history;
  if (h && h.count > 0 && rateAt(h, h.count - 1, nodeBase(f.i) + F.lostToRetention, 10_000) > 0) return 'overflowing';
  if (f.snap[f.b + F.lagMs]! > retentionMs / 2) return 'saturated';
  return 'healthy';
}

/** A partitioned log: records not read yet, the oldest one's age, and what retention deleted unread. */
export const TopicNode = memo(function TopicNode({ id, data }: NodeProps<Node<TopicConfig, 'topic'>>) {
  const root = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLSpanElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const text = useRef<HTMLSpanElement>(null);
  const oldest = useRef<HTMLDivElement>(null);
  const refs = useRef<Record<string, HTMLElement | null>>({}).current;

  useNodeFrames(id, (f) => {
    const { snap, b } = f;
    const h = health(f, data.retentionMs);
    setData(root.current, 'health', h);
    setText(status.current, STATUS_TEXT.topic[h]);
    const unread = snap[b + F.lag]!;
    setFill(bar.current, unreadFill(unread));
    setText(text.current, `${count(unread)} unread`);
    const age = snap[b + F.lagMs]!;
    setText(oldest.current, unread > 0 ? `oldest unread ${age < 60_000 ? ms(age) : retention(age)}` : 'all read');
    setText(refs.appended ?? null, count(snap[b + F.accepted]!));
    setText(refs.read ?? null, count(snap[b + F.completed]!));
    setText(refs.lost ?? null, count(snap[b + F.lostToRetention]!));
  });

  const by = data.partitioning === 'round-robin' ? 'round-robin' : 'by key';
  const subtitle = `${data.partitions} partition${data.partitions === 1 ? '' : 's'} · ${by} · kept ${retention(data.retentionMs)}`;
  return (
    <NodeShell kind="topic" title={data.label || id} subtitle={subtitle} rootRef={root} statusRef={status}>
      <LiveBar barRef={bar} textRef={text} initial="0 unread" />
      <div className="bp-node__line bp-live" ref={oldest}>
        all read
      </div>
      <Counters specs={COUNTERS} refs={refs} columns={2} />
    </NodeShell>
  );
});
