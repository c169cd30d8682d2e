import { describe, expect, it } from 'vitest';
import { NODE_TYPES, parseScenario } from '../../engine/index';
import { defaultScenario } from './defaultScenario';
import { edgesFromScenario, starterConfig } from './graph';
import { createScenarioStore, scenarioOf } from './scenarioStore';

const fresh = () => createScenarioStore(defaultScenario());

/** producer → client → breaker → service, added from the palette as a person would. */
function chain() {
  const store = fresh();
  const st = () => store.getState();
  const p = st().addNode('producer', { x: 0, y: 400 });
  const c = st().addNode('client', { x: 300, y: 400 });
  const b = st().addNode('circuit-breaker', { x: 600, y: 400 });
  const s = st().addNode('service', { x: 900, y: 400 });
  for (const [from, to] of [
    [p, c],
    [c, b],
    [b, s],
  ] as const)
    expect(st().connect(from, to)).toBeNull();
  return { store, p, c, b, s };
}

describe('new kinds from the palette', () => {
  it('every kind starts from a valid, workshop-sized config', () => {
    for (const kind of NODE_TYPES) expect(starterConfig(kind, `${kind}-1`).type).toBe(kind);
    expect(starterConfig('circuit-breaker', 'b')).toMatchObject({
      slidingWindowSize: 20,
      minimumNumberOfCalls: 10,
      waitDurationInOpenStateMs: 5000,
      permittedNumberOfCallsInHalfOpenState: 3,
      slowCallDurationThresholdMs: 1000,
    });
    expect(starterConfig('client', 'c')).toMatchObject({ timeoutMs: 1000, maxAttempts: 3, backoff: { jitter: 'full' } });
  });

  it('a chain built on the canvas is a scenario the engine accepts', () => {
    const { store } = chain();
    const parsed = parseScenario(JSON.parse(JSON.stringify(scenarioOf(store.getState()))));
    expect(parsed.ok).toBe(true);
  });
});

describe('edge kinds', () => {
  it('setEdgeKind refuses what the engine refuses, with its reason, and changes nothing', () => {
    const { store, p, c, b, s } = chain();
    const version = store.getState().structureVersion;
    expect(store.getState().setEdgeKind(`${c}->${b}`, 'call')).toMatch(/client calls through its ordinary outputs/);
    expect(store.getState().setEdgeKind(`${p}->${c}`, 'fallback')).toMatch(/only a circuit breaker has a fallback route/);
    expect(store.getState().setEdgeKind(`${b}->${s}`, 'call')).toMatch(/only a service makes calls/);
    expect(store.getState().structureVersion).toBe(version);
    expect(scenarioOf(store.getState()).edges.every((e) => e.kind === undefined)).toBe(true);
  });

  it('a call from a service and a fallback from a breaker are carried into the scenario', () => {
    const { store, b, s } = chain();
    const st = () => store.getState();
    const db = st().addNode('service', { x: 1200, y: 400 });
    const cache = st().addNode('service', { x: 900, y: 700 });
    expect(st().connect(s, db)).toBeNull();
    expect(st().connect(b, cache)).toBeNull();
    const version = st().structureVersion;
    expect(st().setEdgeKind(`${s}->${db}`, 'call')).toBeNull();
    expect(st().setEdgeKind(`${b}->${cache}`, 'fallback')).toBeNull();
    expect(st().structureVersion).toBe(version + 2);

    const scenario = scenarioOf(st());
    expect(scenario.edges).toContainEqual({ from: s, to: db, kind: 'call' });
    expect(scenario.edges).toContainEqual({ from: b, to: cache, kind: 'fallback' });
    expect(scenario.edges).toContainEqual({ from: b, to: s });
    const parsed = parseScenario(JSON.parse(JSON.stringify(scenario)));
    expect(parsed.ok).toBe(true);
    // And back: a scenario's kinds come onto the canvas.
    if (parsed.ok) expect(edgesFromScenario(parsed.value).find((e) => e.source === s && e.target === db)?.data?.kind).toBe('call');
  });

  it('connect can draw a call edge directly, and refuses one from a producer', () => {
    const store = fresh();
    expect(store.getState().connect('clients', 'workers', 'call')).toMatch(/only a service makes calls/);
    const db = store.getState().addNode('service', { x: 900, y: 300 });
    expect(store.getState().connect('workers', db, 'call')).toBeNull();
    expect(scenarioOf(store.getState()).edges).toContainEqual({ from: 'workers', to: db, kind: 'call' });
  });

  it('a service tunes its calls under `call`; a bad value is refused and the last good one kept', () => {
    const store = fresh();
    expect(store.getState().setParam('workers', { call: { timeoutMs: 500, maxAttempts: 2 } })).toBeNull();
    expect(store.getState().nodes.find((n) => n.id === 'workers')!.data).toMatchObject({ call: { timeoutMs: 500, maxAttempts: 2, backoff: { jitter: 'full' } } });
    const issues = store.getState().setParam('workers', { call: { timeoutMs: 500, maxAttempts: 20 } });
    expect(issues?.[0]?.message).toMatch(/at most 10/);
    expect(store.getState().nodes.find((n) => n.id === 'workers')!.data).toMatchObject({ call: { maxAttempts: 2 } });
  });
});
