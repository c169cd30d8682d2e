import { describe, expect, it } from 'vitest';
import { NODE_KIND_CODES, type NodeType } from '../../engine/index';
import { chartsFor, type ChartKind } from './metrics';

const KINDS = Object.keys(NODE_KIND_CODES) as NodeType[];
// A design with one part of every kind, a service among them calling another.
const DESIGN = { nodes: KINDS.map((type, k) => ({ id: `${type}-${k}`, type, calls: type === 'service' })) };

describe('chartsFor', () => {
  it.each<ChartKind>(['system', 'calls', ...KINDS])('gives %s five charts or fewer, each with its own key (the panel keys them by it)', (kind) => {
    const specs = chartsFor(kind, DESIGN);
    expect(specs.length).toBeGreaterThan(0);
    expect(specs.length).toBeLessThanOrEqual(5);
    expect(new Set(specs.map((s) => s.key)).size).toBe(specs.length);
  });
});
