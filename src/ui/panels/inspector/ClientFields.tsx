import type { ConfigOf } from '../../store/graph';
import { CallerFields } from './CallerFields';
import { TextParam } from './fields';
import { RHINT } from './resilienceHints';
import { optionalNumber } from './useParamDraft';

/** A client: its callers' deadline and outstanding cap, then how it treats each call. */
export function ClientFields({ cfg }: { cfg: ConfigOf<'client'> }) {
  const id = cfg.id;
  return (
    <>
      <p className="bp-derived">Calls whatever it is wired to, and waits for each answer. {RHINT.clientDefaults}</p>
      <TextParam
        nodeId={id}
        label="Deadline"
        unit="ms"
        hint={RHINT.deadline}
        shown={cfg.deadlineMs === undefined ? '' : String(cfg.deadlineMs)}
        placeholder="none"
        toPatch={(t) => ({ deadlineMs: optionalNumber(t) })}
      />
      <TextParam
        nodeId={id}
        label="Max outstanding"
        unit="requests"
        hint={RHINT.maxOutstanding}
        inputMode="numeric"
        shown={cfg.maxOutstanding === undefined ? '' : String(cfg.maxOutstanding)}
        placeholder="no cap"
        toPatch={(t) => ({ maxOutstanding: optionalNumber(t) })}
      />
      <CallerFields nodeId={id} policy={cfg} nested={false} />
    </>
  );
}
