import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/index';
import { defaultScenario } from './defaultScenario';
import { createScenarioStore, scenarioOf } from './scenarioStore';

const fresh = () => createScenarioStore(defaultScenario());
const EDGE = 'buffer->workers';

describe('flow control on an edge (setEdgeFlow)', () => {
  it('puts an HTTP/2 window on a send edge with its defaults; the design is a scenario the engine accepts', () => {
    const store = fresh();
    const before = store.getState().structureVersion;
    expect(store.getState().setEdgeFlow(EDGE, { mode: 'http2' })).toBeNull();
    expect(store.getState().structureVersion).toBe(before + 1); // the window is built into the run
    const s = JSON.parse(JSON.stringify(scenarioOf(store.getState())));
    expect(s.edges[1]).toEqual({ from: 'buffer', to: 'workers', flow: { mode: 'http2', streamWindowBytes: 65_535, connectionWindowBytes: 65_535, updateThreshold: 0.5 } });
    expect(parseScenario(s).ok).toBe(true);
  });

  it('refuses a bad value with the reason and changes nothing', () => {
    const store = fresh();
    expect(store.getState().setEdgeFlow(EDGE, { mode: 'node-stream', highWaterMark: 0 })).toMatch(/highWaterMark: must be ≥ 1/);
    expect(scenarioOf(store.getState()).edges[1]).toEqual({ from: 'buffer', to: 'workers' });
  });

  it('"none" takes it off again, and a load keeps it', () => {
    const store = fresh();
    store.getState().setEdgeFlow(EDGE, { mode: 'tcp' });
    const saved = scenarioOf(store.getState());
    store.getState().setEdgeFlow(EDGE, null);
    expect(scenarioOf(store.getState()).edges[1]).toEqual({ from: 'buffer', to: 'workers' });
    store.getState().loadScenario(saved);
    expect(scenarioOf(store.getState()).edges[1]!.flow).toMatchObject({ mode: 'tcp', receiveWindowBytes: 65_535 });
  });

  it('belongs to send edges: a call edge refuses it, and making an edge a call drops it', () => {
    const store = fresh();
    store.getState().setEdgeFlow(EDGE, { mode: 'reactive-streams' });
    const st = store.getState();
    const a = st.addNode('service', { x: 0, y: 400 });
    const b = st.addNode('service', { x: 300, y: 400 });
    expect(store.getState().connect(a, b, 'call')).toBeNull();
    expect(store.getState().setEdgeFlow(`${a}->${b}`, { mode: 'http2' })).toMatch(/flow control applies to send edges; this is a call edge/);
    expect(store.getState().connect(b, 'workers')).toBeNull();
    store.getState().setEdgeFlow(`${b}->workers`, { mode: 'http2' });
    expect(store.getState().setEdgeKind(`${b}->workers`, 'call')).toBeNull();
    const s = scenarioOf(store.getState());
    expect(s.edges.find((e) => e.from === b && e.to === 'workers')).toEqual({ from: b, to: 'workers', kind: 'call' });
    expect(parseScenario(JSON.parse(JSON.stringify(s))).ok).toBe(true);
  });
});
