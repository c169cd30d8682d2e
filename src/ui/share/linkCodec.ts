/**
 * Share links: the whole scenario in the address's fragment, `#s=1.<data>`, where 1 is the link
 * format's version and <data> is the scenario's JSON compressed with zlib deflate (the browser's
 * own CompressionStream, also in Node) in base64url. Nothing goes to a server: a fragment never
 * leaves the browser.
 *
 * Why "deflate" (zlib) and not "deflate-raw": 6 more bytes buy an Adler-32 checksum, so a link
 * damaged in transit is refused instead of opening a slightly different design.
 *
 * Decoding trusts nothing: the characters, the format version, the compressed data (unpacked in
 * small pieces and stopped past MAX_SCENARIO_BYTES, so a zip bomb costs nothing), the text, the
 * JSON, and the scenario itself (validated and migrated like a file).
 */
import { newerVersionIssue, type Parsed, type Scenario } from '../../engine/core';
import { validation } from '../validation';
import { formatBytes, MAX_SCENARIO_BYTES, problem, scenarioFromBytes } from './scenarioBytes';

/** The fragment parameter that holds a design. */
export const LINK_PARAM = 's';
/** Bumped when the link's envelope changes (not when the scenario changes: it has its own version). */
export const LINK_VERSION = 1;
/**
 * The longest link the Share dialog hands out, whole address included. Chat tools and mail
 * clients keep 8,000 characters intact (some cut at 2,048 for previews, but the link still works);
 * past that, Export a file.
 */
export const MAX_LINK_CHARS = 8000;
/** Longer than any link this app makes by far: not worth unpacking. */
const MAX_PAYLOAD_CHARS = 64 * 1024;
/** Compressed bytes fed to the decompressor at a time: one piece unpacks to at most ~1 MB. */
const INFLATE_PIECE = 512;

const LINK = '(link)' as const;

// ---- base64url (RFC 4648 §5, no padding) ----

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const BASE64URL_CHAR = /[^A-Za-z0-9_-]/;

/** The bytes, or why these are not base64url. */
export function fromBase64Url(text: string): Uint8Array | string {
  const bad = BASE64URL_CHAR.exec(text);
  if (bad) return `the link is damaged: it has a character no share link contains (“${bad[0]}” at position ${bad.index + 1} of the data)`;
  // A length of 4n + 1 is not a whole number of bytes: a character went missing.
  if (text.length % 4 === 1) return 'the link is cut short or damaged: its data ends in the middle of a byte';
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

// ---- compression ----

export async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

type Inflated = { ok: true; bytes: Uint8Array } | { ok: false; why: 'damaged' | 'too-big' };

/**
 * Unpacks zlib data, feeding it in small pieces and reading as it goes; stops as soon as the
 * output passes `maxBytes` (deflate packs up to ~1000:1, so the output is never held whole).
 */
export async function inflateCapped(bytes: Uint8Array, maxBytes: number): Promise<Inflated> {
  const ds = new DecompressionStream('deflate');
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  let stopped = false;
  const feeding = (async () => {
    for (let i = 0; i < bytes.length && !stopped; i += INFLATE_PIECE) {
      await writer.ready;
      await writer.write(bytes.subarray(i, i + INFLATE_PIECE) as Uint8Array<ArrayBuffer>);
    }
    if (!stopped) await writer.close();
  })();
  feeding.catch(() => undefined); // its failure shows up on the reading side too
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        stopped = true;
        await reader.cancel().catch(() => undefined);
        return { ok: false, why: 'too-big' };
      }
      chunks.push(value);
    }
    await feeding;
  } catch {
    stopped = true;
    return { ok: false, why: 'damaged' };
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return { ok: true, bytes: out };
}

// ---- links ----

/** The `1.<data>` payload for a scenario (validated first: only a valid scenario is shared). */
export async function encodeScenario(scenario: Scenario): Promise<string> {
  const p = validation().parseScenario(scenario);
  if (!p.ok) throw new Error(`cannot share an invalid scenario: ${p.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  const json = new TextEncoder().encode(JSON.stringify(p.value));
  return `${LINK_VERSION}.${toBase64Url(await deflate(json))}`;
}

/** `base` (an address without its fragment) with the design in the fragment. */
export const linkFor = (base: string, payload: string): string => `${base.replace(/#.*$/, '')}#${LINK_PARAM}=${payload}`;

/** The payload of a share link in an address's fragment (`#s=...`), or null when it holds none. */
export function payloadOf(hash: string): string | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!fragment) return null;
  const value = new URLSearchParams(fragment).get(LINK_PARAM);
  return value === null ? null : value.trim();
}

/** A payload back to the scenario it carries, or the problems with it. Never throws. */
export async function decodeScenario(payload: string): Promise<Parsed<Scenario>> {
  if (payload === '') return problem(LINK, `the link holds no design: nothing follows “#${LINK_PARAM}=”`);
  if (payload.length > MAX_PAYLOAD_CHARS) {
    return problem(LINK, `the link is ${payload.length.toLocaleString('en-US')} characters, far longer than any share link (at most ${MAX_LINK_CHARS.toLocaleString('en-US')})`);
  }
  const m = /^(\d{1,6})\.(.*)$/s.exec(payload);
  if (!m) return problem(LINK, `not a share link of this app: expected “#${LINK_PARAM}=<version>.<data>”`);
  const version = Number(m[1]);
  if (version > LINK_VERSION) return { ok: false, issues: [{ ...newerVersionIssue(LINK, 'link format', version, LINK_VERSION) }] };
  const decode = LINK_DECODERS[version];
  if (!decode) return problem(LINK, `unknown link format version ${version}; this app reads versions 1 to ${LINK_VERSION}`);
  try {
    return await decode(m[2]!);
  } catch (e) {
    // Nothing above should throw; if it does, it is still a refused link, never a broken page.
    return problem(LINK, `could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
}

async function decodeV1(data: string): Promise<Parsed<Scenario>> {
  if (data === '') return problem(LINK, 'the link is cut short: it has a version but no design data');
  const packed = fromBase64Url(data);
  if (typeof packed === 'string') return problem(LINK, packed);
  const inflated = await inflateCapped(packed, MAX_SCENARIO_BYTES);
  if (!inflated.ok) {
    return problem(
      LINK,
      inflated.why === 'too-big'
        ? `its data unpacks to more than ${formatBytes(MAX_SCENARIO_BYTES)}, more than any scenario; refused without unpacking the rest`
        : 'the link is damaged or cut short: its data does not unpack',
    );
  }
  return scenarioFromBytes(inflated.bytes, LINK);
}

/**
 * Readers of each link format version, in one place. A future envelope (another compression,
 * say) adds LINK_DECODERS[2] and keeps this one, so old links still open; the scenario inside
 * migrates on its own (engine/scenario/migrate.ts).
 */
export const LINK_DECODERS: Readonly<Record<number, (data: string) => Promise<Parsed<Scenario>>>> = { 1: decodeV1 };

export interface ShareLink {
  url: string;
  /** Characters in the whole address. */
  length: number;
  /** Within MAX_LINK_CHARS: safe to paste into a chat. */
  fits: boolean;
}

/** The share link for `scenario` on the page at `base`, and whether it is short enough to hand out. */
export async function makeShareLink(base: string, scenario: Scenario): Promise<ShareLink> {
  const url = linkFor(base, await encodeScenario(scenario));
  return { url, length: url.length, fits: url.length <= MAX_LINK_CHARS };
}
