import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { sim } from './ui/simClient';
import { scenarioStore } from './ui/store/appStore';
import { startWorkerSync } from './ui/sync/workerSync';
import { designKeeper } from './ui/share/keeper';
import { startShortcuts } from './ui/present/shortcuts';
import { readPresentFlag } from './ui/present/presentFlag';
import { presentStore } from './ui/present/presentStore';
import { noticeStore } from './ui/store/noticeStore';

// The worker starts on the design the person will see: the saved one, or a share link's (decoded
// first: a scenario replaced while the worker is still starting up could be overtaken by its first load).
void designKeeper.start().finally(() => startWorkerSync(scenarioStore));

// A link may ask for present mode (`?present`); one it cannot read says so and opens normally.
const flag = readPresentFlag(window.location.search);
if (flag.ok) presentStore.getState().setPresent(flag.present);
else noticeStore.getState().showInfo(flag.message);
startShortcuts();

// A handle for checking the crash path from the console or a browser test.
(window as unknown as { backpressure: object }).backpressure = { killWorker: sim.killWorkerForTesting };

// End-to-end tests and bench:ui drive the app through these; a normal visit never loads them.
if (new URLSearchParams(window.location.search).has('testhooks')) void import('./ui/testHooks');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary area="The playground">
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
