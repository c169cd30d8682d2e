import { describe, expect, it } from 'vitest';
import { NODE_TYPES } from '../../engine/core';
import { PART_COMPONENTS } from './components';
import { PART, PARTS } from './index';
import { PALETTE_GROUPS } from './part';

// The default design's kinds, whose views canvas/nodeTypes.tsx imports into the first chunk.
const FIRST_CHUNK = ['producer', 'queue', 'service'];

describe('the parts registry', () => {
  it('has one part for every kind of the scenario format', () => {
    expect(PARTS.map((p) => p.kind).sort()).toEqual([...NODE_TYPES].sort());
    for (const kind of NODE_TYPES) expect(PART[kind].kind).toBe(kind);
  });

  it('lists the palette by group, in the order people find them', () => {
    const shown = PALETTE_GROUPS.map((g) => [g, PARTS.filter((p) => p.palette.group === g).map((p) => p.name)]);
    expect(shown).toEqual([
      ['Traffic', ['Producer', 'Client']],
      ['Queues & work', ['Queue', 'Service', 'Load balancer', 'Fan-out', 'Shared row', 'Network link']],
      ['Guards', ['Rate limiter', 'Circuit breaker', 'Bulkhead', 'Load shedder', 'Concurrency limit']],
      ['Scaling', ['Autoscaler', 'Connection pool']],
      ['Streams', ['Topic', 'Consumer group']],
    ]);
  });

  it.each(NODE_TYPES)('loads the node view and the inspector fields of %s', async (kind) => {
    const c = PART_COMPONENTS[kind];
    expect(typeof (await c.fields())).toBe('function');
    if (FIRST_CHUNK.includes(kind)) expect(c.view).toBeUndefined();
    else expect(await c.view!()).toBeTruthy();
  });
});
