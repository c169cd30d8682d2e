/**
 * The open lesson's predictions: what the person said (or that they skipped) and, once the run
 * reached each one's moment, the score. Kept per lesson object: Reset keeps them, a lesson that
 * comes onto the canvas again starts over. Changes a few times per run, so it may live in a store.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { predictionAtMs, scorePrediction, type Lesson, type PredictionAnswer, type PredictionScore, type Report } from '../../../engine/index';
import { predictGate } from '../predictGate';

export interface PredictionEntry {
  /** Null: skipped. */
  answer: PredictionAnswer | null;
  score: PredictionScore | null;
  /** Simulated time of the report it was scored on. */
  scoredAtMs: number | null;
}

export interface PredictState {
  lesson: Lesson | null;
  /** One per question answered or skipped, in order; the next question is entries.length. */
  entries: PredictionEntry[];
  /** Starts over for a lesson that is not the one the entries are for. */
  begin(lesson: Lesson): void;
  lockIn(answer: PredictionAnswer): void;
  /** Skips this question and the ones after it. */
  skipRest(): void;
  /** Scores every question whose moment the report is of (a skipped one gets the measured value only). */
  score(report: Report, durationMs: number): void;
}

const released = (lesson: Lesson | null, entries: PredictionEntry[]): void => {
  if (lesson && entries.length >= (lesson.predictions?.length ?? 0) && predictGate.getState().waiting === lesson) predictGate.setState({ waiting: null });
};

export const predictStore = createStore<PredictState>()((set, get) => ({
  lesson: null,
  entries: [],
  begin(lesson) {
    if (get().lesson !== lesson) set({ lesson, entries: [] });
  },
  lockIn(answer) {
    const { lesson, entries } = get();
    const next = [...entries, { answer, score: null, scoredAtMs: null }];
    set({ entries: next });
    released(lesson, next);
  },
  skipRest() {
    const { lesson, entries } = get();
    const n = lesson?.predictions?.length ?? 0;
    const next = [...entries, ...Array.from({ length: Math.max(0, n - entries.length) }, () => ({ answer: null, score: null, scoredAtMs: null }))];
    set({ entries: next });
    released(lesson, next);
  },
  score(report, durationMs) {
    const { lesson, entries } = get();
    const preds = lesson?.predictions ?? [];
    let changed = false;
    const next = entries.map((e, i) => {
      const p = preds[i];
      // Only on the report of its very moment (the worker pauses there for an answered one).
      if (e.score || !p || report.simulatedMs !== predictionAtMs(p, durationMs)) return e;
      changed = true;
      // A skipped question still gets its measured value and explanation.
      const score = scorePrediction(p, e.answer ?? (p.choices ? { kind: 'choice', index: -1 } : { kind: 'number', value: 0 }), report);
      return { ...e, score, scoredAtMs: report.simulatedMs };
    });
    if (changed) set({ entries: next });
  },
}));

export function usePredict<T>(selector: (st: PredictState) => T): T {
  return useStore(predictStore, selector);
}
