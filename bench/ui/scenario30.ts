/**
 * The bench:ui workload: 30 nodes at 50,000 items/s in all. Five lines, each a 10k items/s producer
 * into a bounded queue and a service a little faster than its load, then a second queue and
 * service; the five lines merge into one shared tail (queue → service → queue → two services),
 * which is a little over 50k items/s of capacity, so queues hold some depth without running away
 * (line 0 is a little overloaded and drops).
 * Plain scenario JSON, the same the CLI reads.
 */
export interface BenchScenario {
  version: 1;
  name: string;
  seed: number;
  durationMs: number;
  nodes: Record<string, unknown>[];
  edges: { from: string; to: string }[];
}

export const LINES = 5;
export const RATE_PER_LINE = 10_000;

export function scenario30(): BenchScenario {
  const nodes: Record<string, unknown>[] = [];
  const edges: { from: string; to: string }[] = [];
  const at = (col: number, row: number) => ({ x: col * 260, y: row * 190 });
  for (let l = 0; l < LINES; l++) {
    const p = `p${l}`, q1 = `q${l}a`, s1 = `s${l}a`, q2 = `q${l}b`, s2 = `s${l}b`;
    nodes.push(
      { id: p, type: 'producer', rate: RATE_PER_LINE, arrival: 'poisson', position: at(0, l) },
      { id: q1, type: 'queue', capacity: 2000, overflow: 'drop-newest', position: at(1, l) },
      // 16 workers at 1.5 ms: about 10,700 items/s, just above the line's load; line 0 gets 14
      // (9,300 items/s), so its first queue fills and drops: refusals and drops to draw too.
      { id: s1, type: 'service', concurrency: l === 0 ? 14 : 16, serviceTime: { dist: 'exponential', meanMs: 1.5 }, position: at(2, l) },
      { id: q2, type: 'queue', capacity: 1000, overflow: 'drop-oldest', position: at(3, l) },
      { id: s2, type: 'service', concurrency: 12, serviceTime: { dist: 'lognormal', meanMs: 1, sigma: 0.5 }, position: at(4, l) },
    );
    edges.push({ from: p, to: q1 }, { from: q1, to: s1 }, { from: s1, to: q2 }, { from: q2, to: s2 }, { from: s2, to: 'merge' });
  }
  const mid = (LINES - 1) / 2;
  nodes.push(
    { id: 'merge', type: 'queue', capacity: 5000, overflow: 'drop-newest', position: at(5, mid) },
    { id: 'merge-svc', type: 'service', concurrency: 64, serviceTime: { dist: 'exponential', meanMs: 1.1 }, position: at(6, mid) },
    { id: 'out', type: 'queue', capacity: 5000, overflow: 'block', position: at(7, mid) },
    { id: 'out-a', type: 'service', concurrency: 32, serviceTime: { dist: 'exponential', meanMs: 1.1 }, position: at(8, mid - 1) },
    { id: 'out-b', type: 'service', concurrency: 32, serviceTime: { dist: 'exponential', meanMs: 1.1 }, position: at(8, mid + 1) },
  );
  edges.push({ from: 'merge', to: 'merge-svc' }, { from: 'merge-svc', to: 'out' }, { from: 'out', to: 'out-a' }, { from: 'out', to: 'out-b' });
  return { version: 1, name: '30 nodes at 50k items/s', seed: 7, durationMs: 300_000, nodes, edges };
}
