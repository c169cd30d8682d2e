/**
 * The only workshop code in the initial bundle: whether the step bar is wanted (the address holds
 * a workshop, the Lessons menu started one, a workshop file was opened). Everything else loads then.
 */
import { useSyncExternalStore } from 'react';

let wanted = false;
const listeners = new Set<() => void>();
const inAddress = (): boolean => /(?:^#|&)w=/.test(window.location.hash);

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  window.addEventListener('hashchange', cb);
  return () => {
    listeners.delete(cb);
    window.removeEventListener('hashchange', cb);
  };
}

export function wantWorkshop(): void {
  wanted = true;
  for (const l of listeners) l();
}

export const useWorkshopWanted = (): boolean => useSyncExternalStore(subscribe, () => wanted || inAddress());

/** The built-in workshop the Lessons menu offers (scenarios/workshops/<id>.json). */
export const BUILTIN_WORKSHOP = { id: 'backpressure-in-90-minutes', title: 'Backpressure in 90 minutes' };

/** Opens a built-in workshop: its link goes into the address, where the step bar reads it. */
export function openBuiltinWorkshop(id: string): void {
  window.location.hash = `w=${id}`;
  wantWorkshop();
}
