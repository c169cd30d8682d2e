import { parseNode, type ServiceConfig } from '../../../engine/index';
import { applyParam } from './applyParam';
import { CheckboxParam, SelectParam, TextParam } from './fields';
import { RHINT } from './resilienceHints';
import { numberOrText, optionalNumber } from './useParamDraft';

export type CallerPolicy = NonNullable<ServiceConfig['call']>;
type Jitter = CallerPolicy['backoff']['jitter'];
type Budget = CallerPolicy['retryBudget'];

/** The engine's defaults for a caller policy (what a service's calls use until edited). */
const DEFAULT_POLICY: CallerPolicy = (() => {
  const p = parseNode({ id: 'x', type: 'service', serviceTime: { dist: 'constant', ms: 1 }, call: {} });
  if (!p.ok || p.value.type !== 'service' || !p.value.call) throw new Error('the default caller policy does not parse');
  return p.value.call;
})();

const JITTERS: { value: Jitter; label: string }[] = [
  { value: 'none', label: 'none' },
  { value: 'full', label: 'full' },
  { value: 'equal', label: 'equal' },
  { value: 'decorrelated', label: 'decorrelated' },
];
const BUDGETS: { value: Budget['kind']; label: string }[] = [
  { value: 'none', label: 'none' },
  { value: 'token-bucket', label: 'tokens (gRPC)' },
  { value: 'percent', label: 'percent (Finagle)' },
  { value: 'deposit', label: 'deposit bucket (Brooker)' },
  { value: 'aws-standard', label: 'retry quota (AWS SDK)' },
  { value: 'circuit-breaker', label: 'breaker on retries' },
];
const BUDGET_DEFAULTS: Record<Budget['kind'], Budget> = {
  none: { kind: 'none' },
  'token-bucket': { kind: 'token-bucket', maxTokens: 10, tokenRatio: 0.1 },
  percent: { kind: 'percent', percentCanRetry: 0.2, minRetriesPerSec: 10, ttlMs: 10_000 },
  deposit: { kind: 'deposit', depositPerRequest: 0.1, maxTokens: 5, costPerRetry: 1 },
  'aws-standard': { kind: 'aws-standard', quota: 500, retryCost: 5, timeoutCost: 10, successRefund: 1 },
  'circuit-breaker': { kind: 'circuit-breaker', failureRateThreshold: 10, windowSize: 100, minimumNumberOfCalls: 20 },
};
const THROTTLE_DEFAULT = { k: 2, windowMs: 120_000 };
const HEDGING_DEFAULT = { maxAttempts: 2, hedgingDelayMs: 10 };

