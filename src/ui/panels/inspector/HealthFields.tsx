/** A service's readiness and liveness probes (Kubernetes semantics, engine/scenario/scaling.ts). */
import type { ServiceConfig } from '../../../engine/index';
import { applyParam } from './applyParam';
import { CheckboxParam, TextParam } from './fields';
import { SHINT } from './scalingHints';
import { numberOrText } from './useParamDraft';

const READINESS = { maxBacklogMs: 2000, periodMs: 1000, failureThreshold: 3, successThreshold: 1 };
const LIVENESS = { periodMs: 1000, failureThreshold: 3, timeoutMs: 1000, dependsOnLoad: false, restartDelayMs: 5000 };

export function HealthFields({ cfg }: { cfg: ServiceConfig }) {
  const id = cfg.id;
  const r = cfg.readiness;
  const l = cfg.liveness;
  return (
    <fieldset className="bp-group bp-group--section">
      <legend>Health probes</legend>
      <CheckboxParam label="Readiness probe" hint={SHINT.readiness} checked={r !== undefined} onChange={(on) => applyParam(id, { readiness: on ? READINESS : undefined })} />
      {r && (
        <>
          <TextParam nodeId={id} label="Max backlog" unit="ms" hint={SHINT.maxBacklog} shown={String(r.maxBacklogMs)} toPatch={(t) => ({ readiness: { ...r, maxBacklogMs: numberOrText(t) } })} />
          <TextParam nodeId={id} label="Readiness period" unit="ms" hint={SHINT.probePeriod} shown={String(r.periodMs)} toPatch={(t) => ({ readiness: { ...r, periodMs: numberOrText(t) } })} />
          <TextParam nodeId={id} label="Readiness failures" inputMode="numeric" hint={SHINT.failureThreshold} shown={String(r.failureThreshold)} toPatch={(t) => ({ readiness: { ...r, failureThreshold: numberOrText(t) } })} />
        </>
      )}
      <CheckboxParam label="Liveness probe" hint={SHINT.liveness} checked={l !== undefined} onChange={(on) => applyParam(id, { liveness: on ? LIVENESS : undefined })} />
      {l && (
        <>
          <CheckboxParam label="Probe depends on load" hint={SHINT.dependsOnLoad} checked={l.dependsOnLoad} onChange={(v) => applyParam(id, { liveness: { ...l, dependsOnLoad: v } })} />
          <TextParam nodeId={id} label="Probe timeout" unit="ms" hint={SHINT.probeTimeout} shown={String(l.timeoutMs)} toPatch={(t) => ({ liveness: { ...l, timeoutMs: numberOrText(t) } })} />
          <TextParam nodeId={id} label="Liveness failures" inputMode="numeric" hint={SHINT.failureThreshold} shown={String(l.failureThreshold)} toPatch={(t) => ({ liveness: { ...l, failureThreshold: numberOrText(t) } })} />
          <TextParam nodeId={id} label="Restart takes" unit="ms" hint={SHINT.restartDelay} shown={String(l.restartDelayMs)} toPatch={(t) => ({ liveness: { ...l, restartDelayMs: numberOrText(t) } })} />
        </>
      )}
    </fieldset>
  );
}
