/**
 * Run state that changes rarely enough to render from: playing, speed, lagging, halted, and whether
 * the worker is alive. Simulated time and achieved speed change every frame and stay out of here.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { RunStatus, Speed } from '../../worker/protocol';

export type WorkerHealth = 'starting' | 'ready' | 'crashed';

export interface RunState {
  playing: boolean;
  speed: Speed;
  lagging: boolean;
  halted: string | null;
  /** A lesson's run stopped at its duration. */
  ended: boolean;
  worker: WorkerHealth;
  crashReason: string | null;

  /** Takes the rarely-changing parts of a frame's status; a no-op when nothing changed. */
  syncStatus(status: RunStatus): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: Speed): void;
  setWorker(worker: WorkerHealth, reason?: string): void;
}

export const runStore = createStore<RunState>()((set, get) => ({
  playing: false,
  speed: 1,
  lagging: false,
  halted: null,
  ended: false,
  worker: 'starting',
  crashReason: null,

  syncStatus(s) {
    const st = get();
    if (st.playing !== s.playing || st.lagging !== s.lagging || st.halted !== s.halted || st.ended !== s.ended) {
      set({ playing: s.playing, lagging: s.lagging, halted: s.halted, ended: s.ended });
    }
  },
  setPlaying(playing) {
    set({ playing });
  },
  setSpeed(speed) {
    set({ speed });
  },
  setWorker(worker, reason) {
    set({ worker, crashReason: reason ?? null, ...(worker === 'crashed' ? { playing: false } : {}) });
  },
}));

export function useRun<T>(selector: (st: RunState) => T): T {
  return useStore(runStore, selector);
}
