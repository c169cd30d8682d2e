/**
 * The embed view's start (main.tsx loads it for `?embed=1`): the design comes from the link
 * alone, and nothing is read from or written to the browser's storage. An embed sits in someone
 * else's page, where storage may be refused or partitioned, and it must not touch a design the
 * visitor keeps in the full app.
 */
import { StrictMode, type ComponentType } from 'react';
import type { Root } from 'react-dom/client';
import { ErrorBoundary } from '../ErrorBoundary';
import { scenarioStore } from '../store/appStore';
import { startWorkerSync } from '../sync/workerSync';
import type { decodeScenario, payloadOf } from '../share/linkCodec';
import type { ShareStore } from '../share/shareStore';
import { EmbedApp } from './EmbedApp';

/**
 * What the embed takes from the share modules, handed over by start.tsx rather than imported here:
 * a static import from this chunk makes the bundler move those modules out of the initial bundle
 * into a chunk of their own, which costs every first visit of the full app most of a kilobyte.
 */
export interface ShareParts {
  payloadOf: typeof payloadOf;
  decodeScenario: typeof decodeScenario;
  shareStore: ShareStore;
  ShareNotices: ComponentType;
}

let loads = 0;

/** The link's design onto the canvas; a bad link is refused with its problems, the example stays. */
async function openLinkedDesign({ payloadOf, decodeScenario, shareStore }: ShareParts): Promise<void> {
  const payload = payloadOf(window.location.hash);
  if (payload === null) return;
  const load = ++loads;
  const parsed = await decodeScenario(payload);
  if (load !== loads) return;
  if (parsed.ok) {
    scenarioStore.getState().loadScenario(parsed.value);
    shareStore.getState().dismissRefusal();
  } else shareStore.getState().refuse('This embedded design cannot be opened', parsed.issues, 'The example design is shown instead.');
}

export function bootEmbed(root: Root, share: ShareParts): void {
  void openLinkedDesign(share).finally(() => startWorkerSync(scenarioStore));
  // The page around it may point the frame at another design.
  window.addEventListener('hashchange', () => void openLinkedDesign(share));
  root.render(
    <StrictMode>
      <ErrorBoundary area="The embedded playground">
        <EmbedApp Notices={share.ShareNotices} />
      </ErrorBoundary>
    </StrictMode>,
  );
}
