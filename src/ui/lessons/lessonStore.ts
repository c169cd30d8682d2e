/**
 * Lessons in the app: opening one puts it on the canvas and keeps the person's own design aside
 * (also across a reload), so "Back to my design" always brings it back. The lesson's text and check
 * travel in the scenario itself (meta.lesson), so a shared lesson link opens as a lesson too.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { CheckResult, Lesson, Scenario, VerdictKind } from '../../engine/core';
import { validation } from '../validation';
import { scenarioStore } from '../store/appStore';
import { scenarioOf } from '../store/scenarioStore';
import { runStore } from '../store/runStore';
import { viewStore } from '../store/viewStore';
import { sim } from '../simClient';

const SAVED_KEY = 'bp.lessons.myDesign';

export interface LessonVerdict {
  /** Which verdict: the design as loaded (`check`) or the try-this variant (`tryThis.check`). */
  kind: VerdictKind;
  check: CheckResult;
  /** Simulated time of the report it was judged on. */
  atMs: number;
  /** The run reached the lesson's duration: the same verdict the CLI gives. */
  final: boolean;
}

export interface LessonState {
  /** The person's own design, kept while lessons are on the canvas. */
  myDesign: Scenario | null;
  /** Which library lesson is open (null: none, or one opened from a link). */
  openId: string | null;
  verdict: LessonVerdict | null;
  /** Which of the lesson's two runs is on the canvas: as loaded, or with "Try this" applied. */
  variant: VerdictKind;
  /** The lesson as it was before "Try it", to run it as loaded again. */
  asLoaded: Scenario | null;
  /** Puts a library lesson on the canvas; returns why not, if it cannot. */
  openLesson(id: string): Promise<string | null>;
  /** Puts the person's own design back on the canvas. */
  backToMyDesign(): void;
  /** Applies the lesson's "try this" change (as inspector edits would), to run it again from 0 s. */
  applyTryThis(): string | null;
  /** Puts the lesson back as it was loaded (after "Try it"). */
  runAsLoaded(): void;
  setVerdict(v: LessonVerdict | null): void;
}

/**
 * A lesson's speed and chart window, set when it comes onto the canvas (from the menu or a link)
 * so its whole story stays on screen at a pace a class can follow.
 */
export function applyLessonView(lesson: Lesson): void {
  if (lesson.speed !== undefined && runStore.getState().speed !== lesson.speed) void sim.setSpeed(lesson.speed);
  if (lesson.windowS !== undefined) viewStore.getState().setChartWindow(lesson.windowS);
}

function readSaved(): Scenario | null {
  try {
    const text = globalThis.localStorage?.getItem(SAVED_KEY);
    if (!text) return null;
    const p = validation().parseScenario(JSON.parse(text));
    return p.ok ? p.value : null;
  } catch {
    return null;
  }
}

function writeSaved(s: Scenario | null): void {
  try {
    if (s) globalThis.localStorage?.setItem(SAVED_KEY, JSON.stringify(s));
    else globalThis.localStorage?.removeItem(SAVED_KEY);
  } catch {
    // Storage full or blocked: the design is still kept in memory for this visit.
  }
}

export const lessonStore = createStore<LessonState>()((set, get) => ({
  myDesign: readSaved(),
  openId: null,
  verdict: null,
  variant: 'loaded',
  asLoaded: null,

  async openLesson(id) {
    const { loadLesson } = await import('./catalog');
    const p = await loadLesson(id);
    if (!p.ok) return p.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    const current = scenarioOf(scenarioStore.getState());
    // Keep the person's design, not a lesson they opened before this one.
    const mine = get().myDesign ?? (current.lesson ? null : current);
    if (mine !== get().myDesign) writeSaved(mine);
    set({ myDesign: mine, openId: id, verdict: null, variant: 'loaded', asLoaded: null });
    scenarioStore.getState().loadScenario(p.value);
    return null;
  },

  backToMyDesign() {
    const mine = get().myDesign;
    if (!mine) return;
    scenarioStore.getState().loadScenario(mine);
    writeSaved(null);
    set({ myDesign: null, openId: null, verdict: null, variant: 'loaded', asLoaded: null });
  },

  applyTryThis() {
    const st = scenarioStore.getState();
    const t = st.meta.lesson?.tryThis;
    if (!t) return 'no lesson is open';
    const before = get().variant === 'loaded' ? scenarioOf(st) : get().asLoaded;
    for (const c of t.changes) {
      const issues = st.setParam(c.node, c.set, { asLesson: true });
      if (issues) return issues.map((i) => `${c.node}.${i.path}: ${i.message}`).join('; ');
    }
    if (t.events) {
      const st2 = scenarioStore.getState();
      for (let i = (st2.meta.events ?? []).length - 1; i >= 0; i--) st2.removeEvent(i, { asLesson: true });
      const issues = t.events.length > 0 ? st2.addEvents(t.events, { asLesson: true }) : null;
      if (issues) return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    }
    set({ variant: 'tryThis', asLoaded: before, verdict: null });
    return null;
  },

  runAsLoaded() {
    const loaded = get().asLoaded;
    if (!loaded) return;
    scenarioStore.getState().loadScenario(loaded);
    set({ variant: 'loaded', asLoaded: null, verdict: null });
  },

  setVerdict(v) {
    set({ verdict: v });
  },
}));

export function useLessons<T>(selector: (st: LessonState) => T): T {
  return useStore(lessonStore, selector);
}
