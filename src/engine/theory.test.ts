/**
 * Proof of correctness against queueing theory: the engine, run on the textbook models, must
 * reproduce their closed-form results (shared/reference/SEMANTICS.md, "Closed-form queueing
 * results"; the formulas are in testing/queueing.ts, with their own tests).
 *
 * HOW THE TOLERANCES ARE SET (justified, not tuned)
 *
 * 1. Independent replications. Every model is run with N = 20 seeds (1..20, fixed in advance,
 *    not chosen to pass). Each run yields one estimate (its mean wait, its blocking fraction, its
 *    p99...). The runs share nothing (every random stream is derived from the seed), so the 20
 *    estimates are i.i.d. and SE = sd / sqrt(20) is an honest standard error of their average,
 *    whatever the correlation between consecutive items inside a run.
 * 2. Rule: |average - theory| < 4 SE. With 19 degrees of freedom P(|t| > 4) is about 0.0008, so a
 *    correct engine fails a given check with probability under 0.1%; and since the engine is
 *    deterministic, a seed set that passes keeps passing until the engine's behaviour changes.
 * 3. Quantiles also get the histogram's resolution: a quantile is reported at the midpoint of its
 *    bucket, and a bucket is at most 1/64 of its lower edge wide (metrics/histogram.ts), so the
 *    reported value is within 0.78% of the exact sample quantile. Allowance: 4 SE + 0.8% of theory.
 * 4. Power: every check also asserts that 4 SE is below 3% of the theoretical value, so the
 *    statistical tolerance can never grow wide enough to hide a real error of that size. (Run
 *    lengths, 150k-600k arrivals per replication, were chosen for this, not to make checks pass.)
 * 5. Warm-up: each run starts empty, which biases early waits low. We discard the first 10% of
 *    every run by differencing the cumulative report (and the end-to-end histogram) taken at the
 *    end of the warm-up from the one at the end. The slowest model here (rho = 0.8, one server)
 *    relaxes in about 1 / (mu (1 - sqrt(rho))^2) = 90 service times; 10% of a run is at least 15,000
 *    service times, so what is left of the initial bias is far below the standard error.
 *    The end effect (items still waiting when the run stops are not counted) is of the same
 *    negligible order: a few items out of ~10^5.
 * 6. Little's law is an identity on every sample path that starts and ends empty: the area under
 *    the number-in-node curve equals the sum of the times items spent there. So after measuring,
 *    each run stops its producers and drains, and then L = lambda W must hold for every queue and
 *    service up to floating-point rounding (relative 1e-9: summing ~10^5 doubles loses at most
 *    about 1e-11). It checks the engine's depth/busy integrators against its per-item clocks.
 *
 * Units: ms throughout; rates are items/s in scenarios, so lambda per ms = rate / 1000.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulation, parseScenario, type Report, type Scenario, type ScenarioInput, type ServiceTime, type Simulation } from './index';
import { Histogram } from './metrics/histogram';
import {
  erlangB,
  estimate,
  jacksonTandemSojourn,
  md1,
  mg1Wq,
  mm1,
  mm1k,
  mm1SojournQuantile,
  mmc,
  type Estimate,
} from './testing/queueing';

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const WARMUP_FRACTION = 0.1;
/** Half a histogram bucket, relative: the most a reported quantile is off its exact value. */
const BUCKET_ERROR = 1 / 128 + 2e-4; // 1/128 = 0.78%, rounded up to 0.8%
const LITTLE_REL = 1e-9;
/** Power: 4 SE must be below this fraction of theory, so an error this big cannot hide. */
const MAX_REL_4SE = 0.03;
const MEAN_MS = 10;
const MU = 1 / MEAN_MS; // per ms

function scenario(input: ScenarioInput): Scenario {
  const p = parseScenario(input);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.value;
}

/** Duration of a run that sees about `items` arrivals at `rate` items/s. */
function durationFor(items: number, rate: number): number {
  return Math.round((items / rate) * 1000);
}

