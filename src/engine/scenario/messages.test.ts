import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario, formatIssues } from './validate';

const mm1k = JSON.parse(readFileSync('scenarios/mm1k.json', 'utf8'));

function refusal(data: unknown): string {
  const r = parseScenario(data);
  if (r.ok) throw new Error('expected a refusal');
  return formatIssues(r.issues);
}

describe('refusal messages name the value refused', () => {
  it('an unknown node type says which type it got', () => {
    const msg = refusal({ ...mm1k, nodes: [...mm1k.nodes, { id: 'x', type: 'blackhole' }] });
    expect(msg).toMatch(/nodes\[3\] \(x\)\.type: .*got "blackhole"/);
  });
  it('a long given string is shortened', () => {
    const msg = refusal({ ...mm1k, nodes: [...mm1k.nodes, { id: 'x', type: 'b'.repeat(200_000) }] });
    expect(msg).toContain('…');
    expect(msg.length).toBeLessThan(1000);
  });
});

describe('refusal messages name numbers, types and lengths', () => {
  it('a number out of range is given with the limit', () => {
    const msg = refusal({ ...mm1k, nodes: [mm1k.nodes[0], { ...mm1k.nodes[1], capacity: -5 }, mm1k.nodes[2]] });
    expect(msg).toMatch(/capacity: must be ≥ 0.*got -5/);
  });
  it('a wrong type says what was given', () => {
    expect(refusal({ ...mm1k, durationMs: 'abc' })).toMatch(/durationMs: .*got "abc"/);
    expect(refusal({ ...mm1k, durationMs: [1] })).toMatch(/durationMs: .*got a list/);
    expect(refusal({ ...mm1k, durationMs: { a: 1 } })).toMatch(/durationMs: .*got an object/);
  });
  it('an unknown key is named, even __proto__', () => {
    expect(refusal({ ...mm1k, ...JSON.parse('{"__proto__": 1}') })).toMatch(/unknown field "__proto__"/);
  });
});

describe('a long id is not echoed whole', () => {
  it('a 100k-character node id in a wiring refusal is cut short', () => {
    const id = 'x'.repeat(100_000);
    const msg = refusal({ ...mm1k, edges: [...mm1k.edges, { from: id, to: 'buffer' }] });
    expect(msg).toContain('…');
    expect(msg.length).toBeLessThan(1000);
  });
});
