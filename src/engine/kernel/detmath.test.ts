import { describe, expect, it } from 'vitest';
import { detExp, detLog, powInt } from './detmath';
import { Rng } from './rng';

/** Distance in units in the last place between two doubles of the same sign. */
function ulps(a: number, b: number): number {
  const buf = new DataView(new ArrayBuffer(16));
  buf.setFloat64(0, a);
  buf.setFloat64(8, b);
  return Number(buf.getBigInt64(0) - buf.getBigInt64(8)) * (a < b ? -1 : 1);
}

describe('deterministic log and exp (fdlibm ports)', () => {
  const rng = new Rng(5, 'detmath');

  it('log is within 1 ulp of Math.log from 1e-300 to 1e300, and exact at the special points', () => {
    for (let i = 0; i < 100_000; i++) {
      const x = 10 ** (rng.uniform(-300, 300));
      expect(Math.abs(ulps(detLog(x), Math.log(x)))).toBeLessThanOrEqual(1);
    }
    for (let i = 0; i < 100_000; i++) {
      const u = rng.nextOpen(); // the inputs the engine actually takes logs of
      expect(Math.abs(ulps(detLog(u), Math.log(u)))).toBeLessThanOrEqual(1);
    }
    expect([detLog(1), detLog(0), detLog(-1), detLog(Infinity), detLog(5e-324)]).toEqual([0, -Infinity, NaN, Infinity, Math.log(5e-324)]);
  });

  it('exp is within 1 ulp of Math.exp from -745 to 709, and exact at the special points', () => {
    for (let i = 0; i < 200_000; i++) {
      const x = rng.uniform(-745, 709);
      const want = Math.exp(x);
      if (want === 0 || !Number.isFinite(want)) continue;
      expect(Math.abs(ulps(detExp(x), want))).toBeLessThanOrEqual(1);
    }
    expect([detExp(0), detExp(-Infinity), detExp(Infinity), detExp(1000), detExp(-1000)]).toEqual([1, 0, Infinity, Infinity, 0]);
    expect(Math.abs(ulps(detExp(1), Math.E))).toBeLessThanOrEqual(1);
  });

  it('powInt multiplies exactly for powers of two', () => {
    expect([powInt(2, 0), powInt(2, 10), powInt(2, 44), powInt(3, 4), powInt(0.5, 3)]).toEqual([1, 1024, 2 ** 44, 81, 0.125]);
  });
});
