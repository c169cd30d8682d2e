/**
 * Old scenario files and links keep opening: every change to the scenario format that breaks old
 * files adds one migrator here, from its version to the next, and bumps SCENARIO_VERSION. Files,
 * share links, the autosave and the CLI all pass through `migrateScenario` (via parseScenario), so
 * this is the only place that knows about old versions.
 */
import { SCENARIO_VERSION } from './constants';
import type { Parsed, ScenarioIssue } from './issues';

/** Turns a version-v scenario (plain JSON) into a version v+1 one. */
export type Migrator = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * MIGRATIONS[v] takes version v to v + 1. Empty: version 1 is the first format there has been.
 * Example for a future version 2 that renamed `durationMs`:
 *   1: ({ durationMs, ...rest }) => ({ ...rest, version: 2, runForMs: durationMs }),
 */
export const MIGRATIONS: Readonly<Record<number, Migrator>> = {};

export const APP_NAME = 'Backpressure Playground';

/** "made by a newer version": a format this copy of the app cannot know how to read. */
export function newerVersionIssue(path: string, what: string, got: number, newest: number): ScenarioIssue {
  return {
    path,
    message: `made by a newer version of ${APP_NAME} (${what} ${got}; this app reads up to ${newest}). Open it in an up-to-date copy of the app`,
  };
}

/**
 * Brings `data` up to `current` by running the chain of migrators from its version. Data that is
 * not an object, or has no whole-number version, passes through untouched for the schema to
 * describe; a version newer than `current` is refused. Never throws.
 */
export function migrateScenario(data: unknown, current: number = SCENARIO_VERSION, migrations: Readonly<Record<number, Migrator>> = MIGRATIONS): Parsed<unknown> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: true, value: data };
  const version = (data as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: true, value: data };
  if (version > current) return { ok: false, issues: [newerVersionIssue('version', 'scenario version', version, current)] };
  let out = data as Record<string, unknown>;
  for (let v = version; v < current; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, issues: [{ path: 'version', message: `cannot read scenario version ${v}: no migration from it to version ${v + 1}` }] };
    try {
      out = step(out);
    } catch (e) {
      return { ok: false, issues: [{ path: 'version', message: `could not bring version ${v} up to date: ${e instanceof Error ? e.message : String(e)}` }] };
    }
    if (out.version !== v + 1) return { ok: false, issues: [{ path: 'version', message: `the migration from version ${v} did not produce version ${v + 1}` }] };
  }
  return { ok: true, value: out };
}
