/**
 * Compare mode: a copy of the design kept as "A" while the person changes the live design ("B").
 * The worker runs both on the same seed (workerSync.ts); the charts draw A faded under B.
 */
import { createStore } from 'zustand/vanilla';
import type { Scenario } from '../../engine/index';

export interface CompareState {
  /** The kept copy, or null when not comparing. */
  baseline: Scenario | null;
  /** Start comparing the live design with a copy of it as it is now. */
  keep(copy: Scenario): void;
  stop(): void;
}

export const compareStore = createStore<CompareState>()((set) => ({
  baseline: null,
  keep: (copy) => set({ baseline: copy }),
  stop: () => set({ baseline: null }),
}));
