/**
 * The Sweep panel's state: whether it is open, the sweep running or last run (its plan's axes, the
 * points as they arrive, the progress), and the kept copy's sweep when comparing. Results live here,
 * not in the design: the design keeps only the settings (scenarioStore.setSweep).
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ScenarioIssue } from '../../engine/index';
import type { PointResult, SweepAxis, SweepPlan } from '../../engine/sweep/index';
import type { SweepJob } from './sweepClient';

export type SweepStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface SweepRunState {
  axes: SweepAxis[];
  points: PointResult[];
  /** The kept copy A's points (compare mode), same plan settings and seeds. */
  baseline: PointResult[] | null;
  runs: number;
  runsDone: number;
  pointsTotal: number;
  workers: number;
  /** Wall ms (performance.now) the sweep started, and the latest estimate of what is left. */
  startedAt: number;
  leftMs: number | null;
  /** The plan the points came from (to open a point's design). */
  plan: SweepPlan;
}

export interface SweepState {
  open: boolean;
  status: SweepStatus;
  run: SweepRunState | null;
  issues: ScenarioIssue[];
  error: string | null;
  job: SweepJob | null;
  setOpen(open: boolean): void;
}

export const sweepStore = createStore<SweepState>()((set) => ({
  open: false,
  status: 'idle',
  run: null,
  issues: [],
  error: null,
  job: null,
  setOpen(open) {
    set({ open });
  },
}));

export function useSweep<T>(selector: (s: SweepState) => T): T {
  return useStore(sweepStore, selector);
}
