/**
 * Random valid scenarios for property tests of everything that carries a whole scenario (links,
 * files, the autosave): every node kind the palette offers, with its starter config, tweaked
 * numbers, free text in labels (any Unicode, quotes, `<` and `&`), positions, seeds and
 * durations, wired in a chain wherever the wiring rules allow.
 */
import fc from 'fast-check';
import { parseNode, parseScenario, wiringError, type NodeConfig, type NodeType, type Scenario } from '../../engine/index';
import { STARTERS } from '../store/starters';

const TYPES = Object.keys(STARTERS) as NodeType[];

/** A starter config with its numbers scaled, kept only where the schema still accepts it. */
function tweaked(type: NodeType, id: string, factors: number[], label: string | undefined, x: number, y: number): NodeConfig {
  const base: Record<string, unknown> = { id, type, ...STARTERS[type] };
  let k = 0;
  const scaled: Record<string, unknown> = { ...base };
  for (const [key, v] of Object.entries(base)) {
    if (typeof v === 'number' && k < factors.length) scaled[key] = Math.round(v * factors[k++]! * 1000) / 1000;
  }
  const candidates: Record<string, unknown>[] = [
    { ...scaled, label, position: { x, y } },
    { ...base, label, position: { x, y } },
    { ...base, position: { x, y } },
  ];
  for (const c of candidates) {
    if (c.label === undefined) delete c.label;
    const p = parseNode(c);
    if (p.ok) return p.value;
  }
  throw new Error(`the starter config of ${type} is invalid`);
}

const nodeSpec = fc.record({
  type: fc.constantFrom(...TYPES),
  factors: fc.array(fc.double({ min: 0, max: 8, noNaN: true }), { maxLength: 4 }),
  label: fc.option(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('p99 < 50 ms & “quotes”', 'Tom & Jerry’s \\ "db"', '&lt;b&gt; not a tag')), { nil: undefined }),
  x: fc.integer({ min: -5000, max: 5000 }),
  y: fc.integer({ min: -5000, max: 5000 }),
});

export const validScenario: fc.Arbitrary<Scenario> = fc
  .record({
    name: fc.string({ maxLength: 60 }),
    description: fc.option(fc.string({ unit: 'grapheme', maxLength: 300 }), { nil: undefined }),
    seed: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    durationMs: fc.integer({ min: 1, max: 3_600_000 }),
    producer: nodeSpec,
    rest: fc.array(nodeSpec, { maxLength: 12 }),
  })
  .map(({ name, description, seed, durationMs, producer, rest }) => {
    const nodes = [tweaked('producer', 'p0', producer.factors, producer.label, producer.x, producer.y)];
    rest.forEach((s, i) => nodes.push(tweaked(s.type === 'producer' ? 'queue' : s.type, `n${i + 1}`, s.factors, s.label, s.x, s.y)));
    const edges: { from: string; to: string }[] = [];
    for (let i = 0; i + 1 < nodes.length; i++) if (!wiringError(nodes[i]!, nodes[i + 1]!)) edges.push({ from: nodes[i]!.id, to: nodes[i + 1]!.id });
    return parseScenario({ version: 1, name, ...(description !== undefined ? { description } : {}), seed, durationMs, nodes, edges });
  })
  .filter((p) => p.ok)
  .map((p) => (p as { ok: true; value: Scenario }).value);
