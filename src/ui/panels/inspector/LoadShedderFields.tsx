import type { ConfigOf } from '../../store/graph';
import { applyParam } from './applyParam';
import { CheckboxParam, SelectParam, TextParam } from './fields';
import { RHINT } from './resilienceHints';
import { numberOrText } from './useParamDraft';

type Measure = ConfigOf<'load-shedder'>['measure'];
const MEASURES: { value: Measure; label: string }[] = [
  { value: 'in-flight', label: 'in flight' },
  { value: 'depth', label: 'depth behind it' },
];

/** Admission control: shed before the work can queue, least important first. */
export function LoadShedderFields({ cfg }: { cfg: ConfigOf<'load-shedder'> }) {
  const id = cfg.id;
  return (
    <>
      <SelectParam label="Measure" hint={RHINT.measure} value={cfg.measure} options={MEASURES} onChange={(measure) => applyParam(id, { measure })} />
      <TextParam nodeId={id} label="Limit" unit="items" hint={RHINT.shedLimit} inputMode="numeric" shown={String(cfg.limit)} toPatch={(t) => ({ limit: numberOrText(t) })} />
      <CheckboxParam label="Priority aware" hint={RHINT.priorityAware} checked={cfg.priorityAware} onChange={(v) => applyParam(id, { priorityAware: v })} />
    </>
  );
}
