import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../engine/index';
import { defaultScenario } from '../store/defaultScenario';
import { validScenario } from './arbitraries';
import { decodeScenario, encodeScenario, fromBase64Url, inflateCapped, linkFor, makeShareLink, MAX_LINK_CHARS, payloadOf, toBase64Url } from './linkCodec';
import { MAX_SCENARIO_BYTES } from './scenarioBytes';

const BASE = 'https://playground.example/';

async function pack(text: string, format: CompressionFormat = 'deflate'): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream(format));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/** A link payload carrying arbitrary text, as a hand-made or tampered link would. */
const payloadWith = async (text: string, format: CompressionFormat = 'deflate') => `1.${await pack(text, format)}`;

async function refusal(payload: string): Promise<string> {
  const r = await decodeScenario(payload);
  if (r.ok) throw new Error('expected the link to be refused');
  return r.issues.map((i) => `${i.path}: ${i.message}`).join('\n');
}

const scenarioWith = (nodes: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ version: 1, nodes, edges: [], ...extra });

describe('share links carry the whole scenario', () => {
  it('the default design comes back exactly, every field', async () => {
    const s = defaultScenario();
    const payload = await encodeScenario(s);
    expect(payload).toMatch(/^1\.[A-Za-z0-9_-]+$/);
    expect(await decodeScenario(payload)).toEqual({ ok: true, value: s });
  });

  it('a hand-made link whose scenario names its JSON Schema ($schema) opens the scenario without the key', async () => {
    const s = defaultScenario();
    expect(await decodeScenario(await payloadWith(JSON.stringify({ $schema: 'https://playground.example/scenario.schema.json', ...s })))).toEqual({ ok: true, value: s });
  });

  it('any valid scenario round-trips: labels in any script, positions, seed, duration', async () => {
    await fc.assert(
      fc.asyncProperty(validScenario, async (s: Scenario) => {
        const back = await decodeScenario(await encodeScenario(s));
        expect(back).toEqual({ ok: true, value: s });
      }),
      { numRuns: 150 },
    );
  });

  it('scenario-level fields the app does not know by name travel too (the link encodes the validated object)', async () => {
    // Whatever parseScenario keeps is what the link keeps: compare against the parsed input, not a hand-picked list.
    const s = { ...defaultScenario(), seed: 987654321, durationMs: 12_345, description: 'edited' };
    const back = await decodeScenario(await encodeScenario(s));
    expect(back.ok && back.value).toEqual(parseScenario(s).ok && s);
  });

  it('the fragment is #s=<payload>, and other fragments are not links', () => {
    expect(linkFor('https://x.test/app/?testhooks#old', '1.abc')).toBe('https://x.test/app/?testhooks#s=1.abc');
    expect(payloadOf('#s=1.abc')).toBe('1.abc');
    expect(payloadOf('#s=')).toBe('');
    expect(payloadOf('')).toBeNull();
    expect(payloadOf('#section-2')).toBeNull();
  });

  it('refuses to share invalid data rather than hand out a link nobody can open', async () => {
    await expect(encodeScenario({ ...defaultScenario(), seed: -1 })).rejects.toThrow(/seed: must be ≥ 0/);
  });
});

describe('links stay short enough for chat tools', () => {
  it(`the default design is a few hundred characters; the limit is ${MAX_LINK_CHARS}`, async () => {
    const link = await makeShareLink(BASE, defaultScenario());
    expect(link.url.startsWith(`${BASE}#s=1.`)).toBe(true);
    expect(link.length).toBe(link.url.length);
    expect(link.length).toBeLessThan(700);
    expect(link.fits).toBe(true);
  });

  it('a design whose link passes the limit is marked as not fitting, by the length of the whole address', async () => {
    // 200 nodes with distinct 80-character labels: the labels alone are 16 KB of text that does not compress away.
    let seed = 12345;
    const noise = () => {
      let t = '';
      for (let i = 0; i < 80; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        t += 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[seed % 62];
      }
      return t;
    };
    const nodes = [{ id: 'p', type: 'producer', rate: 1 }, ...Array.from({ length: 199 }, (_, i) => ({ id: `q${i}`, type: 'queue', capacity: i, label: noise() }))];
    const p = parseScenario({ version: 1, nodes, edges: [] });
    if (!p.ok) throw new Error('test scenario invalid');
    const link = await makeShareLink(BASE, p.value);
    expect(link.length).toBeGreaterThan(MAX_LINK_CHARS);
    expect(link.fits).toBe(false);
    // Measured on the whole address: a longer base can tip a link over.
    const short = await makeShareLink(BASE, defaultScenario());
    const longBase = `https://x.test/${'a'.repeat(MAX_LINK_CHARS - short.url.length + BASE.length - 14)}/`;
    expect((await makeShareLink(longBase, defaultScenario())).fits).toBe(false);
  });
});

