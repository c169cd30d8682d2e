/** The inspector fields of the autoscaler and the connection pool, in a chunk of their own. */
import { useScenario } from '../../store/appStore';
import type { ConfigOf } from '../../store/graph';
import { applyParam } from './applyParam';
import { SelectParam, TextParam } from './fields';
import { SHINT } from './scalingHints';
import { numberOrText } from './useParamDraft';

type Metric = ConfigOf<'autoscaler'>['metric'];
const METRICS: { value: Metric; label: string }[] = [
  { value: 'utilization', label: 'utilization (% busy)' },
  { value: 'queue-depth', label: 'queue depth (waiting per replica)' },
  { value: 'lag', label: 'lag (consumer groups: unread per consumer)' },
];

export function AutoscalerFields({ cfg }: { cfg: ConfigOf<'autoscaler'> }) {
  const id = cfg.id;
  const target = useScenario((s) => s.edges.find((e) => e.source === id && e.data?.kind === 'scales')?.target ?? null);
  const num = (field: string) => (t: string) => ({ [field]: numberOrText(t) });
  return (
    <>
      <p className="bp-derived">{target ? <>Scales <strong>{target}</strong>.</> : SHINT.target}</p>
      <SelectParam label="Metric" hint={SHINT.metric} value={cfg.metric} options={METRICS} onChange={(metric) => applyParam(id, { metric })} />
      <TextParam nodeId={id} label="Target" unit={cfg.metric === 'utilization' ? '%' : cfg.metric === 'lag' ? 'records/consumer' : 'items/replica'} hint={SHINT.targetValue} shown={String(cfg.targetValue)} toPatch={num('targetValue')} />
      <TextParam nodeId={id} label="Min replicas" inputMode="numeric" hint={SHINT.minReplicas} shown={String(cfg.minReplicas)} toPatch={num('minReplicas')} />
      <TextParam nodeId={id} label="Max replicas" inputMode="numeric" hint={SHINT.maxReplicas} shown={String(cfg.maxReplicas)} toPatch={num('maxReplicas')} />
      <TextParam nodeId={id} label="Decide every" unit="ms" hint={SHINT.syncPeriod} shown={String(cfg.syncPeriodMs)} toPatch={num('syncPeriodMs')} />
      <TextParam nodeId={id} label="Provisioning delay" unit="ms" hint={SHINT.provisioning} shown={String(cfg.provisioningDelayMs)} toPatch={num('provisioningDelayMs')} />
      <TextParam nodeId={id} label="Scale-down window" unit="ms" hint={SHINT.stabilization} shown={String(cfg.scaleDownStabilizationMs)} toPatch={num('scaleDownStabilizationMs')} />
      <TextParam nodeId={id} label="Tolerance" unit="0–1" hint={SHINT.tolerance} shown={String(cfg.tolerance)} toPatch={num('tolerance')} />
      <p className="bp-inspector__guide">{SHINT.scalerDefaults}</p>
    </>
  );
}

export function PoolFields({ cfg }: { cfg: ConfigOf<'connection-pool'> }) {
  const id = cfg.id;
  return (
    <>
      <TextParam nodeId={id} label="Max connections" inputMode="numeric" hint={SHINT.maxConnections} shown={String(cfg.maxConnections)} toPatch={(t) => ({ maxConnections: numberOrText(t) })} />
      <TextParam nodeId={id} label="Acquire timeout" unit="ms" hint={SHINT.acquireTimeout} shown={String(cfg.acquireTimeoutMs)} toPatch={(t) => ({ acquireTimeoutMs: numberOrText(t) })} />
      <p className="bp-inspector__guide">{SHINT.poolDefaults}</p>
    </>
  );
}