/** Drops keys set to undefined, so "not set" is absent rather than present-and-undefined. */
function compact(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

interface Props {
  nodeId: string;
  /** Absent: the engine's defaults (a service whose calls were never tuned). */
  policy?: CallerPolicy;
  /** Where the policy lives in the node: top level (a client) or under `call` (a service). */
  nested: boolean;
}

/**
 * Timeouts, retries with backoff and jitter, a retry budget, Retry-After and adaptive throttling:
 * how a caller treats each call (the same fields for a client and for a service's calls).
 */
export function CallerFields({ nodeId, policy = DEFAULT_POLICY, nested }: Props) {
  const patch = (p: Record<string, unknown>): Record<string, unknown> => (nested ? { call: compact({ ...policy, ...p }) } : p);
  const apply = (p: Record<string, unknown>) => applyParam(nodeId, patch(p));
  const backoff = (field: keyof CallerPolicy['backoff']) => (t: string) => patch({ backoff: { ...policy.backoff, [field]: numberOrText(t) } });
  const budget = policy.retryBudget;
  const budgetField = (field: string) => (t: string) => patch({ retryBudget: { ...budget, [field]: numberOrText(t) } });
  const hedging = policy.hedgingPolicy;
  const hedgeField = (field: 'maxAttempts' | 'hedgingDelayMs') => (t: string) => patch({ hedgingPolicy: { ...(hedging ?? HEDGING_DEFAULT), [field]: numberOrText(t) } });
  const throttle = policy.adaptiveThrottle;
  const throttleField = (field: 'k' | 'windowMs') => (t: string) => patch({ adaptiveThrottle: { ...(throttle ?? THROTTLE_DEFAULT), [field]: numberOrText(t) } });

  return (
    <>
      <TextParam
        nodeId={nodeId}
        label="Timeout"
        unit="ms"
        hint={RHINT.timeout}
        shown={policy.timeoutMs === undefined ? '' : String(policy.timeoutMs)}
        placeholder="none"
        toPatch={(t) => patch({ timeoutMs: optionalNumber(t) })}
      />
      <TextParam nodeId={nodeId} label="Attempts" unit="in all" hint={RHINT.attempts} inputMode="numeric" shown={String(policy.maxAttempts)} toPatch={(t) => patch({ maxAttempts: numberOrText(t) })} />
      <TextParam nodeId={nodeId} label="Backoff base" unit="ms" hint={RHINT.backoffBase} shown={String(policy.backoff.baseMs)} toPatch={backoff('baseMs')} />
      <TextParam nodeId={nodeId} label="Backoff cap" unit="ms" hint={RHINT.backoffCap} shown={String(policy.backoff.capMs)} toPatch={backoff('capMs')} />
      <TextParam nodeId={nodeId} label="Multiplier" unit="×" hint={RHINT.multiplier} shown={String(policy.backoff.multiplier)} toPatch={backoff('multiplier')} />
      <SelectParam label="Jitter" field={nested ? 'call.backoff.jitter' : 'backoff.jitter'} hint={RHINT.jitter} value={policy.backoff.jitter} options={JITTERS} onChange={(jitter) => apply({ backoff: { ...policy.backoff, jitter } })} />
      <CheckboxParam label="Respect Retry-After" field={nested ? 'call.respectRetryAfter' : 'respectRetryAfter'} hint={RHINT.retryAfter} checked={policy.respectRetryAfter} onChange={(v) => apply({ respectRetryAfter: v })} />
      <SelectParam label="Retry budget" field={nested ? 'call.retryBudget' : 'retryBudget'} hint={RHINT.retryBudget} value={budget.kind} options={BUDGETS} onChange={(k) => apply({ retryBudget: BUDGET_DEFAULTS[k] })} />
      {budget.kind === 'token-bucket' && (
        <>
          <TextParam nodeId={nodeId} label="Max tokens" unit="tokens" hint={RHINT.maxTokens} shown={String(budget.maxTokens)} toPatch={budgetField('maxTokens')} />
          <TextParam nodeId={nodeId} label="Token ratio" unit="per success" hint={RHINT.tokenRatio} shown={String(budget.tokenRatio)} toPatch={budgetField('tokenRatio')} />
        </>
      )}
      {budget.kind === 'percent' && (
        <>
          <TextParam nodeId={nodeId} label="Retry share" unit="0–1" hint={RHINT.percentCanRetry} shown={String(budget.percentCanRetry)} toPatch={budgetField('percentCanRetry')} />
          <TextParam nodeId={nodeId} label="Min retries" unit="per s" hint={RHINT.minRetriesPerSec} shown={String(budget.minRetriesPerSec)} toPatch={budgetField('minRetriesPerSec')} />
          <TextParam nodeId={nodeId} label="Budget window" unit="ms" hint={RHINT.budgetTtl} shown={String(budget.ttlMs)} toPatch={budgetField('ttlMs')} />
        </>
      )}
      {budget.kind === 'deposit' && (
        <>
          <TextParam nodeId={nodeId} label="Deposit" unit="per request" hint={RHINT.depositPerRequest} shown={String(budget.depositPerRequest)} toPatch={budgetField('depositPerRequest')} />
          <TextParam nodeId={nodeId} label="Max tokens" unit="tokens" hint={RHINT.depositMax} shown={String(budget.maxTokens)} toPatch={budgetField('maxTokens')} />
          <TextParam nodeId={nodeId} label="Retry cost" unit="tokens" hint={RHINT.costPerRetry} shown={String(budget.costPerRetry)} toPatch={budgetField('costPerRetry')} />
        </>
      )}
      {budget.kind === 'aws-standard' && (
        <>
          <TextParam nodeId={nodeId} label="Quota" unit="tokens" hint={RHINT.awsQuota} shown={String(budget.quota)} toPatch={budgetField('quota')} />
          <TextParam nodeId={nodeId} label="Retry cost" unit="tokens" hint={RHINT.awsRetryCost} shown={String(budget.retryCost)} toPatch={budgetField('retryCost')} />
          <TextParam nodeId={nodeId} label="Timeout cost" unit="tokens" hint={RHINT.awsTimeoutCost} shown={String(budget.timeoutCost)} toPatch={budgetField('timeoutCost')} />
          <TextParam nodeId={nodeId} label="Success refund" unit="tokens" hint={RHINT.awsRefund} shown={String(budget.successRefund)} toPatch={budgetField('successRefund')} />
        </>
      )}
      {budget.kind === 'circuit-breaker' && (
        <>
          <TextParam nodeId={nodeId} label="Failure rate" unit="%" hint={RHINT.retryBreakerThreshold} shown={String(budget.failureRateThreshold)} toPatch={budgetField('failureRateThreshold')} />
          <TextParam nodeId={nodeId} label="Window" unit="attempts" hint={RHINT.retryBreakerWindow} shown={String(budget.windowSize)} toPatch={budgetField('windowSize')} />
          <TextParam nodeId={nodeId} label="Minimum" unit="attempts" hint={RHINT.retryBreakerMin} shown={String(budget.minimumNumberOfCalls)} toPatch={budgetField('minimumNumberOfCalls')} />
        </>
      )}
      <CheckboxParam
        label="Hedging (gRPC)"
        hint={RHINT.hedging}
        checked={hedging !== undefined}
        onChange={(v) => apply(v ? { hedgingPolicy: HEDGING_DEFAULT, maxAttempts: 1 } : { hedgingPolicy: undefined })}
      />
      {hedging && (
        <>
          <TextParam nodeId={nodeId} label="Hedge copies" unit="in all" hint={RHINT.hedgeAttempts} inputMode="numeric" shown={String(hedging.maxAttempts)} toPatch={hedgeField('maxAttempts')} />
          <TextParam nodeId={nodeId} label="Hedge delay" unit="ms" hint={RHINT.hedgeDelay} shown={String(hedging.hedgingDelayMs)} toPatch={hedgeField('hedgingDelayMs')} />
        </>
      )}
      <CheckboxParam
        label="Adaptive throttling"
        hint={RHINT.throttle}
        checked={throttle !== undefined}
        onChange={(v) => apply({ adaptiveThrottle: v ? THROTTLE_DEFAULT : undefined })}
      />
      {throttle && (
        <>
          <TextParam nodeId={nodeId} label="Throttle K" hint={RHINT.throttleK} shown={String(throttle.k)} toPatch={throttleField('k')} />
          <TextParam nodeId={nodeId} label="Throttle window" unit="ms" hint={RHINT.throttleWindow} shown={String(throttle.windowMs)} toPatch={throttleField('windowMs')} />
        </>
      )}
    </>
  );
}