function num(r: Report, id: string, key: string): number {
  const v = r.nodes[id]?.[key];
  if (typeof v !== 'number') throw new Error(`report has no number ${id}.${key}`);
  return v;
}

/** One run, measured from the end of its warm-up to its end, then drained. */
interface Run {
  seed: number;
  /** Cumulative report at the end of the warm-up. */
  warm: Report;
  /** Cumulative report at the end of the run. */
  end: Report;
  /** End-to-end latencies of items completed after the warm-up. */
  e2e: Histogram;
  /** Report after the producers stopped and every item left (for Little's law). */
  drained: Report;
}

function replicate(s: Scenario, seed: number): Run {
  const sim = createSimulation(s, { seed });
  sim.runUntil(s.durationMs * WARMUP_FRACTION);
  const warm = sim.report();
  const h0 = sim.sim.e2e;
  const counts0 = h0.counts.slice();
  const count0 = h0.count, sum0 = h0.sum;
  sim.runToEnd();
  const end = sim.report();
  const e2e = new Histogram();
  const h1 = sim.sim.e2e;
  for (let b = 0; b < e2e.counts.length; b++) e2e.counts[b] = h1.counts[b]! - counts0[b]!;
  e2e.count = h1.count - count0;
  e2e.sum = h1.sum - sum0;
  e2e.max = h1.max;
  e2e.rescan();
  return { seed, warm, end, e2e, drained: drain(sim, s) };
}

function drain(sim: Simulation, s: Scenario): Report {
  for (const n of s.nodes) if (n.type === 'producer') expect(sim.setParams(n.id, { rate: 0 }).ok).toBe(true);
  for (let guard = 0; sim.sim.items.live > 0 && guard < 100_000; guard++) sim.runFor(10_000);
  expect(sim.halted).toBeNull();
  expect(sim.sim.items.live).toBe(0);
  return sim.report();
}

function replications(s: Scenario): Run[] {
  return SEEDS.map((seed) => replicate(s, seed));
}

// ---- post-warm-up statistics of one run (differences of cumulative counters) ----

/** Mean wait in queue `id` of the items that left it after the warm-up. */
function queueWait(r: Run, id: string): number {
  const d0 = num(r.warm, id, 'departed'), d1 = num(r.end, id, 'departed');
  return (num(r.end, id, 'meanWaitMs') * d1 - num(r.warm, id, 'meanWaitMs') * d0) / (d1 - d0);
}

/** Fraction of the items offered to queue `id` after the warm-up that it refused. */
function queueBlocking(r: Run, id: string): number {
  const a = num(r.end, id, 'arrived') - num(r.warm, id, 'arrived');
  return (num(r.end, id, 'rejected') - num(r.warm, id, 'rejected')) / a;
}

/** Mean time in service `id` (service + hand-over) of items it finished after the warm-up. */
function serviceTime(r: Run, id: string): number {
  const n = (x: Report) => num(x, id, 'completed') + num(x, id, 'failed');
  const n0 = n(r.warm), n1 = n(r.end);
  return (num(r.end, id, 'meanTimeInNodeMs') * n1 - num(r.warm, id, 'meanTimeInNodeMs') * n0) / (n1 - n0);
}

function e2eMean(r: Run): number {
  return r.e2e.mean;
}

// ---- comparison ----

const results: string[] = [];

/**
 * Asserts |estimate - theory| < 4 SE + allowance, and that the check has power (4 SE below
 * `maxRel` of theory). Records the line for the summary printed at the end.
 */
