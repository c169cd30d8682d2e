import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../engine/index';
import { createScenarioStore, scenarioOf } from '../store/scenarioStore';
import { describeEvent } from './scriptedEvents';

function design(): Scenario {
  const p = parseScenario({
    version: 1,
    nodes: [
      { id: 'users', type: 'producer', rate: 50 },
      { id: 'db', type: 'service', serviceTime: { dist: 'constant', ms: 40 } },
    ],
    edges: [{ from: 'users', to: 'db' }],
  });
  if (!p.ok) throw new Error('invalid');
  return p.value;
}

describe('scripted events as store actions', () => {
  it('adds events to the design (a structural edit: the run restarts) and lists them in words', () => {
    const store = createScenarioStore(design());
    const v = store.getState().structureVersion;
    expect(store.getState().addEvents([{ atMs: 30_000, node: 'db', set: { serviceTime: { dist: 'constant', ms: 900 } } }])).toBeNull();
    expect(store.getState().addEvents([{ atMs: 40_000, node: 'db', down: true }, { atMs: 50_000, node: 'db', down: false }])).toBeNull();
    expect(store.getState().structureVersion).toBe(v + 2);
    expect(scenarioOf(store.getState()).events!.map(describeEvent)).toEqual([
      'At 30 s: service time = 900 ms',
      'At 40 s: fails (refuses everything, 503)',
      'At 50 s: recovers',
    ]);
  });

  it('refuses a bad event with its field path and adds nothing', () => {
    const store = createScenarioStore(design());
    expect(store.getState().addEvents([{ atMs: 1000, node: 'db', set: { concurrency: 0 } }])).toEqual([
      { path: 'events[0].set.concurrency', message: expect.stringMatching(/at least 1 worker/) },
    ]);
    expect(store.getState().addEvents([{ atMs: 120_000, node: 'db', down: true }])![0]!.path).toBe('events[0].atMs');
    expect(scenarioOf(store.getState()).events ?? []).toEqual([]);
  });

  it('removes one event, and the events of a deleted node go with it', () => {
    const store = createScenarioStore(design());
    store.getState().addEvents([
      { atMs: 1000, node: 'users', set: { rate: 200 } },
      { atMs: 2000, node: 'db', down: true },
    ]);
    store.getState().removeEvent(0);
    expect(scenarioOf(store.getState()).events).toEqual([{ atMs: 2000, node: 'db', down: true }]);
    store.getState().remove(['db']);
    expect(scenarioOf(store.getState()).events).toEqual([]);
    expect(parseScenario(scenarioOf(store.getState())).ok).toBe(true);
  });
});
