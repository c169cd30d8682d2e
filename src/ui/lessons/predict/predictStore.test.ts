import { describe, expect, it } from 'vitest';
import { lessonSchema, type Lesson, type Report } from '../../../engine/index';
import { askPredictions, predictGate } from '../predictGate';
import { predictStore } from './predictStore';

const lesson = (): Lesson =>
  lessonSchema.parse({
    title: 'Flash sale',
    setup: 'one\ntwo',
    watch: 'the queue',
    tryThis: { text: 'bound it' },
    check: [{ metric: 'nodes.q.maxDepth', op: '>', value: 1, says: 'it grew' }],
    predictions: [
      { question: 'How deep at 5 s?', metric: 'nodes.q.depth', atMs: 5000, unit: 'items', expect: { min: 0, max: 10 }, explain: 'Because.' },
      { question: 'p99?', metric: 'endToEnd.p99LatencyMs', unit: 'ms', choices: [{ text: 'low', max: 100 }, { text: 'high', min: 100, correct: true }], explain: 'Queueing.' },
    ],
  });

const report = (simulatedMs: number, depth: number, p99: number) => ({ simulatedMs, nodes: { q: { depth } }, endToEnd: { p99LatencyMs: p99 }, totals: {}, reasons: {} }) as unknown as Report;

describe('predictions as store actions', () => {
  it('holds Play from the moment the lesson comes on until every question is locked in', () => {
    const l = lesson();
    askPredictions(l);
    expect(predictGate.getState().waiting).toBe(l);
    askPredictions(l); // the same lesson again (a remount) does not ask again
    predictStore.getState().begin(l);
    predictStore.getState().lockIn({ kind: 'number', value: 4 });
    expect(predictGate.getState().waiting).toBe(l);
    predictStore.getState().lockIn({ kind: 'choice', index: 0 });
    expect(predictGate.getState().waiting).toBeNull();
    askPredictions(l);
    expect(predictGate.getState().waiting).toBeNull();
  });

  it('scores each answer on the report of its own moment only, and keeps the score', () => {
    const l = lesson();
    askPredictions(l);
    predictStore.getState().begin(l);
    predictStore.getState().lockIn({ kind: 'number', value: 4 });
    predictStore.getState().lockIn({ kind: 'choice', index: 0 });
    predictStore.getState().score(report(4000, 8, 50), 20_000);
    expect(predictStore.getState().entries.map((e) => e.score)).toEqual([null, null]);
    predictStore.getState().score(report(5000, 8, 50), 20_000);
    expect(predictStore.getState().entries[0]).toMatchObject({ scoredAtMs: 5000, score: { measured: 8, verdict: '2.0x higher than you said' } });
    expect(predictStore.getState().entries[1]!.score).toBeNull();
    predictStore.getState().score(report(20_000, 1, 400), 20_000);
    expect(predictStore.getState().entries[0]!.score!.measured).toBe(8);
    expect(predictStore.getState().entries[1]).toMatchObject({ scoredAtMs: 20_000, score: { right: false, verdict: 'Wrong: it was “high”' } });
  });

  it('Skip passes over the remaining questions and lets Play go; a new lesson object starts over', () => {
    const l = lesson();
    askPredictions(l);
    predictStore.getState().begin(l);
    predictStore.getState().lockIn({ kind: 'number', value: 4 });
    predictStore.getState().skipRest();
    expect(predictStore.getState().entries.map((e) => e.answer)).toEqual([{ kind: 'number', value: 4 }, null]);
    expect(predictGate.getState().waiting).toBeNull();
    const again = lesson();
    askPredictions(again);
    predictStore.getState().begin(again);
    expect(predictGate.getState().waiting).toBe(again);
    expect(predictStore.getState().entries).toEqual([]);
  });
});
