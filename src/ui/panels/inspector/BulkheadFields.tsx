import { PRIORITY_CLASSES, type PriorityClass } from '../../../engine/index';
import type { ConfigOf } from '../../store/graph';
import { TextParam } from './fields';
import { RHINT } from './resilienceHints';
import { numberOrText, optionalNumber } from './useParamDraft';

type Bulkhead = ConfigOf<'bulkhead'>;
const title = (c: string) => c[0]!.toUpperCase() + c.slice(1);

/** A semaphore bulkhead (Resilience4j), with optional lanes per priority class. */
export function BulkheadFields({ cfg }: { cfg: Bulkhead }) {
  const id = cfg.id;
  const lanes = cfg.perClass ?? {};
  const laneFor = (cls: PriorityClass) => (t: string) => {
    const next: Record<string, unknown> = { ...lanes, [cls]: optionalNumber(t) };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    return { perClass: Object.keys(next).length > 0 ? next : undefined };
  };
  return (
    <>
      <TextParam
        nodeId={id}
        label="Max at once"
        unit="calls"
        hint={RHINT.maxConcurrent}
        inputMode="numeric"
        shown={String(cfg.maxConcurrentCalls)}
        toPatch={(t) => ({ maxConcurrentCalls: numberOrText(t) })}
      />
      <fieldset className="bp-group">
        <legend>Per-class caps</legend>
        <p className="bp-field__hint">{RHINT.perClass}</p>
        <div className="bp-group__row">
          {PRIORITY_CLASSES.map((cls) => (
            <TextParam
              key={cls}
              nodeId={id}
              label={title(cls)}
              inputMode="numeric"
              shown={lanes[cls] === undefined ? '' : String(lanes[cls])}
              placeholder="—"
              toPatch={laneFor(cls)}
            />
          ))}
        </div>
      </fieldset>
    </>
  );
}
