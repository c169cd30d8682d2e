/**
 * The oracles themselves, checked against textbook numbers and against each other, so that a
 * theory test failing points at the engine and not at a mistyped formula.
 */
import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, estimate, jacksonTandemSojourn, md1, mg1Wq, mm1, mm1k, mm1kBlocking, mm1SojournQuantile, mmc } from './queueing';

/** Erlang C straight from its definition (factorial sums), to cross-check the recursion. */
function erlangCDirect(c: number, a: number): number {
  let sum = 0;
  let term = 1; // a^k / k!
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = term / (1 - a / c); // a^c / c! / (1 - rho)
  return top / (sum + top);
}

describe('queueing formulas', () => {
  it('Erlang B matches the published tables', () => {
    // Erlang B tables (e.g. Kleinrock vol. 1; any traffic-engineering table):
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 12);
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 12); // (1/2) / (1 + 1 + 1/2)
    expect(erlangB(5, 2)).toBeCloseTo(0.0367, 4);
    expect(erlangB(10, 5)).toBeCloseTo(0.01838, 5);
    expect(erlangB(0, 3)).toBe(1);
  });

  it('Erlang C matches the textbook M/M/2 and the call-centre table, and its definition', () => {
    // M/M/2, lambda = mu = 1: P(wait) = 1/3, Wq = 1/3 (= rho^2 / (mu (1 - rho^2)) with rho = 1/2).
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    expect(mmc(1, 1, 2).wq).toBeCloseTo(1 / 3, 12);
    // 10 agents, 8 Erlangs: 40.9% of calls wait (the standard call-centre example).
    expect(erlangC(10, 8)).toBeCloseTo(0.4092, 4);
    for (const [c, a] of [
      [1, 0.5],
      [4, 3.2],
      [8, 6.4],
      [20, 17],
    ] as const) {
      expect(erlangC(c, a)).toBeCloseTo(erlangCDirect(c, a), 12);
    }
    // One server: P(wait) = rho and M/M/c reduces to M/M/1.
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 12);
    expect(mmc(0.7, 1, 1).wq).toBeCloseTo(mm1(0.7, 1).wq, 12);
    expect(() => erlangC(2, 2)).toThrow(RangeError);
  });

  it('M/M/1 gives the textbook numbers (lambda 2, mu 3) and an exponential sojourn', () => {
    const m = mm1(2, 3);
    expect(m.w).toBeCloseTo(1, 12);
    expect(m.wq).toBeCloseTo(2 / 3, 12);
    expect(m.l).toBeCloseTo(2, 12);
    expect(m.lq).toBeCloseTo(4 / 3, 12);
    expect(mm1SojournQuantile(2, 3, 0.5)).toBeCloseTo(Math.LN2, 12);
    expect(mm1SojournQuantile(0.07, 0.1, 0.99)).toBeCloseTo(Math.log(100) / 0.03, 9);
  });

  it('M/M/1/K blocking agrees with the truncated geometric distribution it comes from', () => {
    for (const [rho, k] of [
      [0.5, 1],
      [0.9, 5],
      [1.2, 10],
      [3, 2],
    ] as const) {
      let z = 0;
      for (let n = 0; n <= k; n++) z += rho ** n;
      expect(mm1kBlocking(rho, 1, k)).toBeCloseTo(rho ** k / z, 12);
    }
    expect(mm1kBlocking(1, 1, 4)).toBeCloseTo(1 / 5, 12);
    // K = 1 (no waiting room) is Erlang B with one server.
    expect(mm1kBlocking(0.8, 1, 1)).toBeCloseTo(erlangB(1, 0.8), 12);
    expect(mm1k).toBe(mm1kBlocking);
  });

  it('Pollaczek-Khinchine reduces to M/M/1 and to M/D/1', () => {
    // Exponential service: E[S^2] = 2 / mu^2.
    expect(mg1Wq(0.7, 1, 2)).toBeCloseTo(mm1(0.7, 1).wq, 12);
    // Constant service: E[S^2] = 1 / mu^2; half the M/M/1 wait.
    expect(mg1Wq(0.5, 1, 1)).toBeCloseTo(0.5, 12);
    expect(md1(0.5, 1).wq).toBeCloseTo(0.5, 12);
    expect(md1(0.08, 0.1).wq).toBeCloseTo(mm1(0.08, 0.1).wq / 2, 12);
  });

  it('a Jackson tandem adds the stations', () => {
    expect(jacksonTandemSojourn(1, [2, 3])).toBeCloseTo(1.5, 12);
    expect(jacksonTandemSojourn(0.7, [1])).toBeCloseTo(mm1(0.7, 1).w, 12);
  });

  it('estimate gives mean, sample standard deviation and standard error', () => {
    const e = estimate([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(e.mean).toBe(5);
    expect(e.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(e.se).toBeCloseTo(Math.sqrt(32 / 7) / Math.sqrt(8), 12);
  });
});
