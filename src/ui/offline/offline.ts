/**
 * Works in a room with bad Wi-Fi: after one visit a service worker (vite-plugin-pwa's, Workbox's
 * precache) holds the whole build, the lessons and every lazily loaded chunk included, and the app
 * opens, runs and opens share links with no network. A newer version, once the browser finds one,
 * waits: the page says so (UpdateNotice) and reloads only when the person asks, never mid-class.
 * Registered after the page has loaded, while the browser is idle: not part of the first load.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface OfflineState {
  /** A newer version is installed and waiting. */
  updateReady: boolean;
  /** Set once registered: takes the waiting version into use and reloads the page. */
  applyUpdate: (() => void) | null;
  dismissed: boolean;
  dismiss(): void;
}

export const offlineStore = createStore<OfflineState>()((set) => ({
  updateReady: false,
  applyUpdate: null,
  dismissed: false,
  dismiss: () => set({ dismissed: true }),
}));

export const useOffline = <T,>(f: (s: OfflineState) => T): T => useStore(offlineStore, f);

/** Registers the service worker once the page is idle; not in dev (no build to cache) and not where there is no service worker. */
export function registerOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () =>
    void import('virtual:pwa-register')
      .then(({ registerSW }) => {
        const update = registerSW({
          onNeedRefresh: () => offlineStore.setState({ updateReady: true, dismissed: false }),
        });
        offlineStore.setState({ applyUpdate: () => void update(true) });
      })
      .catch(() => undefined); // no offline copy: the app works as before, online
  const whenIdle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 3000));
  if (document.readyState === 'complete') whenIdle(register, { timeout: 10_000 });
  else window.addEventListener('load', () => whenIdle(register, { timeout: 10_000 }), { once: true });
}
