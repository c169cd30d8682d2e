import { lazy, Suspense } from 'react';
import { DISCIPLINES, OVERFLOW_POLICIES, type QueueConfig } from '../../../engine/index';
import { applyParam } from './applyParam';
import { CheckboxParam, SelectParam, TextParam } from './fields';
import { HINT } from './hints';
import { numberOrText, optionalNumber } from './useParamDraft';

// Not needed by a first visit (the initial bundle has a budget).
const MemoryFields = lazy(() => import('./MemoryFields').then((m) => ({ default: m.MemoryFields })));
const TheoryBox = lazy(() => import('./TheoryBox').then((m) => ({ default: m.TheoryBox })));

const OVERFLOW_LABEL: Record<(typeof OVERFLOW_POLICIES)[number], string> = {
  'drop-newest': 'drop-newest: refuse newcomers',
  'drop-oldest': 'drop-oldest: drop the oldest',
  block: 'block: the sender waits',
  'block-timeout': 'block-timeout: wait, then refuse',
};
const DISCIPLINE_LABEL: Record<(typeof DISCIPLINES)[number], string> = {
  fifo: 'fifo: first in, first out',
  lifo: 'lifo: last in, first out',
  priority: 'priority: highest class first',
};
type Aqm = NonNullable<QueueConfig['aqm']>;
const AQMS: { value: Aqm; label: string }[] = [
  { value: 'none', label: 'none' },
  { value: 'codel', label: 'CoDel' },
  { value: 'adaptive-lifo', label: 'adaptive LIFO' },
];
/** What the capacity field offers back when "Unbounded" is unticked. */
const DEFAULT_CAPACITY = 50;

export function QueueFields({ cfg }: { cfg: QueueConfig }) {
  const id = cfg.id;
  return (
    <>
      <Suspense fallback={null}>
        <TheoryBox queueId={id} />
      </Suspense>
      <TextParam
        nodeId={id}
        label="Capacity"
        unit="items"
        hint={HINT.capacity}
        inputMode="numeric"
        shown={cfg.capacity === null ? '' : String(cfg.capacity)}
        placeholder={cfg.capacity === null ? 'unbounded' : undefined}
        disabled={cfg.capacity === null}
        toPatch={(t) => ({ capacity: numberOrText(t) })}
      />
      <CheckboxParam
        label="Unbounded"
        field="capacity"
        hint={HINT.unbounded}
        checked={cfg.capacity === null}
        onChange={(v) => applyParam(id, { capacity: v ? null : DEFAULT_CAPACITY })}
      />
      <SelectParam
        label="Overflow policy"
        field="overflow"
        hint={HINT.overflow}
        value={cfg.overflow}
        options={OVERFLOW_POLICIES.map((p) => ({ value: p, label: OVERFLOW_LABEL[p] }))}
        onChange={(overflow) => applyParam(id, { overflow })}
      />
      <TextParam nodeId={id} label="Block timeout" unit="ms" hint={HINT.blockTimeout} shown={String(cfg.blockTimeoutMs)} toPatch={(t) => ({ blockTimeoutMs: numberOrText(t) })} />
      <SelectParam
        label="Discipline"
        field="discipline"
        hint={HINT.discipline}
        value={cfg.discipline}
        options={DISCIPLINES.map((d) => ({ value: d, label: DISCIPLINE_LABEL[d] }))}
        onChange={(discipline) => applyParam(id, { discipline })}
      />
      <TextParam nodeId={id} label="Aging" unit="ms" hint={HINT.aging} shown={String(cfg.agingMs)} toPatch={(t) => ({ agingMs: numberOrText(t) })} />
      <TextParam
        nodeId={id}
        label="Max age"
        unit="ms"
        hint={HINT.maxAge}
        shown={cfg.maxAgeMs === undefined ? '' : String(cfg.maxAgeMs)}
        placeholder="never"
        toPatch={(t) => ({ maxAgeMs: optionalNumber(t) })}
      />
      <SelectParam
        label="Active queue management"
        field="aqm"
        hint={HINT.aqm}
        value={cfg.aqm ?? 'none'}
        options={AQMS}
        onChange={(aqm) => applyParam(id, aqm === 'none' ? { aqm: undefined, aqmTargetMs: undefined, aqmIntervalMs: undefined } : { aqm })}
      />
      {cfg.aqm !== undefined && cfg.aqm !== 'none' && (
        <>
          {cfg.discipline === 'priority' && <p className="bp-derived bp-derived--warn">Active queue management is off under the priority discipline.</p>}
          <TextParam
            nodeId={id}
            label="AQM target"
            unit="ms"
            hint={HINT.aqmTarget}
            shown={cfg.aqmTargetMs === undefined ? '' : String(cfg.aqmTargetMs)}
            placeholder="5"
            toPatch={(t) => ({ aqmTargetMs: optionalNumber(t) })}
          />
          <TextParam
            nodeId={id}
            label="AQM interval"
            unit="ms"
            hint={HINT.aqmInterval}
            shown={cfg.aqmIntervalMs === undefined ? '' : String(cfg.aqmIntervalMs)}
            placeholder="100"
            toPatch={(t) => ({ aqmIntervalMs: optionalNumber(t) })}
          />
        </>
      )}
      <Suspense fallback={null}>
        <MemoryFields cfg={cfg} />
      </Suspense>
    </>
  );
}
