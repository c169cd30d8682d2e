/**
 * Scores the open lesson's predictions from the worker's report (the one the CLI prints), when the
 * run stands still at or past a prediction's moment: the worker is asked to pause at the moment of
 * each locked-in prediction not yet scored (and a lesson stops at its end anyway), so the report is
 * the one of that instant. Only the run as loaded is scored: a prediction is about the lesson's
 * design, not the "Try this" variant.
 */
import { useEffect } from 'react';
import { predictionAtMs, type Lesson } from '../../../engine/index';
import { frameStore, type FrameState } from '../../frames/frameStore';
import { sim } from '../../simClient';
import { lessonStore } from '../lessonStore';
import { predictStore } from './predictStore';

export function usePredictionScores(lesson: Lesson, durationMs: number): void {
  useEffect(() => {
    const preds = lesson.predictions ?? [];
    let asking = false;
    let askedAt = -1;
    const check = (s: FrameState): void => {
      if (asking || s.status.playing || s.status.simMs === askedAt) return;
      const st = predictStore.getState();
      if (st.lesson !== lesson || lessonStore.getState().variant !== 'loaded') return;
      if (!st.entries.some((e, i) => !e.score && s.status.simMs === predictionAtMs(preds[i]!, durationMs))) return;
      asking = true;
      askedAt = s.status.simMs;
      const epoch = s.epoch;
      void sim.report().then((r) => {
        asking = false;
        if (r && frameStore.get().epoch === epoch && lessonStore.getState().variant === 'loaded') predictStore.getState().score(r, durationMs);
      });
    };
    let stops = '';
    const setStops = (): void => {
      const st = predictStore.getState();
      const want = st.lesson === lesson && lessonStore.getState().variant === 'loaded' ? st.entries.flatMap((e, i) => (e.answer && !e.score ? [predictionAtMs(preds[i]!, durationMs)] : [])).filter((ms) => ms < durationMs) : [];
      if (want.join() === stops) return;
      stops = want.join();
      void sim.setStops(want);
    };
    setStops();
    check(frameStore.get());
    const offs = [frameStore.subscribe(check), predictStore.subscribe(setStops), lessonStore.subscribe(setStops)];
    return () => {
      offs.forEach((off) => off());
      if (stops !== '') void sim.setStops([]);
    };
  }, [lesson, durationMs]);
}
