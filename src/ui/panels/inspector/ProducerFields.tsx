import type { ProducerConfig } from '../../../engine/index';
import { applyParam } from './applyParam';
import { SelectParam, TextParam } from './fields';
import { HINT } from './hints';
import { PriorityMix } from './PriorityMix';
import { ProfileEditor } from './ProfileEditor';
import { numberOrText } from './useParamDraft';

type Arrival = ProducerConfig['arrival'];
const ARRIVALS: { value: Arrival; label: string }[] = [
  { value: 'poisson', label: 'Poisson (random)' },
  { value: 'constant', label: 'Constant (evenly spaced)' },
  { value: 'bursty', label: 'Bursty (on/off)' },
];
const DEFAULT_BURST = { onMs: 1000, offMs: 1000 };

export function ProducerFields({ cfg }: { cfg: ProducerConfig }) {
  const id = cfg.id;
  const burst = cfg.burst ?? DEFAULT_BURST;
  return (
    <>
      <TextParam nodeId={id} label="Rate" unit="items/s" hint={HINT.rate} shown={String(cfg.rate)} toPatch={(t) => ({ rate: numberOrText(t) })} />
      <SelectParam
        label="Arrival"
        hint={HINT.arrival}
        value={cfg.arrival}
        options={ARRIVALS}
        onChange={(arrival) => applyParam(id, { arrival, burst: arrival === 'bursty' ? burst : undefined })}
      />
      {cfg.arrival === 'bursty' && (
        <>
          <TextParam nodeId={id} label="Burst on" unit="ms" hint={HINT.burstOn} shown={String(burst.onMs)} toPatch={(t) => ({ burst: { ...burst, onMs: numberOrText(t) } })} />
          <TextParam nodeId={id} label="Burst off" unit="ms" hint={HINT.burstOff} shown={String(burst.offMs)} toPatch={(t) => ({ burst: { ...burst, offMs: numberOrText(t) } })} />
        </>
      )}
      <TextParam nodeId={id} label="Item size" unit="bytes" hint={HINT.sizeBytes} inputMode="numeric" shown={String(cfg.sizeBytes)} toPatch={(t) => ({ sizeBytes: numberOrText(t) })} />
      <PriorityMix cfg={cfg} />
      <ProfileEditor cfg={cfg} />
    </>
  );
}
