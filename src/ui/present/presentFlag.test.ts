import { describe, expect, it } from 'vitest';
import { readPresentFlag, withPresentFlag } from './presentFlag';

describe('the present flag of a link', () => {
  it('is off when the address has none', () => {
    expect(readPresentFlag('')).toEqual({ ok: true, present: false });
    expect(readPresentFlag('?testhooks')).toEqual({ ok: true, present: false });
  });

  it('is on for ?present and its spelled-out forms, off for their opposites', () => {
    for (const q of ['?present', '?present=', '?present=1', '?present=ON', '?x=2&present=true', '?present=%20yes%20']) expect(readPresentFlag(q)).toEqual({ ok: true, present: true });
    for (const q of ['?present=0', '?present=off', '?present=False']) expect(readPresentFlag(q)).toEqual({ ok: true, present: false });
  });

  it('refuses a value it does not know, naming it and saying what to write', () => {
    const r = readPresentFlag('?present=banana');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('“present=banana”');
      expect(r.message).toContain('?present');
    }
  });

  it('cuts a long value short in its message', () => {
    const r = readPresentFlag(`?present=${'x'.repeat(5000)}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.length).toBeLessThan(300);
  });

  it('is added to a share link before its fragment, which is kept whole', () => {
    expect(withPresentFlag('https://a.example/app/#s=1.abc', true)).toBe('https://a.example/app/?present#s=1.abc');
    expect(withPresentFlag('https://a.example/app/?q=1#s=1.abc', true)).toBe('https://a.example/app/?q=1&present#s=1.abc');
    expect(withPresentFlag('https://a.example/app/?present#s=1.abc', false)).toBe('https://a.example/app/#s=1.abc');
    expect(readPresentFlag(new URL(withPresentFlag('https://a.example/#s=1.abc', true)).search)).toEqual({ ok: true, present: true });
  });
});
