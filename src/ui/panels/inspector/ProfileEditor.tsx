import type { ProducerConfig } from '../../../engine/index';
import { applyParam } from './applyParam';
import { TextParam } from './fields';
import { HINT } from './hints';
import { numberOrText } from './useParamDraft';

type Phase = NonNullable<ProducerConfig['profile']>[number];

/** Rate changes over time: each phase moves the rate to a new level from a given instant. */
export function ProfileEditor({ cfg }: { cfg: ProducerConfig }) {
  const phases = cfg.profile ?? [];
  const id = cfg.id;
  const patchAt = (i: number, field: keyof Phase) => (t: string) => ({
    profile: phases.map((p, k) => (k === i ? { ...p, [field]: numberOrText(t) } : p)),
  });
  const add = () => {
    const last = phases[phases.length - 1];
    const next: Phase = { atMs: (last?.atMs ?? 0) + 10_000, rate: Math.round((last?.rate ?? cfg.rate) * 2), rampMs: 0 };
    applyParam(id, { profile: [...phases, next] });
  };
  const remove = (i: number) => {
    const rest = phases.filter((_, k) => k !== i);
    applyParam(id, { profile: rest.length > 0 ? rest : undefined });
  };
  return (
    <fieldset className="bp-group">
      <legend>Load profile</legend>
      <p className="bp-field__hint">{HINT.profile}</p>
      {phases.map((p, i) => (
        <div className="bp-group__row bp-phase" key={i}>
          <TextParam nodeId={id} label={`Phase ${i + 1} from`} unit="ms" shown={String(p.atMs)} toPatch={patchAt(i, 'atMs')} />
          <TextParam nodeId={id} label={`Phase ${i + 1} level`} unit="items/s" shown={String(p.rate)} toPatch={patchAt(i, 'rate')} />
          <TextParam nodeId={id} label={`Phase ${i + 1} ramp`} unit="ms" shown={String(p.rampMs)} toPatch={patchAt(i, 'rampMs')} />
          <button type="button" className="bp-btn bp-btn--small" onClick={() => remove(i)}>
            Remove phase {i + 1}
          </button>
        </div>
      ))}
      <button type="button" className="bp-btn bp-btn--small" onClick={add}>
        Add phase
      </button>
    </fieldset>
  );
}
