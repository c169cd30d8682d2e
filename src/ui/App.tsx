import { ReactFlowProvider } from '@xyflow/react';
import { FlowCanvas } from './canvas/FlowCanvas';
import { ChartsPanel } from './charts/ChartsPanel';
import { ErrorBoundary } from './ErrorBoundary';
import { Inspector } from './panels/inspector/Inspector';
import { Palette } from './panels/Palette';
import { Toolbar } from './panels/Toolbar';
import { WorkerAlert } from './WorkerAlert';
import { WorkshopSlot } from './workshop/WorkshopSlot';
import { ShareNotices } from './share/ShareNotices';
import './styles/base.css';
import './styles/layout.css';

/** Run controls on top; palette down the left (the full height: every part in view at 720 px); canvas centre, inspector right, charts below. */
export function App() {
  return (
    <ReactFlowProvider>
      <div className="bp-app">
        <ErrorBoundary area="The toolbar" gridArea="toolbar">
          <Toolbar />
        </ErrorBoundary>
        <WorkerAlert />
        <ShareNotices />
        <ErrorBoundary area="The palette" gridArea="palette">
          <Palette />
        </ErrorBoundary>
        <main className="bp-main">
          <ErrorBoundary area="The canvas">
            <FlowCanvas />
          </ErrorBoundary>
          <WorkshopSlot />
        </main>
        <ErrorBoundary area="The inspector" gridArea="inspector">
          <Inspector />
        </ErrorBoundary>
        <ErrorBoundary area="The charts" gridArea="charts">
          <ChartsPanel />
        </ErrorBoundary>
      </div>
    </ReactFlowProvider>
  );
}
