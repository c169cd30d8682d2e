import { PRIORITY_CLASSES, type PriorityClass, type ProducerConfig } from '../../../engine/index';
import { TextParam } from './fields';
import { HINT } from './hints';
import { optionalNumber } from './useParamDraft';

type Mix = Partial<Record<PriorityClass, number>>;

const title = (c: string) => c[0]!.toUpperCase() + c.slice(1);

/** Weights per priority class; an empty mix means every item is "normal". */
export function PriorityMix({ cfg }: { cfg: ProducerConfig }) {
  const mix: Mix = cfg.priorities ?? { normal: 1 };
  const patchFor = (cls: PriorityClass) => (t: string) => {
    const next: Record<string, unknown> = { ...mix, [cls]: optionalNumber(t) };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    return { priorities: Object.keys(next).length > 0 ? next : undefined };
  };
  return (
    <fieldset className="bp-group">
      <legend>Priority mix</legend>
      <p className="bp-field__hint">{HINT.priorities}</p>
      <div className="bp-group__row">
        {PRIORITY_CLASSES.map((cls) => (
          <TextParam key={cls} nodeId={cfg.id} label={title(cls)} shown={mix[cls] === undefined ? '' : String(mix[cls])} toPatch={patchFor(cls)} />
        ))}
      </div>
    </fieldset>
  );
}
