import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../engine/index';
import { createScenarioStore, scenarioOf } from './scenarioStore';

const files = import.meta.glob('../../../scenarios/lessons/07-slow-database-breaker.json', { import: 'default', eager: true }) as Record<string, unknown>;

function lessonWith(lock: unknown): Scenario {
  const data = Object.values(files)[0] as Record<string, unknown>;
  const p = parseScenario({ ...data, lock });
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.value;
}

const locked = () => createScenarioStore(lessonWith({ editable: ['app.retryBudget', 'breaker.failureRateThreshold'], reason: 'tune only these' }));
const dataOf = (store: ReturnType<typeof locked>, id: string) => store.getState().nodes.find((n) => n.id === id)!.data as unknown as Record<string, unknown>;

describe('the lock, held by the design store', () => {
  it('applies an edit to an editable field', () => {
    const store = locked();
    expect(store.getState().setParam('breaker', { failureRateThreshold: 30 })).toBeNull();
    expect(dataOf(store, 'breaker').failureRateThreshold).toBe(30);
    expect(store.getState().setParam('app', { retryBudget: { kind: 'token-bucket', maxTokens: 10, tokenRatio: 0.1 } })).toBeNull();
    expect(dataOf(store, 'app').retryBudget).toMatchObject({ kind: 'token-bucket' });
    expect(store.getState().refused).toBeNull();
  });

  it('refuses an edit to a locked field, with the reason, and keeps the value', () => {
    const store = locked();
    const issues = store.getState().setParam('breaker', { waitDurationInOpenStateMs: 100 });
    expect(issues).toEqual([{ path: 'waitDurationInOpenStateMs', message: 'locked by this lesson: tune only these' }]);
    expect(dataOf(store, 'breaker').waitDurationInOpenStateMs).toBe(5000);
    expect(store.getState().refused?.text).toBe('Not applied: breaker.waitDurationInOpenStateMs is locked by this lesson: tune only these');
    // One locked field in a patch refuses the whole patch.
    expect(store.getState().setParam('breaker', { failureRateThreshold: 20, slidingWindowSize: 5 })).not.toBeNull();
    expect(dataOf(store, 'breaker').failureRateThreshold).toBe(50);
    expect(store.getState().setParam('database', { concurrency: 100 })?.[0]?.message).toMatch(/^locked by this lesson/);
  });

  it('refuses every structural edit: add, delete, wire, unwire, wire kind, flow control, events, alerts', () => {
    const store = locked();
    const before = JSON.stringify(scenarioOf(store.getState()));
    expect(store.getState().addNode('queue', { x: 0, y: 400 })).toBe('');
    expect(store.getState().remove(['cache'])).toMatch(/^Cannot delete a part: locked by this lesson/);
    expect(store.getState().remove([], ['breaker->cache'])).toMatch(/^Cannot remove a wire: locked by this lesson/);
    expect(store.getState().connect('api', 'cache')).toMatch(/^Cannot wire: locked by this lesson/);
    expect(store.getState().setEdgeKind('breaker->cache', 'send')).toMatch(/^Cannot change a wire/);
    expect(store.getState().setEdgeFlow('users->app', { mode: 'window', window: 10 } as never)).toMatch(/^Cannot change a wire/);
    expect(store.getState().addAlert({ node: 'api', metric: 'utilization', threshold: 0.9 } as never)?.[0]?.message).toMatch(/^Cannot add an alert rule/);
    store.getState().removeEvent(0);
    expect(JSON.stringify(scenarioOf(store.getState()))).toBe(before);
    expect(store.getState().structureVersion).toBe(0);
    expect(store.getState().refused?.text).toMatch(/^Cannot remove a scripted event/);
  });

  it('lets structural edits through when the lock allows structure, and says "design" outside a lesson', () => {
    const open = createScenarioStore(lessonWith({ editable: [], structure: true }));
    expect(open.getState().addNode('queue', { x: 0, y: 400 })).toBe('queue-1');
    expect(open.getState().remove(['queue-1'])).toBeNull();
    const { lesson: _l, ...design } = lessonWith({ editable: [] });
    const store = createScenarioStore(design);
    expect(store.getState().setParam('api', { concurrency: 2 })?.[0]?.message).toBe('locked by this design');
  });

  it('a whole node entry unlocks all its fields; the lesson\'s own "Try this" passes the lock', () => {
    const store = createScenarioStore(lessonWith({ editable: ['api'] }));
    expect(store.getState().setParam('api', { concurrency: 2, label: 'API' })).toBeNull();
    expect(store.getState().setParam('database', { concurrency: 2 })).not.toBeNull();
    expect(store.getState().setParam('database', { concurrency: 2 }, { asLesson: true })).toBeNull();
  });

  it('travels with the scenario and goes with it when another design is loaded', () => {
    const store = locked();
    const s = scenarioOf(store.getState());
    expect(s.lock?.editable).toEqual(['app.retryBudget', 'breaker.failureRateThreshold']);
    expect(parseScenario(JSON.parse(JSON.stringify(s))).ok).toBe(true);
    const { lock: _lock, ...free } = s;
    store.getState().loadScenario(free);
    expect(store.getState().setParam('database', { concurrency: 2 })).toBeNull();
    expect(store.getState().addNode('queue', { x: 0, y: 400 })).toBe('queue-1');
  });
});
