import { useEffect, useMemo, useRef } from 'react';
import { toScenario } from '../../store/graph';
import { useScenario } from '../../store/appStore';
import type { ScenarioState } from '../../store/scenarioStore';
import { sim } from '../../simClient';
import { setText } from '../../liveDom';
import { predict, recognize, type Prediction, type Recognized } from '../../theory/textbook';

/** The recognized model (or why there is none) as a string: equal while the design's shape is. */
const selectModel = (queueId: string) => (s: ScenarioState): string => JSON.stringify(recognize(toScenario(s.meta, s.nodes, s.edges), queueId));

const pct = (v: number) => `${(v * 100).toFixed(v < 0.1 ? 2 : 1)}%`;
const msText = (v: number) => (!Number.isFinite(v) ? '∞ (infinite variance)' : v < 10 ? `${v.toFixed(2)} ms` : `${Math.round(v).toLocaleString('en')} ms`);
const num = (v: number) => (!Number.isFinite(v) ? '∞' : v < 10 ? v.toFixed(2) : Math.round(v).toLocaleString('en'));

interface Row {
  key: keyof Prediction;
  label: string;
  format: (v: number) => string;
}

const ROWS: Row[] = [
  { key: 'refused', label: 'Refused', format: pct },
  { key: 'waitMs', label: 'Mean wait', format: msText },
  { key: 'depth', label: 'Mean depth', format: num },
  { key: 'utilization', label: 'Busy', format: pct },
];

/** Polls the run's report for what the run measured so far, once a second (not per frame). */
function useMeasured(queueId: string, serviceId: string, cells: Record<string, HTMLElement | null>, clock: { current: HTMLElement | null }): void {
  useEffect(() => {
    let live = true;
    const read = async () => {
      const r = await sim.report().catch(() => null);
      if (!live || !r) return;
      const q = r.nodes[queueId], s = r.nodes[serviceId];
      if (!q || !s) return;
      const arrived = Number(q.arrived);
      const measured: Prediction = {
        refused: arrived > 0 ? Number(q.rejected) / arrived : NaN,
        waitMs: Number(q.meanWaitMs),
        depth: Number(q.meanDepth),
        utilization: Number(s.utilization),
      };
      for (const row of ROWS) {
        const v = measured[row.key];
        setText(cells[row.key] ?? null, Number.isFinite(v) && r.simulatedMs > 0 ? row.format(v) : '–');
      }
      setText(clock.current, `${Math.round(r.simulatedMs / 1000).toLocaleString('en')} s`);
    };
    void read();
    const timer = setInterval(() => void read(), 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [queueId, serviceId, cells, clock]);
}

function Table({ queueId, serviceId, p, name }: { queueId: string; serviceId: string; p: Prediction; name: string }) {
  const cells = useRef<Record<string, HTMLElement | null>>({}).current;
  const clock = useRef<HTMLElement | null>(null);
  useMeasured(queueId, serviceId, cells, clock);
  return (
    <div className="bp-derived bp-theory" role="group" aria-label="Textbook prediction">
      <p className="bp-theory__title">
        Textbook: <strong>{name}</strong> queue
      </p>
      <table className="bp-theory__table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">theory</th>
            <th scope="col">
              run so far (<span ref={(el) => void (clock.current = el)}>0 s</span>)
            </th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{row.format(p[row.key])}</td>
              <td
                ref={(el) => {
                  cells[row.key] = el;
                }}
              >
                –
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {name.startsWith('M/G') || name.startsWith('M/D') ? (
        <p className="bp-field__hint">Pollaczek-Khinchine: mean wait = λ·E[S²] / (2(1 − ρ)), from the mean and second moment of the service time.</p>
      ) : null}
      <p className="bp-field__hint">Long-run averages: the run's numbers settle towards the theory as it goes on.</p>
    </div>
  );
}

/** Next to a queue that is M/M/c or M/M/c/N, what queueing theory predicts and what the run measured. */
export function TheoryBox({ queueId }: { queueId: string }) {
  const key = useScenario(useMemo(() => selectModel(queueId), [queueId]));
  const rec = JSON.parse(key) as Recognized;
  const serviceId = useScenario((s) => s.edges.find((e) => e.source === queueId)?.target ?? '');
  if (!rec.ok) return null;
  const r = predict(rec.model);
  if (!r.stable) {
    return (
      <p className="bp-derived bp-derived--warn" role="group" aria-label="Textbook prediction">
        Textbook <strong>{rec.model.name}</strong>: arrivals exceed what the workers can finish by <strong>{num(r.growthPerSec)} items/s</strong>, so an
        unbounded queue grows without limit (until memory runs out).
      </p>
    );
  }
  return <Table queueId={queueId} serviceId={serviceId} p={r.p} name={rec.model.name} />;
}
