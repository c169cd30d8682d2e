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
}

const idOf = (path: string): string => path.replace(/^.*\//, '').replace(/\.json$/, '');
const PATHS = Object.keys(loaders).sort();

let listing: Promise<LessonEntry[]> | null = null;

/** Every lesson by its scenario name, in file order. */
export function listLessons(): Promise<LessonEntry[]> {
  listing ??= Promise.all(
    PATHS.map(async (path) => {
      const data = (await loaders[path]!()) as { name?: unknown };
      return { id: idOf(path), title: typeof data.name === 'string' ? data.name : idOf(path) };
    }),
  );
  return listing;
}

export async function loadLesson(id: string): Promise<Parsed<Scenario>> {
  const path = PATHS.find((p) => idOf(p) === id);
  if (!path) return { ok: false, issues: [{ path: '(lesson)', message: `no lesson "${id}"` }] };
  return parseScenario(await loaders[path]!());
}