describe('bad links are refused with what is wrong and where', () => {
  it('a truncated link', async () => {
    const payload = await encodeScenario(defaultScenario());
    for (const cut of [payload.length - 1, payload.length - 6, Math.floor(payload.length / 2), 4]) {
      expect(await refusal(payload.slice(0, cut))).toMatch(/^\(link\): the link is (damaged or )?cut short/);
    }
    expect(await refusal('1.')).toMatch(/cut short: it has a version but no design data/);
    expect(await refusal('')).toMatch(/holds no design/);
  });

  it('corrupted base64: a character that cannot be in a link, or a changed one', async () => {
    const payload = await encodeScenario(defaultScenario());
    expect(await refusal(`${payload.slice(0, 20)}*${payload.slice(21)}`)).toMatch(/character no share link contains \(“\*” at position 19/);
    expect(await refusal(`${payload.slice(0, 20)} ${payload.slice(21)}`)).toMatch(/character no share link contains/);
    // Any one character changed: the checksum (or the deflate stream itself) catches it.
    for (const at of [3, 10, Math.floor(payload.length / 2), payload.length - 2]) {
      const c = payload[at] === 'A' ? 'B' : 'A';
      expect(await refusal(payload.slice(0, at) + c + payload.slice(at + 1)), `changed at ${at}`).toMatch(/damaged/);
    }
  });

  it('the wrong compression: raw deflate, gzip, or none', async () => {
    const json = JSON.stringify(defaultScenario());
    for (const payload of [await payloadWith(json, 'deflate-raw'), await payloadWith(json, 'gzip'), `1.${toBase64Url(new TextEncoder().encode(json))}`]) {
      expect(await refusal(payload)).toMatch(/damaged or cut short: its data does not unpack/);
    }
  });

  it('a future link format or scenario version: made by a newer version', async () => {
    const payload = await encodeScenario(defaultScenario());
    expect(await refusal(`2${payload.slice(1)}`)).toBe('(link): made by a newer version of Backpressure Playground (link format 2; this app reads up to 1). Open it in an up-to-date copy of the app');
    expect(await refusal(await payloadWith(JSON.stringify({ ...defaultScenario(), version: 2 })))).toMatch(/^version: made by a newer version .*\(scenario version 2; this app reads up to 1\)/);
    expect(await refusal(`0${payload.slice(1)}`)).toMatch(/unknown link format version 0/);
    expect(await refusal('hello')).toMatch(/not a share link of this app/);
  });

  it('impossible numbers, named by field path', async () => {
    const text = scenarioWith([{ id: 'clients', type: 'producer', rate: -5 }, { id: 'db', type: 'service', concurrency: 0, serviceTime: { dist: 'constant', ms: 1 } }]);
    const why = await refusal(await payloadWith(text));
    expect(why).toMatch(/^nodes\[0\] \(clients\)\.rate: must be ≥ 0 \(a rate in items\/s\); got -5$/m);
    expect(why).toMatch(/^nodes\[1\] \(db\)\.concurrency: needs at least 1 worker; got 0$/m);
  });

  it('thousands of nodes', async () => {
    const nodes = Array.from({ length: 5000 }, (_, i) => ({ id: `q${i}`, type: 'queue', capacity: 1 }));
    expect(await refusal(await payloadWith(scenarioWith(nodes)))).toMatch(/^nodes: at most 1000 nodes/m);
  });

  it('a zip bomb: refused once the unpacked data passes the cap, without unpacking it all', async () => {
    // Valid JSON padded with 50 MB of spaces packs into a few dozen KB.
    const bomb = `{"version":1,"nodes":[],"pad":"${' '.repeat(50 * 1024 * 1024)}"}`;
    const payload = await payloadWith(bomb);
    expect(payload.length).toBeLessThan(80_000);
    expect(await refusal(payload.slice(0, 60_000))).toMatch(/unpacks to more than 2\.0 MB, more than any scenario/);
    const packed = fromBase64Url(payload.slice(2, 40_002)) as Uint8Array;
    const r = await inflateCapped(packed, MAX_SCENARIO_BYTES);
    expect(r).toEqual({ ok: false, why: 'too-big' });
  });

  it('script in a label is refused, and so is markup in the name and description', async () => {
    const why = await refusal(await payloadWith(scenarioWith([{ id: 'a', type: 'producer', rate: 1, label: '<img src=x onerror=alert(1)>' }], { name: '<script>alert(1)</script>' })));
    expect(why).toMatch(/^name: plain text only, no HTML tags; found "<script"/m);
    expect(why).toMatch(/^nodes\[0\] \(a\)\.label: plain text only, no HTML tags; found "<img"/m);
  });

  it('an unknown field, named with where it is', async () => {
    expect(await refusal(await payloadWith(scenarioWith([{ id: 'a', type: 'producer', rate: 1, colour: 'red' }])))).toBe('nodes[0] (a): unknown field "colour"');
    expect(await refusal(await payloadWith(scenarioWith([], { owner: 'me' })))).toBe('(scenario): unknown field "owner"');
  });

  it('JSON that is not an object, text that is not JSON, and binary data', async () => {
    expect(await refusal(await payloadWith('[1, 2, 3]'))).toMatch(/^\(scenario\): expected object, got a list/);
    expect(await refusal(await payloadWith('42'))).toMatch(/^\(scenario\): expected object/);
    expect(await refusal(await payloadWith('{"version": 1, "nodes": ['))).toMatch(/^\(link\): not valid JSON/);
    expect(await refusal(await payloadWith('   '))).toBe('(link): empty: there is no scenario in it');
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe]);
    const stream = new Blob([binary]).stream().pipeThrough(new CompressionStream('deflate'));
    const packed = toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
    expect(await refusal(`1.${packed}`)).toMatch(/^\(link\): not text: this is a binary file/);
  });

  it('an absurdly long fragment is refused before any unpacking', async () => {
    expect(await refusal(`1.${'A'.repeat(100_000)}`)).toMatch(/the link is 100,002 characters, far longer than any share link \(at most 8,000\)/);
  });
});

describe('base64url', () => {
  it('round-trips any bytes, with no padding and no + or /', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });
});
