/**
 * How the charts look at the run: their time window. A lesson sets it when it opens (its whole
 * story on screen); the person changes it from the charts panel.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { CHART_WINDOWS_S } from '../../engine/core';

export const DEFAULT_WINDOW_S = 30;

export interface ViewState {
  /** Seconds of simulated time the charts show. */
  chartWindowS: number;
  setChartWindow(s: number): void;
}

export const viewStore = createStore<ViewState>()((set) => ({
  chartWindowS: DEFAULT_WINDOW_S,
  setChartWindow(s) {
    if ((CHART_WINDOWS_S as readonly number[]).includes(s)) set({ chartWindowS: s });
  },
}));

export function useView<T>(selector: (st: ViewState) => T): T {
  return useStore(viewStore, selector);
}
