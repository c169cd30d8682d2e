/**
 * Present mode (the projector layout) and the shortcuts overlay: two flags and the charts the
 * teacher picked. Kept tiny: it is in the initial bundle, the layout itself loads on first use.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/** At most this many charts show in present mode. */
export const MAX_PRESENT_CHARTS = 3;

export interface PresentState {
  present: boolean;
  /** The `?` overlay listing every shortcut. */
  help: boolean;
  /** The chart keys picked for present mode (null: the first ones of the view). */
  charts: string[] | null;
  setPresent(on: boolean): void;
  setHelp(on: boolean): void;
  /** Shows or hides one chart in present mode, keeping 1 to MAX_PRESENT_CHARTS. */
  toggleChart(key: string, shown: string[]): void;
}

export const presentStore = createStore<PresentState>()((set) => ({
  present: false,
  help: false,
  charts: null,
  setPresent(present) {
    set({ present });
  },
  setHelp(help) {
    set({ help });
  },
  toggleChart(key, shown) {
    const next = shown.includes(key) ? shown.filter((k) => k !== key) : [...shown, key];
    if (next.length < 1 || next.length > MAX_PRESENT_CHARTS) return;
    set({ charts: next });
  },
}));

export function usePresent<T>(selector: (s: PresentState) => T): T {
  return useStore(presentStore, selector);
}
