import type { ConfigOf } from '../../store/graph';
import { CallerFields } from './CallerFields';
import { TextParam } from './fields';
import { RHINT } from './resilienceHints';
import { numberOrText } from './useParamDraft';

/** A fan-out: how many calls per request, how many answers it waits for, then how each call is made. */
export function FanOutFields({ cfg }: { cfg: ConfigOf<'fan-out'> }) {
  const id = cfg.id;
  return (
    <>
      <p className="bp-derived">{RHINT.fanOut}</p>
      <TextParam nodeId={id} label="Calls" unit="per request" hint={RHINT.fanOutCalls} inputMode="numeric" shown={String(cfg.calls)} toPatch={(t) => ({ calls: numberOrText(t) })} />
      <TextParam
        nodeId={id}
        label="Wait for"
        unit="answers"
        hint={RHINT.fanOutWaitFor}
        shown={String(cfg.waitFor)}
        toPatch={(t) => ({ waitFor: t.trim() === 'all' ? 'all' : numberOrText(t) })}
      />
      <CallerFields nodeId={id} policy={cfg} nested={false} />
    </>
  );
}

/** A shared row: the latency of each hop of read-then-write. */
export function SharedRowFields({ cfg }: { cfg: ConfigOf<'shared-row'> }) {
  return (
    <>
      <p className="bp-derived">{RHINT.sharedRow}</p>
      <TextParam nodeId={cfg.id} label="Hop" unit="ms" hint={RHINT.hopMs} shown={String(cfg.hopMs)} toPatch={(t) => ({ hopMs: numberOrText(t) })} />
    </>
  );
}
