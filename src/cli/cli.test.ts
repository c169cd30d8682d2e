/**
 * The CLI is a contract other tools use: run it the way they do (a child process) and check the
 * JSON report's shape, determinism, and that bad input gives a clear message and no stack trace.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const main = join(root, 'src', 'cli', 'main.ts');
const dir = mkdtempSync(join(tmpdir(), 'bp-cli-'));

function sim(...args: string[]) {
  const r = spawnSync(tsx, [main, ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

const mm1k = {
  version: 1,
  name: 'M/M/1/K',
  seed: 1,
  durationMs: 60000,
  nodes: [
    { id: 'clients', type: 'producer', rate: 90, arrival: 'poisson' },
    { id: 'buffer', type: 'queue', capacity: 4, overflow: 'drop-newest' },
    { id: 'workers', type: 'service', concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 10 } },
  ],
  edges: [
    { from: 'clients', to: 'buffer' },
    { from: 'buffer', to: 'workers' },
  ],
};

describe('sim --json', () => {
  const good = file('mm1k.json', mm1k);

  it('prints one JSON object with the documented fields', () => {
    const r = sim(good, '--json');
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout);
    expect(Object.keys(rep)).toEqual(expect.arrayContaining(['simulatedMs', 'events', 'wallMs', 'nodes', 'endToEnd']));
    expect(rep.simulatedMs).toBe(60000);
    expect(Object.keys(rep.nodes.buffer)).toEqual(
      expect.arrayContaining(['type', 'arrived', 'accepted', 'rejected', 'dropped', 'expired', 'departed', 'meanDepth', 'maxDepth', 'meanWaitMs']),
    );
    expect(Object.keys(rep.nodes.workers)).toEqual(expect.arrayContaining(['type', 'arrived', 'completed', 'failed', 'meanServiceMs', 'utilization']));
    expect(Object.keys(rep.nodes.clients)).toEqual(expect.arrayContaining(['type', 'produced', 'accepted', 'refused', 'blockedMs']));
    expect(Object.keys(rep.endToEnd)).toEqual(expect.arrayContaining(['completed', 'meanLatencyMs', 'p50LatencyMs', 'p99LatencyMs']));
    expect(rep.nodes.buffer.arrived).toBe(rep.nodes.buffer.accepted + rep.nodes.buffer.rejected);
  });

  it('gives the identical report for the same scenario and seed (wallMs aside)', () => {
    const a = JSON.parse(sim(good, '--json', '--seed', '7').stdout);
    const b = JSON.parse(sim(good, '--json', '--seed', '7').stdout);
    const c = JSON.parse(sim(good, '--json', '--seed', '8').stdout);
    for (const r of [a, b, c]) delete r.wallMs;
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  it('reads a file that names its JSON Schema ($schema) as the same scenario', () => {
    const named = file('named.json', { $schema: 'http://localhost:4173/scenario.schema.json', ...mm1k });
    const a = JSON.parse(sim(named, '--json', '--duration', '1500').stdout);
    const b = JSON.parse(sim(good, '--json', '--duration', '1500').stdout);
    delete a.wallMs;
    delete b.wallMs;
    expect(a).toEqual(b);
  });

  it('--duration overrides the scenario duration', () => {
    expect(JSON.parse(sim(good, '--json', '--duration', '1500').stdout).simulatedMs).toBe(1500);
  });

  it('prints a readable table without --json', () => {
    const r = sim(good);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/queues\n\s+id\s+capacity\s+arrived/);
    expect(r.stdout).toMatch(/totals: produced [\d,]+ = completed/);
  });
});

describe('bad input', () => {
  const cases: [string, unknown, RegExp][] = [
    ['invalid JSON', '{ "version": 1, ', /not valid JSON: .* at line 1, column 17/],
    ['an unknown node type', { ...mm1k, nodes: [...mm1k.nodes, { id: 'x', type: 'database' }] }, /nodes\[3\] \(x\)\.type: unknown node type; expected one of "producer", "queue", "service"/],
    ['an edge to a missing node', { ...mm1k, edges: [{ from: 'clients', to: 'nowhere' }] }, /edges\[0\]\.to: no node with id "nowhere"/],
    ['a negative rate', { ...mm1k, nodes: [{ ...mm1k.nodes[0], rate: -5 }, ...mm1k.nodes.slice(1)] }, /nodes\[0\] \(clients\)\.rate: must be ≥ 0.*got -5/],
    ['capacity "abc"', { ...mm1k, nodes: [mm1k.nodes[0], { ...mm1k.nodes[1], capacity: 'abc' }, mm1k.nodes[2]] }, /nodes\[1\] \(buffer\)\.capacity: expected a capacity.*got "abc"/],
    [
      'a cycle',
      { ...mm1k, edges: [...mm1k.edges, { from: 'workers', to: 'buffer' }] },
      /edges\[2\]: makes a loop \(buffer → workers → buffer\)/,
    ],
    ['a producer as a receiver', { ...mm1k, edges: [...mm1k.edges, { from: 'workers', to: 'clients' }] }, /edges\[2\]: a producer cannot receive items/],
    ['a misspelt field', { ...mm1k, nodes: [mm1k.nodes[0], { ...mm1k.nodes[1], capcity: 3 }, mm1k.nodes[2]] }, /nodes\[1\] \(buffer\): unknown field "capcity"/],
    ['a future version', { ...mm1k, version: 2 }, /version: made by a newer version of Backpressure Playground \(scenario version 2; this app reads up to 1\)/],
  ];
  for (const [what, content, message] of cases) {
    it(`${what}: exits 1 with the field path and what is wrong`, () => {
      const r = sim(file(`${what.replace(/\W+/g, '-')}.json`, content), '--json');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
  }

  it('a missing file', () => {
    const r = sim(join(dir, 'nope.json'));
    expect([r.code, r.stderr]).toEqual([1, `${join(dir, 'nope.json')}: cannot read the scenario: no such file\n`]);
  });

  it.each([
    ['a directory', () => dir],
    ['text that is not JSON', () => file('text.json', 'hello')],
    ['JSON that is not a scenario', () => file('list.json', '[1, 2, 3]')],
    ['__proto__ and constructor keys', () => file('proto.json', `{"__proto__": {"x": 1}, "constructor": 1, ${JSON.stringify(mm1k).slice(1)}`)],
    ['a 10k-deep nesting', () => file('deep.json', `{"version": 1, "nodes": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`)],
    ['a 200k-character node id', () => file('long.json', { ...mm1k, edges: [...mm1k.edges, { from: 'x'.repeat(200_000), to: 'buffer' }] })],
  ])('%s: exits 1 with a short message and no stack trace', (_name, path) => {
    const r = sim(path());
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).not.toMatch(/Error:/);
    expect(r.stderr.length).toBeLessThan(2_000);
  });

  it('a bad flag prints usage and exits 2', () => {
    const r = sim(file('ok.json', mm1k), '--seed', '-1');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--seed: expected a whole number >= 0, got "-1"[\s\S]*Usage:/);
  });
});

describe('runaway scenario', () => {
  it('stops at the item limit, reports, and names the node that grew', () => {
    const flood = file('flood.json', {
      version: 1,
      durationMs: 3_600_000,
      nodes: [
        { id: 'sale', type: 'producer', rate: 100000, arrival: 'constant' },
        // No memory limit: with one (the default 512 MiB) it is OOM-killed and restarts instead (memory.test.ts).
        { id: 'orders', type: 'queue', capacity: null, memoryLimitBytes: null },
        { id: 'w', type: 'service', serviceTime: { dist: 'constant', ms: 10 } },
      ],
      edges: [
        { from: 'sale', to: 'orders' },
        { from: 'orders', to: 'w' },
      ],
    });
    const out = execFileSync(tsx, [main, flood, '--json'], { encoding: 'utf8', cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const rep = JSON.parse(out);
    expect(rep.halted).toMatchObject({ reason: 'runaway', nodeId: 'orders' });
    expect(rep.simulatedMs).toBeLessThan(11_000); // 1,000,000 items at ~100k/s net growth
  });
});
