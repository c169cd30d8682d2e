/** A sweep's results as CSV rows (the CLI's --csv and the app's export print the same). */
import type { PointResult } from './collect';
import type { SweepAxis } from './plan';

const COLUMNS: [string, (p: PointResult) => number | string][] = [
  ['seeds', (p) => p.seeds],
  ['p50_ms', (p) => p.figures.mean.p50],
  ['p99_ms', (p) => p.figures.mean.p99],
  ['p99_ms_ci95', (p) => p.figures.ci95.p99],
  ['p999_ms', (p) => p.figures.mean.p999],
  ['mean_latency_ms', (p) => p.figures.mean.meanLatency],
  ['offered_per_s', (p) => p.figures.mean.offered],
  ['throughput_per_s', (p) => p.figures.mean.throughput],
  ['goodput_per_s', (p) => p.figures.mean.goodput],
  ['goodput_per_s_ci95', (p) => p.figures.ci95.goodput],
  ['lost_share', (p) => p.figures.mean.lost],
  ['busiest_utilization', (p) => p.figures.mean.busiest],
  ['busiest_part', (p) => p.figures.mean.busiestId],
];

function cell(v: number | string): string {
  if (typeof v === 'string') return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  return Number.isFinite(v) ? String(Number(v.toPrecision(6))) : '';
}

/** One header line, then one line per point; an unknown number (no completions, one seed's half-width) is an empty cell. */
export function sweepCsv(axes: readonly Pick<SweepAxis, 'key'>[], points: readonly PointResult[]): string {
  const reasons: string[] = [];
  for (const p of points) for (const code of Object.keys(p.figures.mean.lostBy)) if (!reasons.includes(code)) reasons.push(code);
  const head = [...axes.map((a) => a.key), ...COLUMNS.map(([h]) => h), ...reasons.map((r) => `lost_share_${r}`)];
  const rows = points.map((p) => [...axes.map((a) => cell(p.values[a.key]!)), ...COLUMNS.map(([, f]) => cell(f(p))), ...reasons.map((r) => cell(p.figures.mean.lostBy[r] ?? 0))]);
  return [head.map(cell), ...rows].map((r) => r.join(',')).join('\n') + '\n';
}
