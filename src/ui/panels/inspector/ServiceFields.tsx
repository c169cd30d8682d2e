import { lazy, Suspense } from 'react';
import { moments, type ServiceConfig, type ServiceTime } from '../../../engine/index';
import { rate } from '../../format';
import { applyParam } from './applyParam';
import { useScenario } from '../../store/appStore';
import { hasOutgoing } from '../../store/selectors';
import { CheckboxParam, SelectParam, TextParam } from './fields';
import { HINT } from './hints';
import { numberOrText } from './useParamDraft';

const MemoryFields = lazy(() => import('./MemoryFields').then((m) => ({ default: m.MemoryFields })));
const IntakeFields = lazy(() => import('./MemoryFields').then((m) => ({ default: m.IntakeFields })));
const HealthFields = lazy(() => import('./HealthFields').then((m) => ({ default: m.HealthFields })));

// Loaded when a service first gets call edges: most designs never need it.
const CallerFields = lazy(() => import('./CallerFields').then((m) => ({ default: m.CallerFields })));

// The list editors of empirical profiles and mixtures: loaded when one is first shown.
const QuantilesEditor = lazy(() => import('./DistEditor').then((m) => ({ default: m.QuantilesEditor })));
const MixtureEditor = lazy(() => import('./DistEditor').then((m) => ({ default: m.MixtureEditor })));

import { DISTS, switchDist } from './dists';

/** The fields of one distribution; `param` names the config field it lives in (a consumer group's processingTime), or `wrap` makes the patch (a mixture's component). */
export function TimeFields({ id, st, param = 'serviceTime', wrap }: { id: string; st: ServiceTime; param?: string; wrap?: (st: unknown) => Record<string, unknown> }) {
  const patchOf = wrap ?? ((v: unknown) => ({ [param]: v }));
  const set = (field: string) => (t: string) => patchOf({ ...st, [field]: numberOrText(t) });
  switch (st.dist) {
    case 'constant':
      return <TextParam nodeId={id} label="Time" unit="ms" hint={HINT.constantMs} shown={String(st.ms)} toPatch={set('ms')} />;
    case 'exponential':
      return <TextParam nodeId={id} label="Mean" unit="ms" hint={HINT.meanMs} shown={String(st.meanMs)} toPatch={set('meanMs')} />;
    case 'lognormal':
      return (
        <>
          <TextParam nodeId={id} label="Mean" unit="ms" hint={HINT.meanMs} shown={String(st.meanMs)} toPatch={set('meanMs')} />
          <TextParam nodeId={id} label="Sigma" hint={HINT.sigma} shown={String(st.sigma)} toPatch={set('sigma')} />
        </>
      );
    case 'uniform':
      return (
        <>
          <TextParam nodeId={id} label="Min" unit="ms" hint={HINT.minMs} shown={String(st.minMs)} toPatch={set('minMs')} />
          <TextParam nodeId={id} label="Max" unit="ms" hint={HINT.maxMs} shown={String(st.maxMs)} toPatch={set('maxMs')} />
        </>
      );
    case 'pareto':
      return (
        <>
          <TextParam nodeId={id} label="Scale" unit="ms" hint={HINT.paretoScale} shown={String(st.scaleMs)} toPatch={set('scaleMs')} />
          <TextParam nodeId={id} label="Shape" hint={HINT.paretoShape} shown={String(st.shape)} toPatch={set('shape')} />
        </>
      );
    case 'empirical':
      return (
        <Suspense fallback={<p className="bp-field__hint">Loading…</p>}>
          <QuantilesEditor id={id} st={st} patchOf={patchOf} />
        </Suspense>
      );
    case 'mixture':
      return (
        <Suspense fallback={<p className="bp-field__hint">Loading…</p>}>
          <MixtureEditor id={id} st={st} patchOf={patchOf} TimeFields={TimeFields} />
        </Suspense>
      );
  }
}

export function ServiceFields({ cfg }: { cfg: ServiceConfig }) {
  const id = cfg.id;
  const mean = moments(cfg.serviceTime).mean;
  const most = mean > 0 ? (cfg.concurrency * 1000) / mean : Infinity;
  const calls = useScenario((s) => hasOutgoing(s, id, 'call'));
  return (
    <>
      <p className="bp-derived">
        Can finish about <strong>{Number.isFinite(most) ? rate(most) : 'unlimited items/s'}</strong> at most ({cfg.concurrency} worker
        {cfg.concurrency === 1 ? '' : 's'} ÷ {Math.round(mean * 100) / 100} ms each).
      </p>
      <TextParam nodeId={id} label="Concurrency" unit="workers" hint={HINT.concurrency} inputMode="numeric" shown={String(cfg.concurrency)} toPatch={(t) => ({ concurrency: numberOrText(t) })} />
      <SelectParam
        label="Service time"
        hint={HINT.serviceTime}
        value={cfg.serviceTime.dist}
        options={DISTS}
        onChange={(d) => applyParam(id, { serviceTime: switchDist(cfg.serviceTime, d) })}
      />
      <TimeFields key={cfg.serviceTime.dist} id={id} st={cfg.serviceTime} />
      <TextParam nodeId={id} label="Error rate" unit="0–1" hint={HINT.errorRate} shown={String(cfg.errorRate)} toPatch={(t) => ({ errorRate: numberOrText(t) })} />
      <CheckboxParam label="Honor deadlines" hint={HINT.honorDeadlines} checked={cfg.honorDeadlines !== false} onChange={(v) => applyParam(id, { honorDeadlines: v ? undefined : false })} />
      <Suspense fallback={null}>
        <IntakeFields cfg={cfg} />
        <MemoryFields cfg={cfg} />
        <HealthFields cfg={cfg} />
      </Suspense>
      {calls && (
        <fieldset className="bp-group bp-group--section">
          <legend>Calls</legend>
          <p className="bp-field__hint">{HINT.calls}</p>
          <Suspense fallback={<p className="bp-field__hint">Loading…</p>}>
            <CallerFields nodeId={id} policy={cfg.call} nested />
          </Suspense>
        </fieldset>
      )}
    </>
  );
}