function expectMatches(name: string, xs: number[], theory: number, opts: { allowanceRel?: number; maxRel?: number } = {}): Estimate {
  const e = estimate(xs);
  const allowance = (opts.allowanceRel ?? 0) * Math.abs(theory);
  const tol = 4 * e.se + allowance;
  const dev = e.mean - theory;
  results.push(
    `${name.padEnd(44)} measured ${fmt(e.mean)} ± ${fmt(e.se)} (SE)  theory ${fmt(theory)}  ` +
      `dev ${(dev / e.se).toFixed(2)} SE, ${((100 * dev) / theory).toFixed(2)}%  tol ${fmt(tol)}`,
  );
  expect(4 * e.se, `${name}: 4 SE must stay below ${(opts.maxRel ?? MAX_REL_4SE) * 100}% of theory`).toBeLessThan((opts.maxRel ?? MAX_REL_4SE) * Math.abs(theory));
  expect(Math.abs(dev), `${name}: measured ${e.mean} vs theory ${theory}, SE ${e.se}`).toBeLessThan(tol);
  return e;
}

function fmt(x: number): string {
  return Math.abs(x) >= 1 ? x.toFixed(3) : x.toPrecision(4);
}

/** Little's law on every queue and service of a drained run: an identity up to rounding. */
function expectLittle(runs: Run[]): void {
  let worst = 0;
  for (const run of runs) {
    const r = run.drained;
    const t = r.simulatedMs;
    for (const [id, n] of Object.entries(r.nodes)) {
      let l: number, lw: number;
      if (n.type === 'queue') {
        l = num(r, id, 'meanDepth');
        lw = (num(r, id, 'accepted') / t) * num(r, id, 'meanWaitMs');
        // Every accepted item left by departing: none dropped or expired in these models.
        expect(num(r, id, 'departed')).toBe(num(r, id, 'accepted'));
      } else if (n.type === 'service') {
        const served = num(r, id, 'completed') + num(r, id, 'failed');
        l = num(r, id, 'utilization') * num(r, id, 'concurrency');
        lw = (served / t) * num(r, id, 'meanTimeInNodeMs');
        expect(served).toBe(num(r, id, 'arrived'));
      } else continue;
      const rel = Math.abs(l - lw) / Math.max(l, 1e-12);
      worst = Math.max(worst, rel);
      expect(rel, `Little on ${id} (seed ${run.seed}): L = ${l}, lambda W = ${lw}`).toBeLessThan(LITTLE_REL);
    }
  }
  results.push(`${"Little's law L = lambda W, every node".padEnd(44)} worst relative gap ${worst.toExponential(2)} over ${runs.length} drained runs (tol ${LITTLE_REL})`);
}

afterAll(() => {
  // The numbers behind every check, for the record (and for whoever loosens a tolerance next).
  console.log(['theory vs engine (20 independent replications each):', ...results].join('\n  '));
});

// ---- the models ----

/** Producer -> unbounded FIFO queue -> c exponential servers. */
function mmcScenario(c: number, rho: number, items: number, dist: ServiceTime = { dist: 'exponential', meanMs: MEAN_MS }): Scenario {
  const rate = (rho * c * 1000) / MEAN_MS;
  return scenario({
    version: 1,
    name: `M/?/${c}`,
    durationMs: durationFor(items, rate),
    nodes: [
      { id: 'src', type: 'producer', rate, arrival: 'poisson' },
      { id: 'q', type: 'queue', capacity: null, discipline: 'fifo' },
      { id: 'svc', type: 'service', concurrency: c, serviceTime: dist },
    ],
    edges: [
      { from: 'src', to: 'q' },
      { from: 'q', to: 'svc' },
    ],
  });
}

describe('M/M/1 (rho = 0.7)', () => {
  const rho = 0.7;
  const lambda = rho * MU;
  const theory = mm1(lambda, MU);
  let runs: Run[] = [];
  beforeAll(() => {
    runs = replications(mmcScenario(1, rho, 400_000));
  }, 60_000);

  it('mean wait in queue Wq = rho / (mu - lambda)', () => {
    expectMatches('M/M/1 Wq (ms)', runs.map((r) => queueWait(r, 'q')), theory.wq);
  });

  it('mean sojourn W = 1 / (mu - lambda), end to end', () => {
    expectMatches('M/M/1 W end-to-end (ms)', runs.map(e2eMean), theory.w);
  });

  it('sojourn quantiles of Exp(mu - lambda): p50 and p99', () => {
    for (const p of [0.5, 0.99]) {
      expectMatches(`M/M/1 sojourn p${p * 100} (ms)`, runs.map((r) => r.e2e.quantile(p)), mm1SojournQuantile(lambda, MU, p), { allowanceRel: BUCKET_ERROR });
    }
  });

  it("Little's law holds on every node", () => expectLittle(runs));
});

