import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/index';
import { defaultScenario } from './defaultScenario';
import { createScenarioStore, scenarioOf } from './scenarioStore';

const fresh = () => createScenarioStore(defaultScenario());

describe('scenario store actions', () => {
  it('opens on the example: clients → buffer → workers', () => {
    const s = fresh().getState();
    expect(s.nodes.map((n) => n.id)).toEqual(['clients', 'buffer', 'workers']);
    expect(s.edges.map((e) => e.id)).toEqual(['clients->buffer', 'buffer->workers']);
  });

  it('addNode names the node, puts it where nothing is, and selects it', () => {
    const store = fresh();
    const buffer = store.getState().nodes.find((n) => n.id === 'buffer')!;
    const id = store.getState().addNode('queue', buffer.position);
    const st = store.getState();
    expect(id).toBe('queue-1');
    const added = st.nodes.find((n) => n.id === id)!;
    expect(added.data).toMatchObject({ id: 'queue-1', type: 'queue', capacity: 20, overflow: 'drop-newest' });
    expect(added.position).not.toEqual(buffer.position);
    expect(st.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['queue-1']);
    expect(st.structureVersion).toBe(1);
    expect(store.getState().addNode('queue', buffer.position)).toBe('queue-2');
  });

  it('connect refuses what the engine refuses, with its reason, and draws nothing', () => {
    const store = fresh();
    expect(store.getState().connect('workers', 'clients')).toMatch(/producer cannot receive/);
    expect(store.getState().connect('workers', 'workers')).toMatch(/cannot feed itself/);
    expect(store.getState().connect('workers', 'buffer')).toMatch(/loop/);
    expect(store.getState().connect('clients', 'buffer')).toMatch(/already feeds/);
    expect(store.getState().edges).toHaveLength(2);
    expect(store.getState().structureVersion).toBe(0);
  });

  it('connect draws a valid edge', () => {
    const store = fresh();
    const q = store.getState().addNode('queue', { x: 0, y: 400 });
    expect(store.getState().connect('workers', q)).toBeNull();
    expect(store.getState().edges.map((e) => e.id)).toContain(`workers->${q}`);
  });

  it('setParam refuses a bad value and keeps the last good one', () => {
    const store = fresh();
    const issues = store.getState().setParam('buffer', { capacity: -5 });
    expect(issues?.[0]?.message).toMatch(/≥ 0/);
    expect(store.getState().nodes.find((n) => n.id === 'buffer')!.data).toMatchObject({ capacity: 50 });
    expect(store.getState().setParam('clients', { rate: 'abc' })?.[0]?.message).toMatch(/got "abc"/);
  });

  it('setParam applies a good value without touching the structure', () => {
    const store = fresh();
    expect(store.getState().setParam('buffer', { capacity: 200 })).toBeNull();
    expect(store.getState().nodes.find((n) => n.id === 'buffer')!.data).toMatchObject({ capacity: 200 });
    expect(store.getState().setParam('buffer', { maxAgeMs: 500 })).toBeNull();
    expect(store.getState().setParam('buffer', { maxAgeMs: undefined })).toBeNull();
    expect(store.getState().nodes.find((n) => n.id === 'buffer')!.data).not.toHaveProperty('maxAgeMs');
    expect(store.getState().structureVersion).toBe(0);
  });

  it('remove takes a node and its edges away in one edit', () => {
    const store = fresh();
    store.getState().remove(['buffer']);
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['clients', 'workers']);
    expect(store.getState().edges).toEqual([]);
    expect(store.getState().structureVersion).toBe(1);
  });

  it('the graph is the scenario: what the canvas holds parses as one', () => {
    const store = fresh();
    store.getState().addNode('service', { x: 900, y: 0 });
    store.getState().setSeed(7);
    const s = scenarioOf(store.getState());
    const parsed = parseScenario(JSON.parse(JSON.stringify(s)));
    expect(parsed.ok).toBe(true);
    expect(s.seed).toBe(7);
    expect(s.nodes.find((n) => n.id === 'buffer')?.position).toEqual({ x: 310, y: 0 });
  });
});
