/**
 * The lessons library: every file in scenarios/lessons, listed by title (bundled: a few bytes each)
 * and loaded on demand (each lesson is its own small chunk), validated like any scenario file.
 * A new lesson is a new file there: nothing to register.
 */
import { parseScenario, type Parsed, type Scenario } from '../../engine/index';

const titles = import.meta.glob<string>('../../../scenarios/lessons/*.json', { eager: true, import: 'name' });
const loaders = import.meta.glob<unknown>('../../../scenarios/lessons/*.json', { import: 'default' });

export interface LessonEntry {
  /** The file name without .json, e.g. "01-flash-sale-unbounded-queue". */
  id: string;
  title: string;
}

const idOf = (path: string): string => path.replace(/^.*\//, '').replace(/\.json$/, '');

export const LESSONS: readonly LessonEntry[] = Object.keys(titles)
  .sort()
  .map((path) => ({ id: idOf(path), title: titles[path]! }));

export async function loadLesson(id: string): Promise<Parsed<Scenario>> {
  const path = Object.keys(loaders).find((p) => idOf(p) === id);
  if (!path) return { ok: false, issues: [{ path: '(lesson)', message: `no lesson "${id}"` }] };
  return parseScenario(await loaders[path]!());
}