for (const c of [4, 8]) {
  describe(`M/M/${c} (rho = 0.8), Erlang C`, () => {
    const rho = 0.8;
    const lambda = rho * c * MU;
    const theory = mmc(lambda, MU, c);
    let runs: Run[] = [];
    beforeAll(() => {
      // Wq is small at c = 8 (2.9 ms), so it needs a longer run for the same relative precision.
      runs = replications(mmcScenario(c, rho, c === 8 ? 600_000 : 300_000));
    }, 60_000);

    it('mean wait Wq = C(c, a) / (c mu - lambda)', () => {
      expectMatches(`M/M/${c} Wq (ms), C = ${theory.pWait.toFixed(4)}`, runs.map((r) => queueWait(r, 'q')), theory.wq);
    });

    it('mean sojourn W = Wq + 1 / mu', () => {
      expectMatches(`M/M/${c} W end-to-end (ms)`, runs.map(e2eMean), theory.w);
    });

    it("Little's law holds on every node", () => expectLittle(runs));
  });
}

describe('M/M/1/K blocking (K counts the one in service: queue capacity K - 1)', () => {
  const cases = [
    { rho: 0.9, k: 5 },
    { rho: 1.2, k: 10 }, // overloaded: a finite buffer keeps it stable
  ];
  for (const { rho, k } of cases) {
    it(`rho = ${rho}, K = ${k}: P(block) = (1 - rho) rho^K / (1 - rho^(K+1))`, () => {
      const rate = (rho * 1000) / MEAN_MS;
      const s = scenario({
        version: 1,
        durationMs: durationFor(150_000, rate),
        nodes: [
          { id: 'src', type: 'producer', rate },
          { id: 'q', type: 'queue', capacity: k - 1, overflow: 'drop-newest' },
          { id: 'svc', type: 'service', concurrency: 1, serviceTime: { dist: 'exponential', meanMs: MEAN_MS } },
        ],
        edges: [
          { from: 'src', to: 'q' },
          { from: 'q', to: 'svc' },
        ],
      });
      const runs = replications(s);
      expectMatches(`M/M/1/${k} rho ${rho} P(block)`, runs.map((r) => queueBlocking(r, 'q')), mm1k(rho * MU, MU, k));
      for (const r of runs) expect(num(r.end, 'q', 'maxDepth')).toBeLessThanOrEqual(k - 1);
      expectLittle(runs);
    });
  }
});

describe('M/M/c/c, Erlang B (no waiting room: capacity 0, drop-newest)', () => {
  it('c = 8, a = 6 Erlangs: P(block) = B(8, 6)', () => {
    const c = 8, a = 6;
    const rate = (a * 1000) / MEAN_MS;
    const s = scenario({
      version: 1,
      durationMs: durationFor(150_000, rate),
      nodes: [
        { id: 'src', type: 'producer', rate },
        { id: 'q', type: 'queue', capacity: 0, overflow: 'drop-newest' },
        { id: 'svc', type: 'service', concurrency: c, serviceTime: { dist: 'exponential', meanMs: MEAN_MS } },
      ],
      edges: [
        { from: 'src', to: 'q' },
        { from: 'q', to: 'svc' },
      ],
    });
    const runs = replications(s);
    expectMatches(`M/M/${c}/${c} a ${a} P(block)`, runs.map((r) => queueBlocking(r, 'q')), erlangB(c, a));
    for (const r of runs) {
      expect(num(r.end, 'q', 'maxDepth')).toBe(0);
      expect(num(r.end, 'q', 'meanWaitMs')).toBe(0);
    }
    expectLittle(runs);
  });
});

