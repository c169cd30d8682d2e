import type { ConfigOf } from '../../store/graph';
import { applyParam } from './applyParam';
import { CheckboxParam, SelectParam, TextParam } from './fields';
import { RHINT } from './resilienceHints';
import { numberOrText } from './useParamDraft';

type Breaker = ConfigOf<'circuit-breaker'>;

const WINDOWS: { value: Breaker['slidingWindowType']; label: string }[] = [
  { value: 'COUNT_BASED', label: 'last N calls' },
  { value: 'TIME_BASED', label: 'last N seconds' },
];

/** Resilience4j's circuit breaker, parameter by parameter, with its names in words. */
export function BreakerFields({ cfg }: { cfg: Breaker }) {
  const id = cfg.id;
  const num = (field: keyof Breaker) => (t: string) => ({ [field]: numberOrText(t) });
  const timeBased = cfg.slidingWindowType === 'TIME_BASED';
  return (
    <>
      <p className="bp-derived">{RHINT.breakerDefaults}</p>
      <SelectParam label="Window type" field="slidingWindowType" hint={RHINT.windowType} value={cfg.slidingWindowType} options={WINDOWS} onChange={(slidingWindowType) => applyParam(id, { slidingWindowType })} />
      <TextParam nodeId={id} label="Window size" unit={timeBased ? 's' : 'calls'} hint={RHINT.windowSize} inputMode="numeric" shown={String(cfg.slidingWindowSize)} toPatch={num('slidingWindowSize')} />
      <TextParam nodeId={id} label="Minimum calls" unit="calls" hint={RHINT.minimumCalls} inputMode="numeric" shown={String(cfg.minimumNumberOfCalls)} toPatch={num('minimumNumberOfCalls')} />
      <TextParam nodeId={id} label="Failure threshold" unit="%" hint={RHINT.failureThreshold} shown={String(cfg.failureRateThreshold)} toPatch={num('failureRateThreshold')} />
      <TextParam nodeId={id} label="Slow-call threshold" unit="%" hint={RHINT.slowThreshold} shown={String(cfg.slowCallRateThreshold)} toPatch={num('slowCallRateThreshold')} />
      <TextParam nodeId={id} label="Slow call above" unit="ms" hint={RHINT.slowDuration} shown={String(cfg.slowCallDurationThresholdMs)} toPatch={num('slowCallDurationThresholdMs')} />
      <TextParam nodeId={id} label="Wait when open" unit="ms" hint={RHINT.waitOpen} shown={String(cfg.waitDurationInOpenStateMs)} toPatch={num('waitDurationInOpenStateMs')} />
      <TextParam nodeId={id} label="Half-open calls" unit="calls" hint={RHINT.halfOpenCalls} inputMode="numeric" shown={String(cfg.permittedNumberOfCallsInHalfOpenState)} toPatch={num('permittedNumberOfCallsInHalfOpenState')} />
      <CheckboxParam
        label="Half-open by timer"
        field="automaticTransitionFromOpenToHalfOpenEnabled"
        hint={RHINT.autoHalfOpen}
        checked={cfg.automaticTransitionFromOpenToHalfOpenEnabled}
        onChange={(v) => applyParam(id, { automaticTransitionFromOpenToHalfOpenEnabled: v })}
      />
    </>
  );
}
