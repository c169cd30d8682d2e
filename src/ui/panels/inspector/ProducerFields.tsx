import type { ProducerConfig } from '../../../engine/index';
import { applyParam } from './applyParam';
import { SelectParam, TextParam } from './fields';
import { HINT } from './hints';
import { PriorityMix } from './PriorityMix';
import { ProfileEditor } from './ProfileEditor';
import { numberOrText, optionalNumber } from './useParamDraft';

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
 {cfg.users !== undefined && (
        <p className="bp-derived">
          Closed loop: <strong>{cfg.users}</strong> user{cfg.users === 1 ? '' : 's'}, each waiting for an answer before asking again. Rate is ignored.
        </p>
      )}
      <TextParam
        nodeId={id}
        label="Users"
        unit="users"
        hint={HINT.users}
        inputMode="numeric"
        shown={cfg.users === undefined ? '' : String(cfg.users)}
        placeholder="open loop"
        toPatch={(t) => ({ users: optionalNumber(t) })}
      />
      <TextParam
        nodeId={id}
        label="Think time"
        unit="ms"
        hint={HINT.thinkTime}
        shown={cfg.thinkTimeMs === undefined ? '' : String(cfg.thinkTimeMs)}
        placeholder="0"
        toPatch={(t) => ({ thinkTimeMs: optionalNumber(t) })}
      />
      <TextParam
        nodeId={id}
        label="Deadline"
        unit="ms"
        hint={HINT.producerDeadline}
        shown={cfg.deadlineMs === undefined ? '' : String(cfg.deadlineMs)}
        placeholder="none"
        toPatch={(t) => ({ deadlineMs: optionalNumber(t) })}
      />
      <TextParam nodeId={id} label="Item size" unit="bytes" hint={HINT.sizeBytes} inputMode="numeric" shown={String(cfg.sizeBytes)} toPatch={(t) => ({ sizeBytes: numberOrText(t) })} />
      <PriorityMix cfg={cfg} />
      <ProfileEditor cfg={cfg} />
    </>
  );
}
