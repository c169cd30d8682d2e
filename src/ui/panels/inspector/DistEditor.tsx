import { moments, type ServiceTime } from '../../../engine/index';
import { applyParam } from './applyParam';
import { SelectParam, TextParam } from './fields';
import { HINT } from './hints';
import type { ComponentType } from 'react';
import { DISTS, switchDist } from './dists';
import { numberOrText } from './useParamDraft';

type Empirical = Extract<ServiceTime, { dist: 'empirical' }>;
type Mixture = Extract<ServiceTime, { dist: 'mixture' }>;
type Component = Mixture['components'][number];
type PatchOf = (st: unknown) => Record<string, unknown>;

/** The most points and components the schema takes. */
const MAX_POINTS = 64;
const MAX_COMPONENTS = 8;

/** A latency profile as [p, ms] rows: the points of its inverse CDF. */
export function QuantilesEditor({ id, st, patchOf }: { id: string; st: Empirical; patchOf: PatchOf }) {
  const qs = st.quantiles;
  const at = (i: number, k: 0 | 1) => (t: string) => patchOf({ ...st, quantiles: qs.map((q, j) => (j === i ? (k === 0 ? [numberOrText(t), q[1]] : [q[0], numberOrText(t)]) : q)) });
  const add = () => {
    // A new point halfway between the last two (or below the only one).
    const n = qs.length;
    const [p1, x1] = qs[n - 1]!;
    const [p0, x0] = n > 1 ? qs[n - 2]! : [0, 0];
    const mid: [number, number] = [Math.round(((p0 + p1) / 2) * 10_000) / 10_000, Math.round(((x0 + x1) / 2) * 100) / 100];
    applyParam(id, patchOf({ ...st, quantiles: [...qs.slice(0, n - 1), mid, qs[n - 1]!] }));
  };
  const remove = (i: number) => applyParam(id, patchOf({ ...st, quantiles: qs.filter((_, j) => j !== i) }));
  return (
    <fieldset className="bp-group">
      <legend>Percentiles</legend>
      <p className="bp-field__hint">{HINT.quantiles}</p>
      {qs.map(([p, x], i) => (
        <div className="bp-group__row bp-phase bp-phase--two" key={i}>
          <TextParam nodeId={id} label={`Point ${i + 1}: p`} unit="0–1" shown={String(p)} toPatch={at(i, 0)} />
          <TextParam nodeId={id} label={`Point ${i + 1}: time`} unit="ms" shown={String(x)} toPatch={at(i, 1)} />
          {qs.length > 1 && (
            <button type="button" className="bp-btn bp-btn--small" onClick={() => remove(i)}>
              Remove point {i + 1}
            </button>
          )}
        </div>
      ))}
      {qs.length < MAX_POINTS && (
        <button type="button" className="bp-btn bp-btn--small" onClick={add}>
          Add point
        </button>
      )}
    </fieldset>
  );
}

const COMPONENT_DISTS = DISTS.filter((d) => d.value !== 'mixture');

/** A mixture as weighted components, each edited with the fields of its own distribution. */
/** The fields of one component's distribution: the inspector's TimeFields, passed in (it shows this editor for a mixture, so importing it here would make a cycle). */
type TimeFieldsOf = ComponentType<{ id: string; st: ServiceTime; wrap: (st: unknown) => Record<string, unknown> }>;

export function MixtureEditor({ id, st, patchOf, TimeFields }: { id: string; st: Mixture; patchOf: PatchOf; TimeFields: TimeFieldsOf }) {
  const cs = st.components;
  const total = cs.reduce((s, c) => s + c.weight, 0);
  const replace = (i: number, c: unknown) => patchOf({ ...st, components: cs.map((old, j) => (j === i ? c : old)) });
  const add = () => {
    const slowest = Math.max(...cs.map((c) => moments({ dist: 'mixture', components: [c] }).mean));
    const next: Component = { weight: 0.01, dist: 'constant', ms: Math.round(slowest * 10 * 100) / 100 || 100 };
    applyParam(id, patchOf({ ...st, components: [...cs, next] }));
  };
  const remove = (i: number) => applyParam(id, patchOf({ ...st, components: cs.filter((_, j) => j !== i) }));
  return (
    <fieldset className="bp-group bp-group--section">
      <legend>Components</legend>
      <p className="bp-field__hint">{HINT.components}</p>
      {cs.map((c, i) => {
        const { weight, ...inner } = c;
        const share = total > 0 ? `${Math.round((weight / total) * 10_000) / 100}% of items` : '';
        return (
          <fieldset className="bp-group bp-group--section" key={i}>
            <legend>Component {i + 1}</legend>
            <TextParam nodeId={id} label="Weight" unit={share} shown={String(weight)} toPatch={(t) => replace(i, { ...c, weight: numberOrText(t) })} />
            <SelectParam
              label="Distribution"
              hint="The shape of this component’s times."
              value={c.dist}
              options={COMPONENT_DISTS}
              onChange={(d) => applyParam(id, replace(i, { ...switchDist(inner as ServiceTime, d), weight }))}
            />
            <TimeFields key={c.dist} id={id} st={inner as ServiceTime} wrap={(v) => replace(i, { ...(v as object), weight })} />
            {cs.length > 1 && (
              <button type="button" className="bp-btn bp-btn--small" onClick={() => remove(i)}>
                Remove component {i + 1}
              </button>
            )}
          </fieldset>
        );
      })}
      {cs.length < MAX_COMPONENTS && (
        <button type="button" className="bp-btn bp-btn--small" onClick={add}>
          Add component
        </button>
      )}
    </fieldset>
  );
}
