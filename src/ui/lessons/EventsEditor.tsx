import { useId, useState } from 'react';
import { moments, scaleTime, type NodeConfig, type ScriptedEvent } from '../../engine/index';
import { scenarioStore, useScenario } from '../store/appStore';
import type { ScenarioState } from '../store/scenarioStore';
import { PART } from '../parts/index';
import { describeEvent } from './scriptedEvents';
import './lessons.css';
import { RemovableList } from '../panels/inspector/RemovableList';

interface ParamOption {
  label: string;
  unit: string;
  patch: (cfg: NodeConfig, v: number) => Record<string, unknown>;
}

/** Service time keeps its distribution; only its scale moves (a service's `serviceTime` event). */
function serviceTimePatch(cfg: NodeConfig, ms: number): Record<string, unknown> {
  if (cfg.type !== 'service') return {};
  const t = cfg.serviceTime;
  switch (t.dist) {
    case 'constant':
      return { serviceTime: { dist: 'constant', ms } };
    case 'exponential':
      return { serviceTime: { dist: 'exponential', meanMs: ms } };
    case 'lognormal':
      return { serviceTime: { ...t, meanMs: ms } };
    case 'uniform':
      return { serviceTime: { dist: 'uniform', minMs: ms / 2, maxMs: (ms * 3) / 2 } };
    default: {
      const mean = moments(t).mean;
      return { serviceTime: mean > 0 ? scaleTime(t, ms / mean) : t };
    }
  }
}

/** What a scripted event can change on a node: the numbers its part names (`events`). */
function optionsFor(cfg: NodeConfig): Record<string, ParamOption> {
  const events = PART[cfg.type].events ?? {};
  return Object.fromEntries(
    Object.entries(events).map(([param, words]) => [param, { ...words, patch: param === 'serviceTime' ? serviceTimePatch : (_c: NodeConfig, v: number) => ({ [param]: v }) }]),
  );
}

const FAIL = 'fail';
const selectEvents = (s: ScenarioState) => s.meta.events;

/**
 * The scripted timeline of the selected node: "At t = [30] s set [rate] to [400]" or "fail for
 * [10] s", listed and removable. Adding or removing one restarts the run (it is part of the design).
 */
export function EventsEditor({ cfg }: { cfg: NodeConfig }) {
  const all = useScenario(selectEvents);
  const options = optionsFor(cfg);
  const keys = [...Object.keys(options), ...(cfg.type === 'producer' ? [] : [FAIL])];
  const [at, setAt] = useState('');
  const [what, setWhat] = useState(keys[0] ?? FAIL);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const mine = (all ?? []).map((e, index) => ({ e, index })).filter(({ e }) => e.node === cfg.id);
  if (keys.length === 0) return null;

  const add = () => {
    const atS = Number(at);
    const v = Number(value);
    if (at.trim() === '' || !Number.isFinite(atS) || atS < 0) return setError('At: expected a time in seconds ≥ 0, e.g. 30');
    if (value.trim() === '' || !Number.isFinite(v)) return setError(`${what === FAIL ? 'For' : 'To'}: expected a number`);
    const atMs = Math.round(atS * 1000);
    let events: ScriptedEvent[];
    if (what === FAIL) {
      if (v <= 0) return setError('For: expected a number of seconds > 0');
      events = [
        { atMs, node: cfg.id, down: true },
        { atMs: atMs + Math.round(v * 1000), node: cfg.id, down: false },
      ];
    } else {
      events = [{ atMs, node: cfg.id, set: options[what]!.patch(cfg, v) }];
    }
    const issues = scenarioStore.getState().addEvents(events);
    if (issues) return setError(issues.map((i) => `${i.path.replace(/^events\[\d+\]\.?/, '') || 'event'}: ${i.message}`).join('; '));
    setError(null);
    setAt('');
    setValue('');
  };

  return (
    <section className="bp-events" aria-label="Scripted events">
      <h3 className="bp-events__title">Scripted events</h3>
      <RemovableList items={mine.map(({ e, index }) => ({ item: e, index }))} what="event" describe={describeEvent} remove={(i) => scenarioStore.getState().removeEvent(i)} />
      <form
        className="bp-events__form"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label htmlFor={`${id}-at`}>At t =</label>
        <input id={`${id}-at`} className="bp-events__num" type="text" inputMode="decimal" value={at} onChange={(e) => setAt(e.target.value)} placeholder="30" />
        <span>s</span>
        <label htmlFor={`${id}-what`} className="bp-visually-hidden">
          Change
        </label>
        <select id={`${id}-what`} value={what} onChange={(e) => setWhat(e.target.value)}>
          {keys.map((k) => (
            <option key={k} value={k}>
              {k === FAIL ? 'fail for' : `set ${options[k]!.label} to`}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-value`} className="bp-visually-hidden">
          {what === FAIL ? 'For how long' : 'New value'}
        </label>
        <input id={`${id}-value`} className="bp-events__num" type="text" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
        <span>{what === FAIL ? 's' : options[what]?.unit}</span>
        <button type="submit" className="bp-btn bp-btn--small">
          Add event
        </button>
      </form>
      {error && (
        <p className="bp-field__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
