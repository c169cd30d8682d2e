/**
 * Messages for the person at the keyboard: an alert (an edit was refused, and why) and a passing
 * notice (the run restarted). Each has an id so the same text twice still shows again.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface Notice {
  id: number;
  text: string;
}

export interface NoticeState {
  alert: Notice | null;
  info: Notice | null;
  showAlert(text: string): void;
  showInfo(text: string): void;
  dismissAlert(): void;
  dismissInfo(): void;
}

let nextId = 1;

export const noticeStore = createStore<NoticeState>()((set) => ({
  alert: null,
  info: null,
  showAlert(text) {
    set({ alert: { id: nextId++, text } });
  },
  showInfo(text) {
    set({ info: { id: nextId++, text } });
  },
  dismissAlert() {
    set({ alert: null });
  },
  dismissInfo() {
    set({ info: null });
  },
}));

export function useNotices<T>(selector: (st: NoticeState) => T): T {
  return useStore(noticeStore, selector);
}
