/**
 * Judges the open lesson's run from the worker's report (the same report the CLI prints): about
 * once a second while it plays, and once more when it stops. The verdict changes at most once a
 * second, so it may live in a store; the frames themselves never go through React state.
 */
import { useEffect } from 'react';
import { evaluateCheck, type CheckClause } from '../../engine/index';
import { frameStore } from '../frames/frameStore';
import { sim } from '../simClient';
import { lessonStore } from './lessonStore';

const EVERY_MS = 1000;

export function useLessonVerdict(check: readonly CheckClause[] | null, durationMs: number): void {
  useEffect(() => {
    lessonStore.getState().setVerdict(null);
    if (!check) return;
    let epoch = frameStore.get().epoch;
    let lastAsk = 0;
    let askedAtSim = -1;
    let asking = false;
    let again = false;
    let alive = true;
    const ask = (): void => {
      if (asking) {
        again = true; // the answer on its way may be older than the run's end
        return;
      }
      asking = true;
      lastAsk = performance.now();
      askedAtSim = frameStore.get().status.simMs;
      const askedEpoch = epoch;
      void sim.report().then((r) => {
        asking = false;
        if (again && alive) {
          again = false;
          ask();
        }
        if (!alive || !r || askedEpoch !== frameStore.get().epoch) return;
        lessonStore.getState().setVerdict({ check: evaluateCheck(check, r), atMs: r.simulatedMs, final: r.simulatedMs >= durationMs });
      });
    };
    const off = frameStore.subscribe((s) => {
      if (s.epoch !== epoch) {
        epoch = s.epoch; // a restart: the old verdict is about another run
        askedAtSim = -1;
        lastAsk = 0;
        lessonStore.getState().setVerdict(null);
      }
      // While playing: about once a second. Paused, stopped or stepped: once for where it stands.
      if (s.status.playing ? performance.now() - lastAsk >= EVERY_MS : s.status.simMs > 0 && s.status.simMs !== askedAtSim) ask();
    });
    return () => {
      alive = false;
      off();
    };
  }, [check, durationMs]);
}
