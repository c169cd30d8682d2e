import { useCallback, useEffect, useMemo, useState } from 'react';
import { edgeKind } from '../store/graph';
import { useStore } from 'zustand';
import { scenarioOf, selectSelectedId, type ScenarioState } from '../store/scenarioStore';
import { scenarioStore, useScenario } from '../store/appStore';
import { compareStore } from '../store/compareStore';
import { ChartSurface } from './chartSurface';
import { chartsFor, hasCalls, parseShape, shapeKey } from './metrics';
import { TimeChart, withExport } from './TimeChart';
import { CHART_WINDOWS_S } from '../../engine/core';
import { useView, viewStore } from '../store/viewStore';
import { SweepButton } from '../sweep/SweepButton';
import { usePresent } from '../present/presentStore';
import { PresentChartPicker } from '../present/PresentChartPicker';
import './charts.css';

const selectSelected = (s: ScenarioState) => {
  const id = selectSelectedId(s);
  return id ? (s.nodes.find((n) => n.id === id)?.type ?? null) : null;
};

/** The design as the charts need it, as one string (shapeKey). */
const selectShape = (s: ScenarioState): string => shapeKey(s.nodes, new Set(s.edges.filter((e) => edgeKind(e) === 'call').map((e) => e.source)));

type View = 'system' | 'calls' | 'node';

/** Live charts for the selected node or the whole system, over a scrolling window of simulated time. */
export function ChartsPanel() {
  const selectedId = useScenario(selectSelectedId);
  const selectedKind = useScenario(selectSelected);
  const shape = useScenario(selectShape);
  const design = useMemo(() => parseShape(shape), [shape]);
  const callsToShow = hasCalls(design);
  // What the person chose last among the whole-system views; selecting a node shows that node.
  const [systemView, setSystemView] = useState<'system' | 'calls'>('system');
  const [pinSystem, setPinSystem] = useState(false);
  const windowS = useView((s) => s.chartWindowS);
  // One canvas for every chart (chartSurface.ts), made once with the panel; the charts and the
  // canvas detach themselves when they go.
  const [surface] = useState(() => new ChartSurface());
  const attachCanvas = useCallback((el: HTMLCanvasElement | null) => surface.attach(el), [surface]);

  // Selecting a node shows that node; the person can switch back to the system.
  useEffect(() => setPinSystem(false), [selectedId]);

  const showNode = selectedId !== null && !pinSystem && selectedKind !== null;
  const view: View = showNode ? 'node' : systemView === 'calls' && callsToShow ? 'calls' : 'system';
  const kind = view === 'node' ? selectedKind! : view;
  const allSpecs = useMemo(() => chartsFor(kind, design), [kind, design]);
  // Present mode: the charts the teacher picked that this view has (else its first ones), at most three.
  const present = usePresent((s) => s.present);
  const picked = usePresent((s) => s.charts);
  const presentKeys = useMemo(() => {
    const keys = allSpecs.map((c) => c.key);
    const mine = picked?.filter((k) => keys.includes(k)) ?? [];
    return mine.length > 0 ? mine : keys.slice(0, Math.min(2, keys.length));
  }, [allSpecs, picked]);
  const specs = present ? allSpecs.filter((c) => presentKeys.includes(c.key)) : allSpecs;
  const pick = (v: 'system' | 'calls') => {
    setSystemView(v);
    setPinSystem(true);
  };

  return (
    <section className="bp-charts" aria-label="Charts">
      <div className="bp-charts__bar">
        <h2 className="bp-panel-title">Charts</h2>
        <div className="bp-seg" role="group" aria-label="Charts show">
          <button type="button" aria-pressed={view === 'system'} onClick={() => pick('system')}>
            {present ? 'System' : 'Whole system'}
          </button>
          {callsToShow && (
            <button type="button" aria-pressed={view === 'calls'} onClick={() => pick('calls')} title="Goodput, retries, wasted work and breaker states of the calls in this design">
              {present ? 'Calls' : 'Calls & retries'}
            </button>
          )}
          <button type="button" aria-pressed={view === 'node'} disabled={selectedId === null} onClick={() => setPinSystem(false)}>
            {present ? (selectedId ?? 'Node') : selectedId ? `Node “${selectedId}”` : 'Selected node'}
          </button>
        </div>
        {present ? (
          <PresentChartPicker charts={allSpecs} shown={presentKeys} />
        ) : (
          <>
            <CompareControls />
            <SweepButton />
            <button
              type="button"
              className="bp-btn"
              title="The run so far, as the CLI's --json"
              onClick={() => withExport((m) => m.exportReport())}
            >
              Report JSON
            </button>
          </>
        )}
        <div className="bp-charts__window">
          <label htmlFor="chart-window">Window</label>
          <select id="chart-window" value={windowS} onChange={(e) => viewStore.getState().setChartWindow(Number(e.target.value))}>
            {CHART_WINDOWS_S.map((s) => (
              <option key={s} value={s}>
                {s < 60 || s % 60 !== 0 ? `${s} s` : `${s / 60} min`}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="bp-charts__grid" data-count={specs.length}>
        <canvas className="bp-charts__canvas" ref={attachCanvas} aria-hidden="true" />
        {specs.map((spec) => (
          <TimeChart key={present ? `${spec.key}:present` : spec.key} spec={spec} kind={kind} shape={shape} nodeId={showNode ? selectedId : null} windowS={windowS} surface={surface} />
        ))}
      </div>
    </section>
  );
}

/**
 * Compare mode: keep a copy of the design as A, change the design (B), and see both runs on the
 * same traffic, A faded under B on every chart.
 */
function CompareControls() {
  const comparing = useStore(compareStore, (c) => c.baseline !== null);
  if (!comparing) {
    return (
      <button
        type="button"
        className="bp-btn bp-charts__compare-btn"
        title="Keep a copy of this design as A, then change the design (B): both run from 0 s on the same traffic, A drawn faded under B"
        onClick={() => compareStore.getState().keep(scenarioOf(scenarioStore.getState()))}
      >
        Compare
      </button>
    );
  }
  return (
    <div className="bp-charts__compare" role="group" aria-label="Comparing">
      <span className="bp-charts__compare-key">B: the design now</span>
      <span className="bp-charts__compare-key" data-kept>
        A: the kept copy
      </span>
      <button type="button" className="bp-btn" onClick={() => compareStore.getState().stop()}>
        Stop comparing
      </button>
    </div>
  );
}
