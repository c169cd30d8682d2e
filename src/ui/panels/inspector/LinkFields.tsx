import type { ConfigOf } from '../../store/graph';
import { TextParam } from './fields';
import { numberOrText } from './useParamDraft';

/** A network link (Linux netem): delay, jitter and the items it holds at once. */
export function LinkFields({ cfg }: { cfg: ConfigOf<'link'> }) {
  const id = cfg.id;
  return (
    <>
      <TextParam
        nodeId={id}
        label="Delay"
        unit="ms"
        hint="One-way delay of every item, as netem's delay (tc qdisc … netem delay 50ms)."
        inputMode="decimal"
        shown={String(cfg.delayMs)}
        toPatch={(t) => ({ delayMs: numberOrText(t) })}
      />
      <TextParam
        nodeId={id}
        label="Jitter"
        unit="ms"
        hint="Each item's delay is uniform in delay ± jitter, as netem's jitter (delay 50ms 10ms); items can overtake each other. At most the delay."
        inputMode="decimal"
        shown={String(cfg.jitterMs)}
        toPatch={(t) => ({ jitterMs: numberOrText(t) })}
      />
      <TextParam
        nodeId={id}
        label="Limit"
        unit="items"
        hint="Items held at once, travelling or waiting for the next hop (netem's limit, default 1000); more are refused with 503."
        inputMode="numeric"
        shown={String(cfg.limit)}
        toPatch={(t) => ({ limit: numberOrText(t) })}
      />
    </>
  );
}
