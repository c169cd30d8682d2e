/**
 * What the run controls do, in one place: the toolbar's buttons and the keyboard shortcuts call
 * these, so a key can never play a run the Play button would not.
 */
import { sim } from '../simClient';
import { runStore } from '../store/runStore';
import type { Speed } from '../../worker/protocol';
import { predictGate } from '../lessons/predictGate';

/** The toolbar's speeds, in order (the keys 1-9 pick the first nine). */
export const SPEEDS: readonly Speed[] = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 100, 'max'];

/** Play may start the run: the worker is up, the run is not halted, and no lesson waits for a prediction. */
export function canPlay(): boolean {
  const s = runStore.getState();
  return s.worker === 'ready' && s.halted === null && predictGate.getState().waiting === null;
}

/** Pause may stop it: the worker is up (pausing is never refused). */
export function canPause(): boolean {
  return runStore.getState().worker === 'ready';
}

/** Pauses a playing run, plays a paused one when it may. */
export function togglePlay(): void {
  if (runStore.getState().playing) {
    if (canPause()) void sim.pause();
  } else if (canPlay()) void sim.play();
}

export const canStep = canPlay;

/** Advances a quarter second of simulated time, then pauses. */
export function stepRun(): void {
  if (canStep()) void sim.step();
}

export const canReset = canPause;

/** Back to 0 s with the current design. */
export function resetRun(): void {
  if (canReset()) void sim.reset();
}

/** The speed at `index` in SPEEDS (0-based); out of range does nothing. */
export function speedStep(index: number): void {
  const speed = SPEEDS[index];
  if (speed !== undefined && canPause()) void sim.setSpeed(speed);
}
