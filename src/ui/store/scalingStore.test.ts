/** Store actions for the scaling parts: an autoscaler's wire, and alert rules as part of the design. */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/index';
import { defaultScenario } from './defaultScenario';
import { createScenarioStore, scenarioOf } from './scenarioStore';

const fresh = () => createScenarioStore(defaultScenario());

describe('autoscaler wiring in the store', () => {
  it('a wire from an autoscaler becomes a "scales" edge; a wire into one is refused with a reason', () => {
    const store = fresh();
    const hpa = store.getState().addNode('autoscaler', { x: 0, y: 300 });
    expect(store.getState().connect(hpa, 'workers')).toBeNull();
    expect(store.getState().edges.find((e) => e.source === hpa)?.data?.kind).toBe('scales');
    expect(store.getState().connect('buffer', hpa)).toBe(`an autoscaler receives no items; "${hpa}" is an autoscaler`);
    expect(store.getState().connect(hpa, 'buffer')).toBe('an autoscaler scales a service or a consumer group; "buffer" is a queue');
    const other = store.getState().addNode('service', { x: 600, y: 300 });
    expect(store.getState().connect(hpa, other)).toBe('autoscaler "autoscaler-1" already scales "workers": one target each');
    expect(parseScenario(scenarioOf(store.getState())).ok).toBe(true);
  });
});

describe('alert rules in the store', () => {
  it('addAlert validates against the whole design and restarts the run; removeAlert takes it out', () => {
    const store = fresh();
    const v = store.getState().structureVersion;
    expect(store.getState().addAlert({ node: 'buffer', metric: 'depth-growth', threshold: 20 })).toBeNull();
    expect(store.getState().structureVersion).toBe(v + 1);
    expect(scenarioOf(store.getState()).alerts).toEqual([{ node: 'buffer', metric: 'depth-growth', threshold: 20, forMs: 0, windowMs: 10_000 }]);
    expect(store.getState().addAlert({ node: 'buffer', metric: 'utilization', threshold: 80 })).toEqual([
      { path: 'alerts[1].metric', message: 'utilization is measured on services; "buffer" is a queue' },
    ]);
    store.getState().removeAlert(0);
    expect(scenarioOf(store.getState()).alerts).toBeUndefined();
  });

  it('deleting a node drops the rules that watch it, so the design stays valid', () => {
    const store = fresh();
    store.getState().addAlert({ node: 'buffer', metric: 'depth', threshold: 40 });
    store.getState().addAlert({ metric: 'p99', threshold: 500 });
    store.getState().remove(['buffer']);
    const s = scenarioOf(store.getState());
    expect(s.alerts).toEqual([{ metric: 'p99', threshold: 500, forMs: 0, windowMs: 10_000 }]);
    expect(parseScenario(s).ok).toBe(true);
  });
});
