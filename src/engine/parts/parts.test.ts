import { describe, expect, it } from 'vitest';
import { PARTS } from './index';
import { NODE_TYPES } from '../scenario/constants';
import { NODE_KIND_CODES } from '../metrics/layout';
import { Sim } from '../kernel/sim';

describe('the parts list', () => {
  it('has one part per node type, in the order of NODE_TYPES', () => {
    expect(PARTS.map((p) => p.type)).toEqual([...NODE_TYPES]);
  });

  it("gives each part a schema for its own type and a snapshot kind code", () => {
    for (const p of PARTS) {
      expect(p.schema.shape.type.value).toBe(p.type);
      expect(NODE_KIND_CODES[p.type]).toBeTypeOf('number');
    }
  });

  it('builds nodes of their own type', () => {
    const sim = new Sim();
    PARTS.forEach((p, i) => {
      const n = p.create(sim, i, `n${i}`, 1);
      expect([n.type, n.index, n.id]).toEqual([p.type, i, `n${i}`]);
    });
  });
});
