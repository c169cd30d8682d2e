/**
 * A producer's line of numbers: what it offers and what actually leaves it. A producer blocked by
 * backpressure offers 250/s and gets 47/s out; its configured rate alone would read as a lie.
 */
import type { ProducerConfig } from '../../../engine/index';

const grouped = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** "0.4/s", "47/s", "1,200/s". */
export function perSecond(v: number): string {
  if (!Number.isFinite(v) || v <= 0) return '0/s';
  return `${v < 10 ? Number(v.toFixed(1)) : grouped.format(v)}/s`;
}

/** What it offers: its rate, or its users when it is closed loop (the rate is then ignored). */
export function offerText(cfg: Pick<ProducerConfig, 'rate' | 'users'>, offeredPerS = cfg.rate): string {
  return cfg.users !== undefined ? `${grouped.format(cfg.users)} users` : `offered ${perSecond(offeredPerS)}`;
}

/**
 * "offered 250/s · out 47/s". `offeredPerS` is the rate it offers now (its profile's, from the
 * snapshot); `outPerS` what its first hop took over the last second, null before the run starts.
 */
export function producerFlowText(cfg: Pick<ProducerConfig, 'rate' | 'users'>, offeredPerS: number, outPerS: number | null): string {
  const offer = offerText(cfg, offeredPerS);
  return outPerS === null ? offer : `${offer} · out ${perSecond(outPerS)}`;
}

/** How it produces, under the numbers: "poisson", "bursty · profile", "closed loop · think 1 s". */
export function producerSubtitle(cfg: Pick<ProducerConfig, 'arrival' | 'profile' | 'users' | 'thinkTimeMs'>): string {
  if (cfg.users !== undefined) {
    const think = cfg.thinkTimeMs ?? 1000;
    return `closed loop · think ${think < 1000 ? `${think} ms` : `${Number((think / 1000).toFixed(2))} s`}`;
  }
  return `${cfg.arrival} arrivals${cfg.profile?.length ? ' · profile' : ''}`;
}
