/**
 * The `present` flag of a link: `?present` (or `?present=1`, `on`, `true`) opens the app in
 * present mode. A query parameter, not part of the `#s=` fragment, so every existing share link
 * reads as before and the flag survives the fragment being cleared once the design is loaded.
 */

// Read without the schema library: a closed list of words needs none, and this runs in the first load.
const YES = ['', '1', 'on', 'true', 'yes'] as const;
const NO = ['0', 'off', 'false', 'no'] as const;

export type PresentFlag = { ok: true; present: boolean } | { ok: false; message: string };

/** Reads the flag from an address's query string (`location.search`). Never throws. */
export function readPresentFlag(search: string): PresentFlag {
  const params = new URLSearchParams(search);
  const values = params.getAll('present');
  if (values.length === 0) return { ok: true, present: false };
  const raw = values[values.length - 1]!;
  // The flag's value: one of the words above, any case, spaces around ignored.
  const word = raw.length <= 200 ? raw.trim().toLowerCase() : null;
  if (word !== null && (YES as readonly string[]).includes(word)) return { ok: true, present: true };
  if (word !== null && (NO as readonly string[]).includes(word)) return { ok: true, present: false };
  const shown = raw.length > 24 ? `${raw.slice(0, 24)}…` : raw;
  return { ok: false, message: `The link's “present=${shown}” is not understood, so the app opened in its normal layout: write “?present” to open in present mode (press P to switch now).` };
}

/** `href` with the present flag set (or removed), its fragment (the design) kept. */
export function withPresentFlag(href: string, on: boolean): string {
  const url = new URL(href);
  url.searchParams.delete('present');
  let s = url.toString();
  if (on) {
    const hashAt = s.indexOf('#');
    const head = hashAt < 0 ? s : s.slice(0, hashAt);
    const tail = hashAt < 0 ? '' : s.slice(hashAt);
    s = `${head}${head.includes('?') ? '&' : '?'}present${tail}`;
  }
  return s;
}
