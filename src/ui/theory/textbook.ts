/**
 * Where a queue on the canvas is a textbook model, what the textbook predicts for it: a Poisson
 * producer feeding one FIFO queue (drop-newest when full) drained by one service with exponential
 * service times is M/M/c (unbounded) or M/M/c/N (N = c workers + the queue's capacity). With one
 * worker, an unbounded queue and any other service-time distribution it is M/G/1 (M/D/1 when
 * constant), whose mean wait needs only the first two moments (Pollaczek-Khinchine). The
 * prediction is shown next to what the run measures, so the simulation can be checked by eye.
 *
 * Display only (not the engine's determinism), so Math.log/exp are fine here.
 */
import { moments, type Scenario } from '../../engine/index';
import { erlangC } from '../../engine/testing/queueing';

export interface TextbookModel {
  /** Kendall notation: "M/M/1", "M/M/4/54". */
  name: string;
  /** Arrivals per second. */
  lambda: number;
  /** Services per second by one worker. */
  mu: number;
  /** Workers. */
  c: number;
  /** Waiting room (the queue's capacity), null when unbounded. */
  room: number | null;
  /** M/G/1 only: E[S^2] of the service time, in s^2 (Infinity for a Pareto tail of shape ≤ 2). */
  secondMoment?: number;
}

export type Recognized = { ok: true; model: TextbookModel } | { ok: false; why: string };

/** Whether the queue `queueId` of `s` is a textbook model, and if not, the first reason why not. */
export function recognize(s: Scenario, queueId: string): Recognized {
  const no = (why: string): Recognized => ({ ok: false, why });
  const q = s.nodes.find((n) => n.id === queueId);
  if (!q || q.type !== 'queue') return no('not a queue');
  const into = s.edges.filter((e) => e.to === queueId);
  const out = s.edges.filter((e) => e.from === queueId);
  if (into.length !== 1 || out.length !== 1) return no('needs exactly one producer feeding it and one service draining it');
  const p = s.nodes.find((n) => n.id === into[0]!.from);
  const svc = s.nodes.find((n) => n.id === out[0]!.to);
  if (!p || p.type !== 'producer') return no('is not fed straight by a producer');
  if (!svc || svc.type !== 'service') return no('is not drained straight by a service');
  if (p.arrival !== 'poisson' || p.profile?.length || p.users !== undefined) return no('the producer is not a steady Poisson stream (M)');
  if (p.deadlineMs !== undefined) return no('items have a deadline');
  if (s.edges.some((e) => e.from === p.id && e.to !== queueId)) return no('the producer also sends elsewhere');
  if (s.edges.some((e) => e.to === svc.id && e.from !== queueId)) return no('the service also takes work from elsewhere');
  if (s.edges.some((e) => e.from === svc.id)) return no('the service hands work on (it could block)');
  if (q.discipline !== 'fifo') return no('the queue is not FIFO');
  if (q.capacity !== null && q.overflow !== 'drop-newest') return no('a full queue does not simply refuse newcomers');
  if (q.maxAgeMs !== undefined || (q.aqm !== undefined && q.aqm !== 'none')) return no('the queue drops items by age');
  const events = (s as { events?: readonly { node?: string }[] }).events ?? [];
  if (events.some((e) => e.node === p.id || e.node === q.id || e.node === svc.id)) return no('scripted events change it during the run');
  const c = svc.concurrency;
  const room = q.capacity;
  const st = svc.serviceTime;
  if (st.dist !== 'exponential') {
    if (c !== 1 || room !== null) return no('service times are not exponential (M): only M/G/1 (one worker, unbounded queue) has a closed form');
    const m = moments(st);
    if (!(m.mean > 0)) return no('service takes no time');
    return {
      ok: true,
      model: { name: st.dist === 'constant' ? 'M/D/1' : 'M/G/1', lambda: p.rate, mu: 1000 / m.mean, c: 1, room: null, secondMoment: m.secondMoment / 1e6 },
    };
  }
  return {
    ok: true,
    model: { name: room === null ? `M/M/${c}` : `M/M/${c}/${c + room}`, lambda: p.rate, mu: 1000 / st.meanMs, c, room },
  };
}

export interface Prediction {
  /** Share of arrivals refused because the system is full (0 when unbounded). */
  refused: number;
  /** Mean wait in the queue, ms, of the items that got in. */
  waitMs: number;
  /** Mean items waiting (time average). */
  depth: number;
  /** Mean busy share of the workers. */
  utilization: number;
}

export type Predicted = { stable: true; p: Prediction } | { stable: false; growthPerSec: number };

/** The stationary means of the model (birth-death chain when bounded, Erlang C when not). */
export function predict(m: TextbookModel): Predicted {
  const { lambda, mu, c, room } = m;
  if (m.secondMoment !== undefined) {
    // Pollaczek-Khinchine: Wq = lambda E[S^2] / (2 (1 - rho)).
    const rho = lambda / mu;
    if (!(rho < 1)) return { stable: false, growthPerSec: lambda - mu };
    const wq = (lambda * m.secondMoment) / (2 * (1 - rho));
    return { stable: true, p: { refused: 0, waitMs: wq * 1000, depth: lambda * wq, utilization: rho } };
  }
  if (room === null) {
    if (!(lambda < c * mu)) return { stable: false, growthPerSec: lambda - c * mu };
    const a = lambda / mu;
    const wq = erlangC(c, a) / (c * mu - lambda);
    return { stable: true, p: { refused: 0, waitMs: wq * 1000, depth: lambda * wq, utilization: a / c } };
  }
  // p(n) ∝ prod_{k=1..n} lambda / (min(k, c) mu), n = 0..c + room, in logs (no overflow at any size).
  const n = c + room;
  const logp = new Float64Array(n + 1);
  let max = 0;
  for (let k = 1; k <= n; k++) {
    logp[k] = logp[k - 1]! + Math.log(lambda / (Math.min(k, c) * mu));
    if (logp[k]! > max) max = logp[k]!;
  }
  let z = 0, l = 0, lq = 0;
  for (let k = 0; k <= n; k++) {
    const w = Math.exp(logp[k]! - max);
    z += w;
    l += k * w;
    lq += Math.max(0, k - c) * w;
  }
  const refused = Math.exp(logp[n]! - max) / z;
  l /= z;
  lq /= z;
  const admitted = lambda * (1 - refused);
  return { stable: true, p: { refused, waitMs: admitted > 0 ? (lq / admitted) * 1000 : 0, depth: lq, utilization: (l - lq) / c } };
}
