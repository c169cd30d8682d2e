/** The log parts in the editor's store: wiring a topic and its group as a person would, without a browser. */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/index';
import { defaultScenario } from './defaultScenario';
import { createScenarioStore, scenarioOf } from './scenarioStore';

function pipeline() {
  const store = createScenarioStore(defaultScenario());
  const st = () => store.getState();
  const p = st().addNode('producer', { x: 0, y: 400 });
  const t = st().addNode('topic', { x: 300, y: 400 });
  const g = st().addNode('consumer-group', { x: 600, y: 400 });
  expect(st().connect(p, t)).toBeNull();
  expect(st().connect(t, g)).toBeNull();
  return { store, st, p, t, g };
}

describe('topic and consumer group on the canvas', () => {
  it('producer → topic → consumer group is a scenario the engine accepts; the group gets a short id', () => {
    const { st, g } = pipeline();
    expect(g).toBe('group-1');
    const parsed = parseScenario(JSON.parse(JSON.stringify(scenarioOf(st()))));
    expect(parsed.ok).toBe(true);
  });

  it('a topic feeds only a consumer group, and a group reads only a topic: refused with the reason', () => {
    const { st, t, g } = pipeline();
    expect(st().connect(t, 'workers')).toMatch(/a topic is read by a consumer group/);
    expect(st().connect('buffer', g)).toMatch(/a consumer group reads a topic/);
    const t2 = st().addNode('topic', { x: 300, y: 700 });
    expect(st().connect(t2, g)).toMatch(/already reads topic/);
  });

  it('a wire from a group to a topic can be its dead-letter route; from anything else it cannot', () => {
    const { st, g } = pipeline();
    const dlt = st().addNode('topic', { x: 900, y: 600 });
    expect(st().connect(g, dlt)).toBeNull();
    expect(st().setEdgeKind(`${g}->${dlt}`, 'dead-letter')).toBeNull();
    expect(scenarioOf(st()).edges).toContainEqual({ from: g, to: dlt, kind: 'dead-letter' });
    expect(st().setEdgeKind('clients->buffer', 'dead-letter')).toMatch(/only a consumer group has a dead-letter route/);
  });
});
