/** Field builders shared by the node schemas: each error message says what was expected. */
import { z } from './zod';

export const nonNeg = (what: string) =>
  z.number({ error: `expected ${what}, a number ≥ 0` }).finite({ error: `expected ${what}, a finite number` }).min(0, { error: `must be ≥ 0 (${what})` });
export const positive = (what: string) =>
  z.number({ error: `expected ${what}, a number > 0` }).finite({ error: `expected ${what}, a finite number` }).gt(0, { error: `must be > 0 (${what})` });
export const wholeNonNeg = (what: string) =>
  z.number({ error: `expected ${what}, a whole number ≥ 0` }).int({ error: `must be a whole number (${what})` }).min(0, { error: `must be ≥ 0 (${what})` });

export const id = z
  .string({ error: 'expected a node id (text)' })
  .min(1, { error: 'must not be empty' })
  .max(64, { error: 'at most 64 characters' })
  .regex(/^[A-Za-z0-9_.:-]+$/, { error: 'use only letters, digits and _ . : - (no spaces)' });

/** Something that reads like an HTML tag: `<img`, `</b`, `<!--`. A bare `<` (as in "p99 < 50 ms") is fine. */
const TAG = /<\s*[A-Za-z!?/][A-Za-z0-9-]*/;

/**
 * Text a person wrote, shown as text (React never parses it as HTML). Markup is refused anyway:
 * a shared link with `<img onerror=...>` in a label is somebody's probe, not a design.
 */
export const plainText = (max: number) =>
  z
    .string({ error: 'expected text' })
    .max(max, { error: `at most ${max} characters` })
    .refine((t) => !TAG.test(t), { error: (iss) => `plain text only, no HTML tags; found "${TAG.exec(String(iss.input))?.[0] ?? '<'}"` });

export const label = plainText(80);

/** Where the canvas draws the node. Ignored by the engine. */
export const position = z.strictObject({ x: z.number().finite(), y: z.number().finite() });

export const fraction = (what: string) => nonNeg(what).max(1, { error: `must be a fraction between 0 and 1 (${what})` });
export const wholeAtLeast = (min: number, what: string) =>
  z.number({ error: `expected ${what}, a whole number ≥ ${min}` }).int({ error: `must be a whole number (${what})` }).min(min, { error: `must be ≥ ${min} (${what})` });
