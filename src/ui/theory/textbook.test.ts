import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/index';
import { scenario } from '../../engine/testing/build';
import { erlangC, estimate, mg1Wq, mm1kBlocking } from '../../engine/testing/queueing';
import { predict, recognize, type TextbookModel } from './textbook';

const chain = (rate: number, capacity: number | null, workers: number, meanMs: number, dist: 'exponential' | 'lognormal' = 'exponential') =>
  scenario(
    [
      { id: 'p', type: 'producer', rate },
      { id: 'q', type: 'queue', capacity, overflow: 'drop-newest' },
      { id: 's', type: 'service', concurrency: workers, serviceTime: dist === 'exponential' ? { dist, meanMs } : { dist, meanMs, sigma: 1 } },
    ],
    [
      ['p', 'q'],
      ['q', 's'],
    ],
  );

const stable = (m: TextbookModel) => {
  const r = predict(m);
  if (!r.stable) throw new Error('expected a stable model');
  return r.p;
};

describe('recognizing a textbook queue', () => {
  it('names M/G/1 for one worker and an unbounded queue, and predicts its wait by Pollaczek-Khinchine', () => {
    const rec = recognize(chain(60, null, 1, 10, 'lognormal'), 'q');
    if (!rec.ok) throw new Error(rec.why);
    // Lognormal mean 10 ms, sigma 1: E[S^2] = 100 e ms^2.
    expect(rec.model).toMatchObject({ name: 'M/G/1', lambda: 60, mu: 100, c: 1, room: null });
    expect(rec.model.secondMoment).toBeCloseTo((100 * Math.E) / 1e6, 12);
    const p = stable(rec.model);
    expect(p.waitMs).toBeCloseTo(mg1Wq(0.06, 10, 100 * Math.E), 9);
    expect(p.utilization).toBeCloseTo(0.6, 12);
    // Exponential times through the same formula give the M/M/1 wait: the two agree.
    const mm1Model = { ...rec.model, name: 'M/M/1', secondMoment: 200 / 1e6 };
    expect(stable(mm1Model).waitMs).toBeCloseTo(stable({ ...mm1Model, secondMoment: undefined }).waitMs, 9);
  });

  it('names M/M/c/N with N = workers + waiting room, and M/M/c when unbounded', () => {
    const bounded = recognize(chain(110, 50, 1, 10), 'q');
    expect(bounded).toEqual({ ok: true, model: { name: 'M/M/1/51', lambda: 110, mu: 100, c: 1, room: 50 } });
    const open = recognize(chain(300, null, 4, 10), 'q');
    expect(open.ok && open.model.name).toBe('M/M/4');
  });

  it('says why a queue is not one', () => {
    expect(recognize(chain(110, 50, 1, 10, 'lognormal'), 'q')).toEqual({
      ok: false,
      why: 'service times are not exponential (M): only M/G/1 (one worker, unbounded queue) has a closed form',
    });
    const twoIn = scenario(
      [
        { id: 'p', type: 'producer', rate: 10 },
        { id: 'p2', type: 'producer', rate: 10 },
        { id: 'q', type: 'queue', capacity: 5 },
        { id: 's', type: 'service', serviceTime: { dist: 'exponential', meanMs: 10 } },
      ],
      [
        ['p', 'q'],
        ['p2', 'q'],
        ['q', 's'],
      ],
    );
    expect(recognize(twoIn, 'q').ok).toBe(false);
  });
});

describe('the predictions', () => {
  it('match the closed forms: M/M/1/K blocking and, with a huge waiting room, Erlang C', () => {
    for (const [lambda, mu, room] of [[90, 100, 3], [150, 100, 10], [50, 100, 0]] as const) {
      expect(stable({ name: '', lambda, mu, c: 1, room }).refused).toBeCloseTo(mm1kBlocking(lambda, mu, room + 1), 12);
    }
    const big = stable({ name: '', lambda: 350, mu: 100, c: 4, room: 5000 });
    const open = stable({ name: '', lambda: 350, mu: 100, c: 4, room: null });
    expect(open.waitMs).toBeCloseTo((erlangC(4, 3.5) / (400 - 350)) * 1000, 9);
    expect(big.waitMs).toBeCloseTo(open.waitMs, 6);
    expect(big.depth).toBeCloseTo(open.depth, 6);
    expect(open.utilization).toBeCloseTo(0.875, 12);
  });

  it('say an overloaded unbounded queue grows by the surplus', () => {
    expect(predict({ name: '', lambda: 110, mu: 100, c: 1, room: null })).toEqual({ stable: false, growthPerSec: 10 });
  });

  it('agree with what the engine measures on the same design (M/M/2/12, 20 runs)', () => {
    const s = chain(180, 10, 2, 10);
    const rec = recognize(s, 'q');
    if (!rec.ok) throw new Error(rec.why);
    const want = stable(rec.model);
    const refused: number[] = [], wait: number[] = [], depth: number[] = [], util: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const sim = createSimulation({ ...s, durationMs: 100_000 }, { seed });
      sim.runToEnd();
      const r = sim.report();
      const q = r.nodes.q!, svc = r.nodes.s!;
      refused.push(Number(q.rejected) / Number(q.arrived));
      wait.push(Number(q.meanWaitMs));
      depth.push(Number(q.meanDepth));
      util.push(Number(svc.utilization));
    }
    for (const [name, xs, theory] of [['refused', refused, want.refused], ['wait', wait, want.waitMs], ['depth', depth, want.depth], ['utilization', util, want.utilization]] as const) {
      const e = estimate(xs);
      expect(Math.abs(e.mean - theory), `${name}: measured ${e.mean} ± ${e.se}, theory ${theory}`).toBeLessThan(4 * e.se + 1e-9);
    }
  });
});
