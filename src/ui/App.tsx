import { lazy, Suspense } from 'react';
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
import { UpdateNotice } from './offline/UpdateNotice';
import { usePresent } from './present/presentStore';
import { useScenario } from './store/appStore';
import './styles/base.css';
import './styles/layout.css';
// Present mode's layout: in the first stylesheet (it costs no script), so the charts read their
// present-mode type the moment the mode switches.
import './present/present.css';

// The projector layout and the shortcuts list load on first use (the initial bundle has a budget).
const PresentLayer = lazy(() => import('./present/PresentLayer'));
const ShortcutsHelp = lazy(() => import('./present/ShortcutsHelp'));

/** Run controls on top; palette down the left (the full height: every part in view at 720 px); canvas centre, inspector right, charts below. */
export function App() {
  const present = usePresent((s) => s.present);
  const help = usePresent((s) => s.help);
  const lesson = useScenario((s) => s.meta.lesson !== undefined);
  return (
    <ReactFlowProvider>
      <div className={present ? 'bp-app bp-app--present' : 'bp-app'} data-lesson={lesson || undefined}>
        <Suspense>
          {present && <PresentLayer />}
          {help && <ShortcutsHelp />}
        </Suspense>
        <ErrorBoundary area="The toolbar" gridArea="toolbar">
          <Toolbar />
        </ErrorBoundary>
        <WorkerAlert />
        <ShareNotices />
        <UpdateNotice />
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
