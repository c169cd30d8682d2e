import type { ConfigOf } from '../../store/graph';
import { TextParam } from './fields';
import { RHINT } from './resilienceHints';
import { numberOrText } from './useParamDraft';

/** A token bucket (Envoy's local rate limit). */
export function RateLimiterFields({ cfg }: { cfg: ConfigOf<'rate-limiter'> }) {
  const id = cfg.id;
  return (
    <>
      <p className="bp-derived">
        Lets <strong>{cfg.rate}/s</strong> through on average, bursts of up to {cfg.burst}; the rest get <strong>429</strong> with a Retry-After.
      </p>
      <TextParam nodeId={id} label="Rate" unit="per s" hint={RHINT.limiterRate} shown={String(cfg.rate)} toPatch={(t) => ({ rate: numberOrText(t) })} />
      <TextParam nodeId={id} label="Burst" unit="tokens" hint={RHINT.burst} inputMode="numeric" shown={String(cfg.burst)} toPatch={(t) => ({ burst: numberOrText(t) })} />
    </>
  );
}
