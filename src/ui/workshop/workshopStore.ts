/**
 * A workshop in the app: which step is on the canvas, and the learner's own version of each step.
 * Moving to another step keeps the design of the one left (when it differs from the lesson as
 * shipped), so going back shows the learner's edits; "Reset this step" gets the lesson back.
 *
 * Anything else that puts a design on the canvas (the Lessons menu, a share link, an import, "Back
 * to my design") leaves the workshop: the step bar then offers the way back to the step it was on,
 * edits kept. The step is kept in the address (`&n=3`), so a reload opens the same step (the edits
 * live for the visit only).
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { parseWorkshop, type Workshop } from '../../engine/scenario/workshop';
import type { Parsed, Scenario, ScenarioIssue } from '../../engine/index';
import { listLessons } from '../lessons/catalog';
import { lessonStore } from '../lessons/lessonStore';
import { scenarioStore } from '../store/appStore';
import { scenarioOf } from '../store/scenarioStore';
import { workshopFragment, type WorkshopRef } from '../share/workshopLink';

const builtins = import.meta.glob<unknown>('../../../scenarios/workshops/*.json', { import: 'default' });
const idOf = (path: string): string => path.replace(/^.*\//, '').replace(/\.json$/, '');

export interface WorkshopState {
  workshop: Workshop | null;
  ref: WorkshopRef | null;
  /** 0-based step on the canvas (or left, when not active). */
  index: number;
  /** The lesson title of each step. */
  titles: string[];
  /** The learner's design of each step, where it differs from the lesson as shipped. */
  edits: (Scenario | null)[];
  /** The workshop's step is on the canvas (false: something else was opened over it). */
  active: boolean;
  busy: boolean;
}

export const workshopStore = createStore<WorkshopState>()(() => ({ workshop: null, ref: null, index: 0, titles: [], edits: [], active: false, busy: false }));

export function useWorkshop<T>(selector: (st: WorkshopState) => T): T {
  return useStore(workshopStore, selector);
}

/** The lesson as shipped, as the canvas holds it, for each step visited (to tell edits apart). */
let pristine: (string | null)[] = [];
/** The last loadVersion this module caused: any other load is someone else's. */
let ownLoad = -1;

scenarioStore.subscribe((st, prev) => {
  if (st.loadVersion === prev.loadVersion || st.loadVersion === ownLoad) return;
  const w = workshopStore.getState();
  if (w.active && !w.busy) {
    saveStep();
    workshopStore.setState({ active: false });
    setAddress(null);
  }
});

/** Built-in workshop ids (file names in scenarios/workshops). */
export const BUILTIN_IDS = Object.keys(builtins).map(idOf).sort();

async function lessonIds(): Promise<Map<string, string>> {
  return new Map((await listLessons()).map((l) => [l.id, l.title]));
}

/** Validates a workshop (a file's data, a link's) against the lessons this app has. */
export async function checkWorkshop(data: unknown): Promise<Parsed<Workshop>> {
  return parseWorkshop(data, new Set((await lessonIds()).keys()));
}

export async function loadBuiltin(id: string): Promise<Parsed<Workshop>> {
  const path = Object.keys(builtins).find((p) => idOf(p) === id);
  if (!path) return { ok: false, issues: [{ path: '(link)', message: `no built-in workshop "${id}"; this app has ${BUILTIN_IDS.map((b) => `"${b}"`).join(', ')}` }] };
  return checkWorkshop(await builtins[path]!());
}

function saveStep(): void {
  const w = workshopStore.getState();
  if (!w.workshop || !w.active) return;
  const now = JSON.stringify(scenarioOf(scenarioStore.getState()));
  const edits = [...w.edits];
  edits[w.index] = now === pristine[w.index] ? null : (JSON.parse(now) as Scenario);
  workshopStore.setState({ edits });
}

function setAddress(fragment: string | null): void {
  const base = window.location.pathname + window.location.search;
  window.history.replaceState(window.history.state, '', fragment === null ? base : `${base}#${fragment}`);
}

/** Starts a workshop at `step` (0-based): validated already. */
export async function startWorkshop(workshop: Workshop, ref: WorkshopRef, step = 0): Promise<string | null> {
  const titles = await lessonIds();
  pristine = workshop.steps.map(() => null);
  workshopStore.setState({ workshop, ref, index: 0, titles: workshop.steps.map((s) => titles.get(s.lesson) ?? s.lesson), edits: workshop.steps.map(() => null), active: false });
  return goTo(Math.min(Math.max(step, 0), workshop.steps.length - 1));
}

/** Puts step `i` on the canvas: the learner's version if they edited it, else the lesson. */
export async function goTo(i: number, fresh = false): Promise<string | null> {
  const w = workshopStore.getState();
  if (!w.workshop || w.busy || i < 0 || i >= w.workshop.steps.length) return null;
  saveStep();
  workshopStore.setState({ busy: true });
  try {
    const id = w.workshop.steps[i]!.lesson;
    const why = await lessonStore.getState().openLesson(id);
    if (why) return why;
    pristine[i] = JSON.stringify(scenarioOf(scenarioStore.getState()));
    const mine = fresh ? null : workshopStore.getState().edits[i];
    if (mine) scenarioStore.getState().loadScenario(mine);
    ownLoad = scenarioStore.getState().loadVersion;
    const edits = [...workshopStore.getState().edits];
    if (fresh) edits[i] = null;
    workshopStore.setState({ index: i, active: true, edits });
    if (w.ref) setAddress(await workshopFragment(w.ref, i + 1));
    return null;
  } finally {
    workshopStore.setState({ busy: false });
  }
}

export const next = () => goTo(workshopStore.getState().index + 1);
export const previous = () => goTo(workshopStore.getState().index - 1);
export const resetStep = () => goTo(workshopStore.getState().index, true);
/** Back to the step the workshop was on, after something else was opened over it. */
export const resume = () => goTo(workshopStore.getState().index);

/** Leaves the workshop for good: the lesson stays on the canvas. */
export function closeWorkshop(): void {
  workshopStore.setState({ workshop: null, ref: null, active: false, edits: [], titles: [] });
  pristine = [];
  setAddress(null);
}

export type { ScenarioIssue };
