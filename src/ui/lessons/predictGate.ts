/**
 * Play waits for a lesson's predictions: set to the open lesson while its questions are unanswered
 * (neither locked in nor skipped), null otherwise. Kept apart from the prediction card, which is
 * loaded lazily, so Play is held from the moment the lesson opens.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Lesson } from '../../engine/index';

export const PREDICT_FIRST = 'Lock in a prediction (or Skip) first';

export const predictGate = createStore<{ waiting: Lesson | null; asked: Lesson | null }>()(() => ({ waiting: null, asked: null }));

/**
 * The lesson on the canvas (null: none). A lesson that comes onto it (menu, link, reload) holds
 * Play until its predictions are answered; the same lesson again (a remount, a second panel) does not.
 */
export function askPredictions(lesson: Lesson | null): void {
  if (predictGate.getState().asked === lesson) return;
  predictGate.setState({ asked: lesson, waiting: lesson?.predictions ? lesson : null });
}

/** Why Play is held, or null. */
export const usePredictGate = (): string | null => useStore(predictGate, (s) => (s.waiting ? PREDICT_FIRST : null));