describe('M/D/1 (rho = 0.8), Pollaczek-Khinchine', () => {
  it('mean wait Wq = rho / (2 mu (1 - rho)), half the M/M/1 wait', () => {
    const rho = 0.8;
    const runs = replications(mmcScenario(1, rho, 200_000, { dist: 'constant', ms: MEAN_MS }));
    const theory = md1(rho * MU, MU);
    expectMatches('M/D/1 Wq (ms)', runs.map((r) => queueWait(r, 'q')), theory.wq);
    expectMatches('M/D/1 W end-to-end (ms)', runs.map(e2eMean), theory.w);
    expectLittle(runs);
  });
});

describe('M/G/1 with a bimodal service (rho = 0.6), Pollaczek-Khinchine', () => {
  it('mean wait Wq = lambda E[S^2] / (2 (1 - rho)) with E[S^2] the weighted sum of the components', () => {
    // 90% take 5 ms, 10% take 55 ms: mean 10 ms, E[S^2] = 0.9 x 25 + 0.1 x 3025 = 325 ms^2
    // (M/D/1 would have 100, M/M/1 200): the same load waits 1.6x as long as with exponential times.
    const bimodal: ServiceTime = {
      dist: 'mixture',
      components: [
        { weight: 0.9, dist: 'constant', ms: 5 },
        { weight: 0.1, dist: 'constant', ms: 55 },
      ],
    };
    const rho = 0.6;
    const runs = replications(mmcScenario(1, rho, 200_000, bimodal));
    const lambda = rho * MU;
    const wq = mg1Wq(lambda, 10, 0.9 * 25 + 0.1 * 3025);
    expectMatches('M/G/1 bimodal Wq (ms)', runs.map((r) => queueWait(r, 'q')), wq);
    expectMatches('M/G/1 bimodal W end-to-end (ms)', runs.map(e2eMean), wq + 10);
    expectLittle(runs);
  });
});

describe('Tandem of two M/M/1 stations (Jackson)', () => {
  it('E[T] = 1 / (mu1 - lambda) + 1 / (mu2 - lambda), and each station is M/M/1', () => {
    const rate = 60; // items/s: rho1 = 0.6 with mean 10 ms, rho2 = 0.75 with mean 12.5 ms
    const means = [10, 12.5];
    const mus = means.map((m) => 1 / m);
    const lambda = rate / 1000;
    const s = scenario({
      version: 1,
      durationMs: durationFor(200_000, rate),
      nodes: [
        { id: 'src', type: 'producer', rate },
        { id: 'q1', type: 'queue', capacity: null },
        { id: 's1', type: 'service', concurrency: 1, serviceTime: { dist: 'exponential', meanMs: means[0]! } },
        { id: 'q2', type: 'queue', capacity: null },
        { id: 's2', type: 'service', concurrency: 1, serviceTime: { dist: 'exponential', meanMs: means[1]! } },
      ],
      edges: [
        { from: 'src', to: 'q1' },
        { from: 'q1', to: 's1' },
        { from: 's1', to: 'q2' },
        { from: 'q2', to: 's2' },
      ],
    });
    const runs = replications(s);
    expectMatches('Tandem E[T] end-to-end (ms)', runs.map(e2eMean), jacksonTandemSojourn(lambda, mus));
    // Burke: the first station's departures are Poisson(lambda), so the second is M/M/1 too.
    for (const [j, st] of (['1', '2'] as const).entries()) {
      expectMatches(`Tandem station ${st} Wq (ms)`, runs.map((r) => queueWait(r, `q${st}`)), mm1(lambda, mus[j]!).wq);
      // A station's service never waits to hand over (the next queue is unbounded): 1 / mu.
      expectMatches(`Tandem station ${st} time in service (ms)`, runs.map((r) => serviceTime(r, `s${st}`)), means[j]!);
    }
    expectLittle(runs);
  });
});
