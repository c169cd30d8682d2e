/**
 * Untrusted bytes (an imported file, a share link once unpacked, the autosave) to a scenario, or
 * to the problems with them, each naming where: `(file)`, `(link)`, or a field path. Never throws.
 */
import type { Parsed, Scenario, ScenarioIssue } from '../../engine/core';
import { validation } from '../validation';

/** No scenario comes near this (1,000 nodes with every field set are under 1 MB of JSON). */
export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;

export type Source = '(file)' | '(link)' | '(saved design)' | '(design saved in another tab)';

export const problem = (where: Source, message: string): Parsed<never> => ({ ok: false, issues: [{ path: where, message }] });

/** "1.2 MB", "640 KB", "312 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 10 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${n.toLocaleString('en-US')} bytes`;
}

/** Text → scenario, with the JSON and schema problems reported against `where`. */
export function scenarioFromText(text: string, where: Source): Parsed<Scenario> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte-order mark from some editors
  if (body.trim() === '') return problem(where, 'empty: there is no scenario in it');
  const p = validation().parseScenarioText(body);
  if (p.ok) return p;
  return { ok: false, issues: p.issues.map((i: ScenarioIssue) => (i.path === '(file)' ? { ...i, path: where } : i)) };
}

/** Bytes that must be UTF-8 JSON text; a binary file (an image, a zip) is named as such. */
export function scenarioFromBytes(bytes: Uint8Array, where: Source): Parsed<Scenario> {
  if (bytes.byteLength === 0) return problem(where, 'empty: there is no scenario in it');
  if (bytes.byteLength > MAX_SCENARIO_BYTES) {
    return problem(where, `${formatBytes(bytes.byteLength)} is more than any scenario (at most ${formatBytes(MAX_SCENARIO_BYTES)})`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return problem(where, 'not text: this is a binary file (an image, an archive...), not a scenario in JSON');
  }
  // Valid UTF-8 can still be binary: control characters never appear in a JSON scenario.
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return problem(where, 'not text: it holds control characters, so it is a binary file, not a scenario in JSON');
  return scenarioFromText(text, where);
}
