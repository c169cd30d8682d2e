/**
 * Workshop links, beside share links (linkCodec.ts) and built the same way, in the fragment:
 *   #w=backpressure-in-90-minutes        a built-in workshop, by its file name in scenarios/workshops
 *   #w=1.<data>                          a workshop of one's own: its JSON, zlib deflate, base64url
 * and `&n=3` for the step the link opens at (1-based; the step bar keeps it current). A custom
 * workshop carries only its steps' lesson ids and notes (the lessons ship with the app), so even 20
 * steps with notes fit in MAX_LINK_CHARS; decoding unpacks at most MAX_WORKSHOP_BYTES.
 */
import type { Workshop } from '../../engine/scenario/workshop';
import { deflate, fromBase64Url, inflateCapped, LINK_VERSION, MAX_LINK_CHARS, toBase64Url } from './linkCodec';

export const WORKSHOP_PARAM = 'w';
export const STEP_PARAM = 'n';
/** More than any workshop's JSON (20 steps of 500-character notes is about 11 KB). */
export const MAX_WORKSHOP_BYTES = 32 * 1024;
const BUILTIN_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

export type WorkshopRef = { builtin: string } | { workshop: Workshop };

export type WorkshopLink =
  | { ok: true; ref: { builtin: string } | { data: unknown }; step: number }
  | { ok: false; message: string };

/** The address's workshop, if it names one (null: it does not). Never throws. */
export async function readWorkshopLink(hash: string): Promise<WorkshopLink | null> {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const value = params.get(WORKSHOP_PARAM)?.trim();
  if (value === undefined) return null;
  const n = Number(params.get(STEP_PARAM) ?? '1');
  const step = Number.isInteger(n) && n >= 1 ? n : 1;
  if (value === '') return { ok: false, message: `the link names no workshop: nothing follows “#${WORKSHOP_PARAM}=”` };
  if (BUILTIN_ID.test(value)) return { ok: true, ref: { builtin: value }, step };
  const m = /^(\d{1,6})\.(.+)$/s.exec(value);
  if (!m) return { ok: false, message: `not a workshop link: expected “#${WORKSHOP_PARAM}=<workshop id>” or “#${WORKSHOP_PARAM}=1.<data>”` };
  if (Number(m[1]) !== LINK_VERSION) return { ok: false, message: `unknown workshop link version ${m[1]}; this app reads version ${LINK_VERSION}` };
  if (m[2]!.length > MAX_LINK_CHARS * 2) return { ok: false, message: `the link is ${m[2]!.length.toLocaleString('en-US')} characters, far longer than any workshop link` };
  const packed = fromBase64Url(m[2]!);
  if (typeof packed === 'string') return { ok: false, message: packed };
  try {
    const inflated = await inflateCapped(packed, MAX_WORKSHOP_BYTES);
    if (!inflated.ok) return { ok: false, message: inflated.why === 'too-big' ? 'its data unpacks to more than any workshop; refused' : 'the link is damaged or cut short: its data does not unpack' };
    return { ok: true, ref: { data: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes)) as unknown }, step };
  } catch {
    return { ok: false, message: 'the link is damaged: its data is not a workshop' };
  }
}

/** The fragment for a workshop at a step (1-based). */
export async function workshopFragment(ref: WorkshopRef, step: number): Promise<string> {
  const w = 'builtin' in ref ? ref.builtin : `${LINK_VERSION}.${toBase64Url(await deflate(new TextEncoder().encode(JSON.stringify(ref.workshop))))}`;
  return `${WORKSHOP_PARAM}=${w}${step > 1 ? `&${STEP_PARAM}=${step}` : ''}`;
}

/** The link a teacher hands out (at step 1), or why it cannot be handed out. */
export async function workshopLink(base: string, ref: WorkshopRef): Promise<{ url: string; fits: boolean }> {
  const url = `${base.replace(/#.*$/, '')}#${await workshopFragment(ref, 1)}`;
  return { url, fits: url.length <= MAX_LINK_CHARS };
}
