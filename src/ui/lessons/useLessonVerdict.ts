/**
 * Judges the open lesson's run from the worker's report (the same report the CLI prints): about
 * once a second while it plays, and once more when it stops. Which clauses judge it depends on the
 * run: the lesson's `check` for the design as loaded, `tryThis.check` once "Try it" was applied.
 * A verdict reached at the lesson's end is final for that run: running on past the end does not
 * change it. The verdict changes at most once a second, so it may live in a store; the frames
 * themselves never go through React state.
 */
import { useEffect } from 'react';
import { evaluateCheck, type CheckClause, type VerdictKind } from '../../engine/core';
import { frameStore } from '../frames/frameStore';
import { sim } from '../simClient';
import { lessonStore } from './lessonStore';

const EVERY_MS = 1000;

export function useLessonVerdict(check: readonly CheckClause[] | null, kind: VerdictKind, durationMs: number): void {
  useEffect(() => {
    lessonStore.getState().setVerdict(null);
    if (!check) return;
    let epoch = frameStore.get().epoch;
    let lastAsk = 0;
    let askedAtSim = -1;
    let asking = false;
    let again = false;
    let alive = true;
    let final = false;
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
        if (again && alive && !final) {
          again = false;
          ask();
        }
        if (!alive || !r || askedEpoch !== frameStore.get().epoch || final) return;
        final = r.simulatedMs >= durationMs;
        lessonStore.getState().setVerdict({ kind, check: evaluateCheck(check, r, kind), atMs: r.simulatedMs, final });
      });
    };
    const off = frameStore.subscribe((s) => {
      if (s.epoch !== epoch) {
        epoch = s.epoch; // a restart: the old verdict is about another run
        askedAtSim = -1;
        lastAsk = 0;
        final = false;
        lessonStore.getState().setVerdict(null);
      }
      if (final) return;
      // While playing: about once a second. Paused, stopped or stepped: once for where it stands.
      if (s.status.playing ? performance.now() - lastAsk >= EVERY_MS : s.status.simMs > 0 && s.status.simMs !== askedAtSim) ask();
    });
    return () => {
      alive = false;
      off();
    };
  }, [check, kind, durationMs]);
}
