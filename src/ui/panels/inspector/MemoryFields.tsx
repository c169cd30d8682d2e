import type { QueueConfig, ServiceConfig } from '../../../engine/index';
import { applyParam } from './applyParam';
import { CheckboxParam, SelectParam, TextParam } from './fields';
import { MEMORY_HINT } from './memoryHints';
import { numberOrText, optionalNumber } from './useParamDraft';

const MiB = 1024 * 1024;

/** "64" MiB typed → bytes; empty → the default limit; anything else goes to the schema to refuse. */
function limitPatch(text: string): Record<string, unknown> {
  const v = optionalNumber(text);
  return { memoryLimitBytes: typeof v === 'number' ? Math.round(v * MiB) : v };
}

/** The memory budget of a queue or a service: its limit, and how long an OOM kill keeps it down. */
export function MemoryFields({ cfg }: { cfg: QueueConfig | ServiceConfig }) {
  const id = cfg.id;
  const limit = cfg.memoryLimitBytes;
  return (
    <fieldset className="bp-group bp-group--section" aria-label="Memory">
      <legend>Memory</legend>
      <TextParam
        nodeId={id}
        label="Memory limit"
        unit="MiB"
        hint={MEMORY_HINT.memoryLimit}
        shown={limit === undefined || limit === null ? '' : String(Math.round((limit / MiB) * 1000) / 1000)}
        placeholder={limit === null ? 'no limit' : '512'}
        disabled={limit === null}
        toPatch={limitPatch}
      />
      <CheckboxParam label="No memory limit" hint={MEMORY_HINT.noLimit} checked={limit === null} onChange={(v) => applyParam(id, { memoryLimitBytes: v ? null : undefined })} />
      <TextParam
        nodeId={id}
        label="Restart delay"
        unit="ms"
        hint={MEMORY_HINT.restartDelay}
        shown={cfg.restartDelayMs === undefined ? '' : String(cfg.restartDelayMs)}
        placeholder="10000"
        toPatch={(t) => ({ restartDelayMs: optionalNumber(t) })}
      />
    </fieldset>
  );
}

type Intake = 'worker' | 'pull' | 'push';
const INTAKES: { value: Intake; label: string }[] = [
  { value: 'worker', label: 'one per free worker' },
  { value: 'pull', label: 'pull: workers × batch' },
  { value: 'push', label: 'push: unbounded buffer' },
];

/** How a service takes work from its input. */
export function IntakeFields({ cfg }: { cfg: ServiceConfig }) {
  const id = cfg.id;
  const mode: Intake = cfg.intake?.mode ?? 'worker';
  return (
    <>
      <SelectParam
        label="Intake"
        hint={MEMORY_HINT.intake}
        value={mode}
        options={INTAKES}
        onChange={(m) => applyParam(id, { intake: m === 'worker' ? undefined : m === 'pull' ? { mode: 'pull', batch: 10 } : { mode: 'push' } })}
      />
      {cfg.intake?.mode === 'pull' && (
        <TextParam
          nodeId={id}
          label="Batch"
          unit="per worker"
          hint={MEMORY_HINT.batch}
          inputMode="numeric"
          shown={String(cfg.intake.batch)}
          toPatch={(t) => ({ intake: { mode: 'pull', batch: numberOrText(t) } })}
        />
      )}
    </>
  );
}
