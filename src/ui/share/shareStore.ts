/**
 * What the share, import and autosave parts show: a refused link or file (with its problems), the
 * banner after opening a shared design, and whether the Share dialog is open. Rarely changes.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ScenarioIssue } from '../../engine/index';

export interface Refusal {
  id: number;
  /** "This share link cannot be opened", "“x.json” cannot be imported". */
  title: string;
  issues: ScenarioIssue[];
  /** What happened to the design on the canvas (always: nothing). */
  outcome: string;
}

export interface OpenedLink {
  /** The shared design's name. */
  name: string;
  /** Whether there is a design of the person's own to go back to. */
  canGoBack: boolean;
}

/** Another tab saved a different version of the design; this tab stopped saving until the person chooses. */
export interface TabConflict {
  id: number;
}

export interface ShareState {
  refusal: Refusal | null;
  opened: OpenedLink | null;
  conflict: TabConflict | null;
  dialogOpen: boolean;
  refuse(title: string, issues: ScenarioIssue[], outcome: string): void;
  dismissRefusal(): void;
  setOpened(opened: OpenedLink | null): void;
  setConflict(conflict: boolean): void;
  setDialogOpen(open: boolean): void;
}

let nextId = 1;

export function createShareStore() {
  return createStore<ShareState>()((set) => ({
    refusal: null,
    opened: null,
    conflict: null,
    dialogOpen: false,
    refuse(title, issues, outcome) {
      set({ refusal: { id: nextId++, title, issues, outcome } });
    },
    dismissRefusal() {
      set({ refusal: null });
    },
    setOpened(opened) {
      set({ opened });
    },
    setConflict(conflict) {
      set({ conflict: conflict ? { id: nextId++ } : null });
    },
    setDialogOpen(dialogOpen) {
      set({ dialogOpen });
    },
  }));
}

export type ShareStore = ReturnType<typeof createShareStore>;

export const shareStore = createShareStore();

export function useShare<T>(selector: (st: ShareState) => T): T {
  return useStore(shareStore, selector);
}
