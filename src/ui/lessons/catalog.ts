/**
 * The lessons library: every file in scenarios/lessons, each its own small chunk, fetched the
 * first time the Lessons menu opens (not in the initial bundle), validated like any scenario file.
 * A new lesson is a new file there: nothing to register.
 */
import { parseScenario, type Parsed, type Scenario } from '../../engine/index';

const loaders = import.meta.glob<unknown>('../../../scenarios/lessons/*.json', { import: 'default' });

export interface LessonEntry {
  /** The file name without .json, e.g. "01-flash-sale-unbounded-queue". */
  id: string;
  title: string;
  /** What a teacher plans with: the level, the ideas, and the wall minutes one run takes at the lesson's speed. */
  level?: string;
  concepts: string[];
  minutes?: number;
}

interface LessonFile {
  name?: unknown;
  durationMs?: unknown;
  lesson?: { level?: unknown; concepts?: unknown; speed?: unknown };
}

/** Wall minutes of one run at the lesson's speed (Max counted as 100x), to the half minute, at least half a minute. */
export function runMinutes(durationMs: number, speed: number | 'max'): number {
  const x = speed === 'max' ? 100 : speed;
  return Math.max(0.5, Math.round((durationMs / x / 60_000) * 2) / 2);
}

function entryOf(id: string, data: LessonFile): LessonEntry {
  const l = data.lesson ?? {};
  const speed = l.speed === 'max' || typeof l.speed === 'number' ? l.speed : 1;
  const durationMs = typeof data.durationMs === 'number' ? data.durationMs : 60_000;
  return {
    id,
    title: typeof data.name === 'string' ? data.name : id,
    ...(typeof l.level === 'string' ? { level: l.level } : {}),
    concepts: Array.isArray(l.concepts) ? l.concepts.filter((c): c is string => typeof c === 'string') : [],
    minutes: runMinutes(durationMs, speed),
  };
}

const idOf = (path: string): string => path.replace(/^.*\//, '').replace(/\.json$/, '');
const PATHS = Object.keys(loaders).sort();

let listing: Promise<LessonEntry[]> | null = null;

/** Every lesson by its scenario name, in file order. */
export function listLessons(): Promise<LessonEntry[]> {
  listing ??= Promise.all(
    PATHS.map(async (path) => {
      const data = (await loaders[path]!()) as LessonFile;
      return entryOf(idOf(path), data);
    }),
  );
  return listing;
}

export async function loadLesson(id: string): Promise<Parsed<Scenario>> {
  const path = PATHS.find((p) => idOf(p) === id);
  if (!path) return { ok: false, issues: [{ path: '(lesson)', message: `no lesson "${id}"` }] };
  return parseScenario(await loaders[path]!());
}
