/**
 * The engine's validation and everything that needs the scenario schema (zod): parsing files,
 * links and edits, the wiring rules. Its chunk is requested as the page starts, in parallel with
 * the first paint, and is in by the time the design keeper opens a saved design or a link
 * (designKeeper.start awaits `validationLoaded`), which is before the simulation worker starts and
 * Play is enabled: every edit comes after it. The page's first load then carries only the zod-free
 * part of the engine (engine/core.ts).
 */
type Engine = typeof import('../engine/index');

let engine: Engine | null = null;

export const validationLoaded: Promise<Engine> = import('../engine/index').then((m) => (engine = m));

/** The loaded engine API. Called before `validationLoaded` has settled it throws: a bug in the start-up order, not a person's input. */
export function validation(): Engine {
  if (!engine) throw new Error('the scenario validation has not loaded yet');
  return engine;
}
