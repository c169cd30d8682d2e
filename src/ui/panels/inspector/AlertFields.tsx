/**
 * The alert rules watching the selected node: listed with their state in the last run's words,
 * removable, and "Alert when [depth grows faster than] [20] [items/s]" adds one. Rules are part of
 * the design (scenario `alerts`): adding or removing one restarts the run.
 */
import { useId, useState } from 'react';
import type { NodeConfig } from '../../../engine/index';
import { scenarioStore, useScenario } from '../../store/appStore';
import type { AlertRule } from '../../store/alerts';
import type { ScenarioState } from '../../store/scenarioStore';
import '../../lessons/lessons.css';
import { RemovableList } from './RemovableList';

type Metric = AlertRule['metric'];
const METRIC: Record<Exclude<Metric, 'p99'>, { label: string; unit: string }> = {
  depth: { label: 'holds more than', unit: 'items' },
  'depth-growth': { label: 'grows faster than', unit: 'items/s' },
  'error-rate': { label: 'loses more than', unit: '% of arrivals' },
  utilization: { label: 'is busier than', unit: '%' },
  'lag-seconds': { label: 'is behind by more than', unit: 's' },
  memory: { label: 'uses more memory than', unit: '% of its limit' },
};

/** Where each metric is measured (alertMetricError in the engine says the same to a file). */
const ON: Partial<Record<Exclude<Metric, 'p99'>, readonly string[]>> = {
  utilization: ['service'],
  'lag-seconds': ['topic', 'consumer-group'],
  memory: ['queue', 'service'],
};

export function describeAlert(a: AlertRule): string {
  const m = a.metric === 'p99' ? { label: 'p99 above', unit: 'ms' } : METRIC[a.metric];
  const held = a.forMs > 0 ? ` for ${a.forMs / 1000} s` : '';
  return `${a.name ? `${a.name}: ` : ''}${m.label} ${a.threshold} ${m.unit}${held}`;
}

const selectAlerts = (s: ScenarioState) => s.meta.alerts;

export function AlertFields({ cfg }: { cfg: NodeConfig }) {
  const all = useScenario(selectAlerts);
  const metrics = (Object.keys(METRIC) as Exclude<Metric, 'p99'>[]).filter((m) => ON[m]?.includes(cfg.type) ?? true);
  const [metric, setMetric] = useState<Exclude<Metric, 'p99'>>(cfg.type === 'queue' ? 'depth-growth' : metrics[0]!);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const mine = (all ?? []).map((a, index) => ({ a, index })).filter(({ a }) => a.node === cfg.id);

  const add = () => {
    const v = Number(value);
    if (value.trim() === '' || !Number.isFinite(v)) return setError('Threshold: expected a number');
    const issues = scenarioStore.getState().addAlert({ node: cfg.id, metric, threshold: v });
    if (issues) return setError(issues.map((i) => `${i.path.replace(/^alerts\[\d+\]\.?/, '') || 'alert'}: ${i.message}`).join('; '));
    setError(null);
    setValue('');
  };

  return (
    <section className="bp-events" aria-label="Alerts">
      <h3 className="bp-events__title">Alerts</h3>
      <RemovableList items={mine.map(({ a, index }) => ({ item: a, index }))} what="alert" describe={describeAlert} remove={(i) => scenarioStore.getState().removeAlert(i)} />
      <form
        className="bp-events__form"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label htmlFor={`${id}-metric`}>Alert when it</label>
        <select id={`${id}-metric`} value={metric} onChange={(e) => setMetric(e.target.value as Exclude<Metric, 'p99'>)}>
          {metrics.map((m) => (
            <option key={m} value={m}>
              {METRIC[m].label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-value`} className="bp-visually-hidden">
          Alert threshold
        </label>
        <input id={`${id}-value`} className="bp-events__num" type="text" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} placeholder="20" />
        <span>{METRIC[metric].unit}</span>
        <button type="submit" className="bp-btn bp-btn--small">
          Add alert
        </button>
      </form>
      {error && (
        <p className="bp-field__error" role="alert">
          {error}
        </p>
      )}
      <p className="bp-field__hint">Fires on the charts (ALERT) once the rule holds at a second’s evaluation, resolves when it does not. Growth warns before depth does.</p>
    </section>
  );
}
