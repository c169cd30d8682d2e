import type { ConfigOf } from '../../store/graph';
import { applyParam } from './applyParam';
import { SelectParam, TextParam } from './fields';
import { RHINT } from './resilienceHints';
import { numberOrText } from './useParamDraft';

type Limiter = ConfigOf<'concurrency-limiter'>;
const ALGORITHMS: { value: Limiter['algorithm']; label: string }[] = [
  { value: 'aimd', label: 'AIMD' },
  { value: 'gradient2', label: 'Gradient2' },
  { value: 'fixed', label: 'fixed' },
];

/** Netflix concurrency-limits: the algorithm, the limit's range, then that algorithm's knobs. */
export function ConcurrencyLimitFields({ cfg }: { cfg: Limiter }) {
  const id = cfg.id;
  const num = (field: keyof Limiter) => (t: string) => ({ [field]: numberOrText(t) });
  return (
    <>
      <p className="bp-derived">{RHINT.limitDefaults}</p>
      <SelectParam label="Algorithm" hint={RHINT.algorithm} value={cfg.algorithm} options={ALGORITHMS} onChange={(algorithm) => applyParam(id, { algorithm })} />
      <TextParam nodeId={id} label="Initial limit" unit="calls" hint={RHINT.initialLimit} inputMode="numeric" shown={String(cfg.initialLimit)} toPatch={num('initialLimit')} />
      <TextParam nodeId={id} label="Min limit" unit="calls" hint={RHINT.minLimit} inputMode="numeric" shown={String(cfg.minLimit)} toPatch={num('minLimit')} />
      <TextParam nodeId={id} label="Max limit" unit="calls" hint={RHINT.maxLimit} inputMode="numeric" shown={String(cfg.maxLimit)} toPatch={num('maxLimit')} />
      {cfg.algorithm === 'aimd' && (
        <>
          <TextParam nodeId={id} label="Backoff ratio" unit="×" hint={RHINT.backoffRatio} shown={String(cfg.backoffRatio)} toPatch={num('backoffRatio')} />
          <TextParam nodeId={id} label="Drop above" unit="ms" hint={RHINT.limitTimeout} shown={String(cfg.timeoutMs)} toPatch={num('timeoutMs')} />
        </>
      )}
      {cfg.algorithm === 'gradient2' && (
        <>
          <TextParam nodeId={id} label="Smoothing" unit="0–1" hint={RHINT.smoothing} shown={String(cfg.smoothing)} toPatch={num('smoothing')} />
          <TextParam nodeId={id} label="Queue size" unit="calls" hint={RHINT.queueSize} shown={String(cfg.queueSize)} toPatch={num('queueSize')} />
          <TextParam nodeId={id} label="RTT tolerance" unit="×" hint={RHINT.rttTolerance} shown={String(cfg.rttTolerance)} toPatch={num('rttTolerance')} />
          <TextParam nodeId={id} label="Long window" unit="samples" hint={RHINT.longWindow} inputMode="numeric" shown={String(cfg.longWindow)} toPatch={num('longWindow')} />
        </>
      )}
    </>
  );
}
