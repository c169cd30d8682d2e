/**
 * Closed-form queueing results and the small statistics the theory tests need to compare a
 * simulation with them (shared/reference/SEMANTICS.md, "Closed-form queueing results").
 *
 * Units: any consistent ones. The tests use milliseconds, so rates are per ms (the scenario's
 * items/s divided by 1000) and mu = 1 / mean service time in ms.
 *
 * Notation: lambda = arrival rate, mu = service rate of one server, c = servers,
 * a = lambda / mu (offered load in Erlangs), rho = a / c (utilisation).
 *
 * Test support only: nothing in the engine imports this. It lives under src/engine so it obeys
 * the engine's purity rules and can be reused by any engine test.
 */

/** Erlang B: probability an arrival finds all c servers busy in M/M/c/c (and M/G/c/c). */
export function erlangB(c: number, a: number): number {
  if (!Number.isInteger(c) || c < 0) throw new RangeError(`erlangB: c must be a whole number ≥ 0, got ${c}`);
  if (!(a >= 0)) throw new RangeError(`erlangB: offered load must be ≥ 0, got ${a}`);
  // B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)): stable for any c, no factorials.
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Erlang C: probability an arrival has to wait in M/M/c (requires a < c). */
export function erlangC(c: number, a: number): number {
  if (!(a < c)) throw new RangeError(`erlangC: needs a < c (a stable queue), got a = ${a}, c = ${c}`);
  const b = erlangB(c, a);
  return (c * b) / (c - a * (1 - b));
}

export interface Means {
  /** Mean wait in the queue. */
  wq: number;
  /** Mean sojourn: wait + service. */
  w: number;
  /** Mean number waiting (Little: lambda * wq). */
  lq: number;
  /** Mean number in the system (Little: lambda * w). */
  l: number;
}

function means(lambda: number, mu: number, wq: number): Means {
  const w = wq + 1 / mu;
  return { wq, w, lq: lambda * wq, l: lambda * w };
}

/** M/M/1 (requires lambda < mu). */
export function mm1(lambda: number, mu: number): Means {
  if (!(lambda < mu)) throw new RangeError(`mm1: needs lambda < mu, got ${lambda} ≥ ${mu}`);
  return means(lambda, mu, lambda / mu / (mu - lambda));
}

/** p-quantile of the FIFO M/M/1 sojourn time, which is Exp(mu - lambda). */
export function mm1SojournQuantile(lambda: number, mu: number, p: number): number {
  if (!(lambda < mu)) throw new RangeError(`mm1SojournQuantile: needs lambda < mu`);
  return -Math.log(1 - p) / (mu - lambda);
}

/** M/M/c via Erlang C (requires lambda < c mu). */
export function mmc(lambda: number, mu: number, c: number): Means & { pWait: number } {
  const a = lambda / mu;
  const pWait = erlangC(c, a);
  return { ...means(lambda, mu, pWait / (c * mu - lambda)), pWait };
}

/**
 * M/M/1/K: probability an arrival is blocked (PASTA: the time-fraction of K in the system).
 * K counts the one in service, so K = 1 + the queue's capacity.
 */
export function mm1kBlocking(lambda: number, mu: number, k: number): number {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`mm1kBlocking: K must be a whole number ≥ 1, got ${k}`);
  const rho = lambda / mu;
  if (Math.abs(rho - 1) < 1e-12) return 1 / (k + 1);
  return ((1 - rho) * rho ** k) / (1 - rho ** (k + 1));
}

/** Short name: M/M/1/K blocking probability. */
export const mm1k = mm1kBlocking;

/** M/G/1 mean wait by Pollaczek-Khinchine: Wq = lambda E[S^2] / (2 (1 - rho)). */
export function mg1Wq(lambda: number, meanS: number, secondMomentS: number): number {
  const rho = lambda * meanS;
  if (!(rho < 1)) throw new RangeError(`mg1Wq: needs rho < 1, got ${rho}`);
  return (lambda * secondMomentS) / (2 * (1 - rho));
}

/** M/D/1 (constant service 1/mu): Wq = rho / (2 mu (1 - rho)). */
export function md1(lambda: number, mu: number): Means {
  const rho = lambda / mu;
  if (!(rho < 1)) throw new RangeError(`md1: needs rho < 1, got ${rho}`);
  return means(lambda, mu, rho / (2 * mu * (1 - rho)));
}

/** Tandem of M/M/1 stations fed by Poisson(lambda) (Jackson): E[T] = sum_j 1 / (mu_j - lambda). */
export function jacksonTandemSojourn(lambda: number, mus: readonly number[]): number {
  let t = 0;
  for (const mu of mus) {
    if (!(lambda < mu)) throw new RangeError(`jacksonTandemSojourn: every station needs lambda < mu`);
    t += 1 / (mu - lambda);
  }
  return t;
}

// ---- estimation ----

export interface Estimate {
  /** Sample mean of the independent observations. */
  mean: number;
  /** Sample standard deviation (n - 1 in the denominator). */
  sd: number;
  /** Standard error of the mean: sd / sqrt(n). */
  se: number;
  n: number;
}

/**
 * Mean and standard error of independent, identically distributed observations, e.g. one
 * per-replication mean from each of n independently seeded runs (the method of independent
 * replications): the per-run means are i.i.d., so sd / sqrt(n) is an honest standard error even
 * though the observations inside one run are strongly correlated.
 */
export function estimate(xs: readonly number[]): Estimate {
  const n = xs.length;
  if (n < 2) throw new RangeError('estimate: needs at least 2 observations');
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / n;
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  return { mean, sd, se: sd / Math.sqrt(n), n };
}
