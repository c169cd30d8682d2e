import { memo, useRef } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { F, G } from '../../../engine/index';
import { latestNodeRate } from '../../frames/derive';
import { count } from '../../format';
import { setData, setFill, setText } from '../../liveDom';
import { Counters, type CounterSpec } from './Counters';
import { duration, level, ms, useNodeFrames, type NodeFrame } from './live';
import { LiveBar } from './LiveBar';
import { NodeShell } from './NodeShell';
import type { ConfigOf } from '../../store/graph';
import { STATUS_TEXT } from './status';

type ClientConfig = ConfigOf<'client'>;

const LATENCY: CounterSpec[] = [
  { key: 'p50', label: 'p50', title: 'Median time from request to a successful answer, over the last second (– when none came)' },
  { key: 'p99', label: 'p99', title: '99th percentile time from request to a successful answer, over the last second (– when none came)' },
];
const COUNTERS: CounterSpec[] = [
  { key: 'outstanding', label: 'Waiting', title: 'Requests outstanding: waiting for an answer' },
  { key: 'attempts', label: 'Attempts' },
  { key: 'retries', label: 'Retries' },
  { key: 'amp', label: 'Load ×', title: 'Retry amplification: attempts per request, over the last second' },
  { key: 'timeouts', label: 'Timeouts', tone: 'bad' },
  { key: 'failed', label: 'Failed', tone: 'bad', title: 'Requests that ended without an answer (refused, failed, timed out)' },
];

function describe(c: ClientConfig): string {
  const timeout = c.timeoutMs === undefined ? 'no timeout' : `timeout ${duration(c.timeoutMs)}`;
  const tries = c.maxAttempts === 1 ? 'no retries' : `${c.maxAttempts} tries`;
  return `${timeout} · ${tries}`;
}

function health(f: NodeFrame) {
  if (f.snap[G.now]! <= 0) return 'idle' as const;
  const h = f.s.history;
  if (latestNodeRate(h, f.i, F.failed) > 0) return 'overflowing' as const;
  if (latestNodeRate(h, f.i, F.timeouts) > 0 || latestNodeRate(h, f.i, F.retries) > 0) return 'saturated' as const;
  return 'healthy' as const;
}

/** The caller: latency as its users feel it, and what its retries cost the system behind it. */
export const ClientNode = memo(function ClientNode({ id, data }: NodeProps<Node<ClientConfig, 'client'>>) {
  const root = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLSpanElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const text = useRef<HTMLSpanElement>(null);
  const refs = useRef<Record<string, HTMLElement | null>>({}).current;
  const budget = data.retryBudget;

  useNodeFrames(id, (f) => {
    const { snap, b, s, i } = f;
    const h = health(f);
    setData(root.current, 'health', h);
    setText(status.current, STATUS_TEXT.client[h]);
    setText(refs.p50 ?? null, ms(snap[b + F.latP50]!));
    setText(refs.p99 ?? null, ms(snap[b + F.latP99]!));
    setText(refs.outstanding ?? null, count(snap[b + F.level]!));
    const attempts = snap[b + F.attempts]!;
    setText(refs.attempts ?? null, count(attempts));
    setText(refs.retries ?? null, count(snap[b + F.retries]!));
    // Over the last second when there is one, else since the start.
    const reqRate = latestNodeRate(s.history, i, F.accepted);
    const amp = reqRate > 0 ? latestNodeRate(s.history, i, F.attempts) / reqRate : snap[b + F.accepted]! > 0 ? attempts / snap[b + F.accepted]! : 0;
    setText(refs.amp ?? null, amp > 0 ? `${amp.toFixed(1)}x` : '—');
    setText(refs.timeouts ?? null, count(snap[b + F.timeouts]!));
    setText(refs.failed ?? null, count(snap[b + F.failed]!));
    if (budget.kind === 'token-bucket' || budget.kind === 'deposit' || budget.kind === 'aws-standard') {
      const tokens = snap[b + F.gauge]!;
      const most = budget.kind === 'aws-standard' ? budget.quota : budget.maxTokens;
      setFill(bar.current, tokens / most);
      setText(text.current, `retry ${budget.kind === 'aws-standard' ? 'quota' : 'budget'} ${level(tokens)}/${most}`);
    } else if (budget.kind === 'circuit-breaker') {
      const rate = snap[b + F.gauge]!;
      setFill(bar.current, Math.min(1, rate / 100));
      setText(text.current, `${rate >= budget.failureRateThreshold ? 'retries off' : 'retries on'} · ${Math.round(rate)}% failing`);
    } else if (budget.kind === 'percent') {
      const left = snap[b + F.gauge]!;
      const floor = (budget.minRetriesPerSec * budget.ttlMs) / 1000;
      setFill(bar.current, floor > 0 ? Math.min(1, left / floor) : left > 0 ? 1 : 0);
      setText(text.current, `retry budget: ${count(Math.floor(left))} left`);
    }
  });

  return (
    <NodeShell kind="client" title={data.label || id} subtitle={describe(data)} rootRef={root} statusRef={status}>
      {budget.kind !== 'none' && <LiveBar barRef={bar} textRef={text} initial="retry budget" />}
      <Counters specs={LATENCY} refs={refs} columns={2} />
      <Counters specs={COUNTERS} refs={refs} />
    </NodeShell>
  );
});
