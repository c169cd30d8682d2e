/**
 * Big designs for bench:ui: `parts` nodes as independent lines of five (producer → bounded queue →
 * service → queue → service), laid out in a grid, each line a little under capacity so queues
 * hold some depth. Plain scenario JSON, the same the CLI reads.
 */
import type { BenchScenario } from './scenario30';

export const LINE_PARTS = 5;

export function scenarioLines(parts: number, ratePerLine = 100): BenchScenario {
  const lines = Math.ceil(parts / LINE_PARTS);
  const nodes: Record<string, unknown>[] = [];
  const edges: { from: string; to: string }[] = [];
  // Lines stacked in columns of 20, so the whole design fits a wide view.
  const at = (line: number, k: number) => ({ x: (Math.floor(line / 20) * 6 + k) * 260, y: (line % 20) * 190 });
  for (let l = 0; l < lines; l++) {
    const ids = [`p${l}`, `q${l}a`, `s${l}a`, `q${l}b`, `s${l}b`].slice(0, Math.min(LINE_PARTS, parts - l * LINE_PARTS));
    const make = [
      { type: 'producer', rate: ratePerLine, arrival: 'poisson' },
      { type: 'queue', capacity: 200, overflow: 'drop-newest' },
      { type: 'service', concurrency: 2, serviceTime: { dist: 'exponential', meanMs: (1000 / ratePerLine) * 1.6 } },
      { type: 'queue', capacity: 100, overflow: 'drop-oldest' },
      { type: 'service', concurrency: 2, serviceTime: { dist: 'lognormal', meanMs: (1000 / ratePerLine) * 1.5, sigma: 0.5 } },
    ];
    ids.forEach((id, k) => {
      nodes.push({ id, ...make[k], position: at(l, k) });
      if (k > 0) edges.push({ from: ids[k - 1]!, to: id });
    });
  }
  return { version: 1, name: `${parts} parts`, seed: 7, durationMs: 3_600_000, nodes, edges };
}
