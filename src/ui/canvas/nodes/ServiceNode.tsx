import { memo, useRef } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { empiricalAt, F, moments, type ServiceConfig } from '../../../engine/core';
import { nodeBase, nodeHealth } from '../../frames/derive';
import { useFrames } from '../../frames/useFrames';
import { count } from '../../format';
import { useScenario } from '../../store/appStore';
import { hasOutgoing } from '../../store/selectors';
import { Counters, type CounterSpec } from './Counters';
import { NodeShell } from './NodeShell';
import { MemoryGauge } from './MemoryGauge';
import { setData, setText, setFill } from '../../liveDom';
import { STATUS_TEXT } from './status';
import './scaling.css';

const round = (v: number) => Math.round(v * 100) / 100;

const COUNTERS: CounterSpec[] = [
  { key: 'done', label: 'Completed' },
  { key: 'failed', label: 'Failed', tone: 'bad' },
];
/** A service with call edges: what its calls cost, as its caller policy made them. */
const CALL_COUNTERS: CounterSpec[] = [
  { key: 'calls', label: 'Calls', title: 'Call attempts its workers made (first tries and retries)' },
  { key: 'retries', label: 'Retries' },
  { key: 'timeouts', label: 'Timeouts', tone: 'bad', title: 'Calls whose answer it stopped waiting for' },
];
/** Up to this many workers are drawn as slots; more are drawn as one bar. */
const MAX_SLOTS = 16;

export function describeTime(d: ServiceConfig['serviceTime']): string {
  switch (d.dist) {
    case 'constant':
      return `${d.ms} ms each`;
    case 'exponential':
      return `~${d.meanMs} ms (exp.)`;
    case 'lognormal':
      return `~${d.meanMs} ms (lognormal)`;
    case 'uniform':
      return `${d.minMs}–${d.maxMs} ms`;
    case 'pareto':
      return `≥${d.scaleMs} ms (Pareto ${d.shape})`;
    case 'empirical':
      return `p50 ${round(empiricalAt(d.quantiles, 0.5))} ms (profile)`;
    case 'mixture':
      return `~${round(moments(d).mean)} ms (mix of ${d.components.length})`;
  }
}

export const ServiceNode = memo(function ServiceNode({ id, data }: NodeProps<Node<ServiceConfig, 'service'>>) {
  const root = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLSpanElement>(null);
  const slots = useRef<HTMLDivElement>(null);
  const busyBar = useRef<HTMLDivElement>(null);
  const busy = useRef<HTMLDivElement>(null);
  const badges = useRef<HTMLDivElement>(null);
  const refs = useRef<Record<string, HTMLElement | null>>({}).current;
  // An autoscaled service has replicas x its workers: drawn as one bar.
  const scaled = useScenario((s) => s.edges.some((e) => e.target === id && e.data?.kind === 'scales'));
  const asSlots = data.concurrency <= MAX_SLOTS && !scaled;
  const calls = useScenario((s) => hasOutgoing(s, id, 'call'));

  useFrames((s) => {
    const i = s.indexOf.get(id);
    if (i === undefined || !s.snapshot) return;
    const b = nodeBase(i);
    const snap = s.snapshot;
    const working = snap[b + F.level]!;
    const held = snap[b + F.held]!;
    const workers = snap[b + F.capacity]!;
    const health = nodeHealth(s.history, snap, i);
    setData(root.current, 'health', health);
    setText(status.current, STATUS_TEXT.service[health]);
    const utilization = snap[b + F.utilization]!;
    const onCalls = calls ? snap[b + F.calling]! : 0;
    const el = slots.current;
    if (el) {
      for (let k = 0; k < el.children.length; k++) {
        const state = k < working ? 'busy' : k < working + held ? 'held' : k < working + held + onCalls ? 'calling' : 'free';
        setData(el.children[k] as HTMLElement, 'state', state);
      }
    }
    setFill(busyBar.current, workers > 0 ? (working + held + onCalls) / workers : 0);
    const util = Math.round(utilization * 100);
    setText(
      busy.current,
      calls ? `${count(working + held)} working · ${count(onCalls)} calling` : `${count(working + held)} / ${count(workers)} busy · ${util}%`,
    );
    const replicas = data.concurrency > 0 ? Math.round(workers / data.concurrency) : 0;
    const restarts = snap[b + F.restarts]!;
    setData(badges.current, 'warn', snap[b + F.notReady]! > 0 || restarts > 0 ? 'true' : 'false');
    setText(
      badges.current,
      [scaled ? `${count(replicas)} replica${replicas === 1 ? '' : 's'}` : '', snap[b + F.notReady]! > 0 ? 'not ready' : '', restarts > 0 ? `${count(restarts)} restart${restarts === 1 ? '' : 's'}` : '']
        .filter(Boolean)
        .join(' · '),
    );
    setText(refs.done ?? null, count(snap[b + F.completed]!));
    setText(refs.failed ?? null, count(snap[b + F.failed]!));
    setText(refs.calls ?? null, count(snap[b + F.attempts]!));
    setText(refs.retries ?? null, count(snap[b + F.retries]!));
    setText(refs.timeouts ?? null, count(snap[b + F.timeouts]!));
  });

  return (
    <NodeShell kind="service" title={data.label || id} subtitle={`${data.concurrency} × ${describeTime(data.serviceTime)}`} rootRef={root} statusRef={status}>
      {asSlots ? (
        <div className="bp-slots" ref={slots} aria-hidden="true">
          {Array.from({ length: data.concurrency }, (_, k) => (
            <span key={k} className="bp-slot" data-state="free" />
          ))}
        </div>
      ) : (
        <div className="bp-fill bp-fill--slots">
          <div className="bp-fill__bar" ref={busyBar} />
        </div>
      )}
      <div className="bp-node__line bp-live" ref={busy}>
        0 / {data.concurrency} busy
      </div>
      <div className="bp-node__line bp-node__badges bp-live" ref={badges} aria-label="Replicas and health" />
      <Counters specs={COUNTERS} refs={refs} />
      {calls && <Counters specs={CALL_COUNTERS} refs={refs} />}
      <MemoryGauge id={id} />
    </NodeShell>
  );
});
