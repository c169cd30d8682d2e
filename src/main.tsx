import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { prestartWorker, sim } from './ui/simClient';
import { scenarioStore } from './ui/store/appStore';
import { startWorkerSync } from './ui/sync/workerSync';
import { designKeeper } from './ui/share/keeper';
import { validationLoaded } from './ui/validation';
import { startEmbed } from './ui/embed/start';
import { registerOffline } from './ui/offline/offline';
import { startShortcuts } from './ui/present/shortcuts';
import { readPresentFlag } from './ui/present/presentFlag';
import { presentStore } from './ui/present/presentStore';
import { noticeStore } from './ui/store/noticeStore';

const flags = new URLSearchParams(window.location.search);
const root = createRoot(document.getElementById('root')!);

// A handle for checking the crash path from the console or a browser test.
(window as unknown as { backpressure: object }).backpressure = { killWorker: sim.killWorkerForTesting };

// End-to-end tests and bench:ui drive the app through these; a normal visit never loads them.
if (flags.has('testhooks')) void import('./ui/testHooks');

const loadFailed = (e: unknown) => `Part of the app did not load (${e instanceof Error ? e.message : String(e)}). Reload the page to use it.`;

// An embed (`?embed=1`, docs/sharing.md): its own layout, its design from the link alone, no storage; loaded only there.
if (flags.get('embed') === '1') {
  validationLoaded.then(
    () => startEmbed(root),
    (e: unknown) => root.render(<p role="alert">{loadFailed(e)}</p>),
  );
} else {
  // A link may ask for present mode (`?present`); one it cannot read says so and opens normally.
  const flag = readPresentFlag(window.location.search);
  if (flag.ok) presentStore.getState().setPresent(flag.present);
  else noticeStore.getState().showInfo(flag.message);
  startShortcuts();

  // The worker starts on the design the person will see: the saved one, or a share link's (decoded
  // first: a scenario replaced while the worker is still starting up could be overtaken by its first load).
  // Reading either takes the validation (its own chunk, requested as the page starts): with one to
  // read, the first render waits for it, so the saved design is what appears; without, the example
  // shows at once and the validation arrives meanwhile, before the worker starts and Play is enabled.
  prestartWorker();
  const opening = designKeeper.hasDesignToOpen();
  if (opening) await validationLoaded.catch(() => undefined);
  validationLoaded
    .then(
      () => designKeeper.start(),
      (e: unknown) => noticeStore.getState().showAlert(loadFailed(e)),
    )
    .finally(() => startWorkerSync(scenarioStore));
  // The embed keeps nothing in the visitor's browser (no offline copy either); the app does.
  registerOffline();
  root.render(
    <StrictMode>
      <ErrorBoundary area="The playground">
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}
