import { useCallback, useMemo, useState, type ComponentType } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { FlowCanvas } from '../canvas/FlowCanvas';
import { ChartSurface } from '../charts/chartSurface';
import { chartsFor, shapeKey } from '../charts/metrics';
import { TimeChart } from '../charts/TimeChart';
import { ErrorBoundary } from '../ErrorBoundary';
import { SimClock } from '../panels/SimClock';
import { sim } from '../simClient';
import { useScenario } from '../store/appStore';
import { useRun } from '../store/runStore';
import type { ScenarioState } from '../store/scenarioStore';
import { useView } from '../store/viewStore';
import { WorkerAlert } from '../WorkerAlert';
import { fullAppUrl } from './embedLink';
import '../styles/base.css';
import '../panels/toolbar.css';
import '../charts/charts.css';
import './embed.css';

/** Whether the page lets this frame use storage at all (reading the property throws where it is blocked). */
function storageRefused(): boolean {
  try {
    return !window.localStorage;
  } catch {
    return true;
  }
}

/** The whole system's flow (in against out) and its latency: what backpressure is about. */
const CHARTS = ['flow', 'latency'];
const SPECS = chartsFor('system', { nodes: [] }).filter((c) => CHARTS.includes(c.key));

const selectName = (s: ScenarioState) => s.meta.name;
const selectShape = (s: ScenarioState) => shapeKey(s.nodes, new Set());

/**
 * The embed view: the canvas, two charts and Play/Reset, for an 800x450 frame in another site's
 * page. No palette, inspector, lessons or share controls; a link opens the full app in a new tab.
 * `Notices`: the share notices (a refused link), handed over as boot.tsx explains.
 */
export function EmbedApp({ Notices }: { Notices: ComponentType }) {
  // Asked once: where the page refuses storage the embed says so, quietly, and runs on (it keeps nothing anyway).
  const [refused] = useState(storageRefused);
  const name = useScenario(selectName);
  return (
    <ReactFlowProvider>
      <div className="bp-embed">
        <header className="bp-embed__bar">
          <RunButtons />
          <SimClock />
          <span className="bp-embed__name" title={name}>
            {name}
          </span>
          <a className="bp-embed__open" href={fullAppUrl(window.location.href)} target="_blank" rel="noopener noreferrer">
            Open in the playground <span aria-hidden="true">↗</span>
          </a>
        </header>
        <WorkerAlert />
        <Notices />
        <main className="bp-embed__canvas">
          {refused && (
            <p className="bp-embed__note" role="status">
              This page refuses storage to the frame: nothing is kept, and nothing needs to be (the link holds the design).
            </p>
          )}
          <ErrorBoundary area="The canvas">
            <FlowCanvas />
          </ErrorBoundary>
        </main>
        <ErrorBoundary area="The charts">
          <EmbedCharts />
        </ErrorBoundary>
      </div>
    </ReactFlowProvider>
  );
}

function RunButtons() {
  const playing = useRun((s) => s.playing);
  const halted = useRun((s) => s.halted);
  const ready = useRun((s) => s.worker === 'ready');
  return (
    <div className="bp-embed__run" role="group" aria-label="Run">
      <button type="button" className="bp-btn bp-btn--primary bp-play" onClick={() => void (playing ? sim.pause() : sim.play())} disabled={!ready || (!playing && halted !== null)}>
        <span aria-hidden="true" className="bp-play__icon">
          {playing ? '❚❚' : '▶'}
        </span>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" className="bp-btn" onClick={() => void sim.reset()} disabled={!ready} title="Back to 0 s">
        Reset
      </button>
    </div>
  );
}

function EmbedCharts() {
  const shape = useScenario(selectShape);
  const windowS = useView((s) => s.chartWindowS);
  const [surface] = useState(() => new ChartSurface());
  const attach = useCallback((el: HTMLCanvasElement | null) => surface.attach(el), [surface]);
  const specs = useMemo(() => SPECS, []);
  return (
    <section className="bp-charts bp-embed__charts" aria-label="Charts">
      <div className="bp-charts__grid">
        <canvas className="bp-charts__canvas" ref={attach} aria-hidden="true" />
        {specs.map((spec) => (
          <TimeChart key={spec.key} spec={spec} kind="system" shape={shape} nodeId={null} windowS={windowS} surface={surface} />
        ))}
      </div>
    </section>
  );
}
