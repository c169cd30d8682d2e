import { useCallback, useEffect, useState } from 'react';
import { selectSelectedId, type ScenarioState } from '../store/scenarioStore';
import { useScenario } from '../store/appStore';
import { ChartSurface } from './chartSurface';
import { chartsFor } from './metrics';
import { TimeChart } from './TimeChart';
import './charts.css';

const WINDOWS = [10, 30, 60, 300];

const selectSelected = (s: ScenarioState) => {
  const id = selectSelectedId(s);
  return id ? (s.nodes.find((n) => n.id === id)?.type ?? null) : null;
};

/** Live charts for the selected node or the whole system, over a scrolling window of simulated time. */
export function ChartsPanel() {
  const selectedId = useScenario(selectSelectedId);
  const selectedKind = useScenario(selectSelected);
  const [pinSystem, setPinSystem] = useState(false);
  const [windowS, setWindowS] = useState(30);
  // One canvas for every chart (chartSurface.ts), made once with the panel; the charts and the
  // canvas detach themselves when they go.
  const [surface] = useState(() => new ChartSurface());
  const attachCanvas = useCallback((el: HTMLCanvasElement | null) => surface.attach(el), [surface]);

  // Selecting a node shows that node; the person can switch back to the system.
  useEffect(() => setPinSystem(false), [selectedId]);

  const showNode = selectedId !== null && !pinSystem;
  const specs = chartsFor(showNode ? selectedKind : null);

  return (
    <section className="bp-charts" aria-label="Charts">
      <div className="bp-charts__bar">
        <h2 className="bp-panel-title">Charts</h2>
        <div className="bp-seg" role="group" aria-label="Charts show">
          <button type="button" aria-pressed={!showNode} onClick={() => setPinSystem(true)}>
            Whole system
          </button>
          <button type="button" aria-pressed={showNode} disabled={selectedId === null} onClick={() => setPinSystem(false)}>
            {selectedId ? `Node “${selectedId}”` : 'Selected node'}
          </button>
        </div>
        <div className="bp-charts__window">
          <label htmlFor="chart-window">Window</label>
          <select id="chart-window" value={windowS} onChange={(e) => setWindowS(Number(e.target.value))}>
            {WINDOWS.map((s) => (
              <option key={s} value={s}>
                {s < 60 ? `${s} s` : `${s / 60} min`}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="bp-charts__grid">
        <canvas className="bp-charts__canvas" ref={attachCanvas} aria-hidden="true" />
        {specs.map((spec) => (
          <TimeChart key={spec.key} spec={spec} nodeId={showNode ? selectedId : null} windowS={windowS} surface={surface} />
        ))}
      </div>
    </section>
  );
}
