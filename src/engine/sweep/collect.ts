/**
 * Gathering runs into points: runs arrive in any order (from any number of workers); a point is
 * complete when all its seeds are in, and is summed up in seed order, so its numbers never depend
 * on which worker ran what.
 */
import type { SweepPlan } from './plan';
import { figuresOf, summarizeFigures, summarizeReports, type Figures, type Summary, type SweepReport } from './aggregate';

/** Run r of a plan is seed (r mod seeds) of point floor(r / seeds). */
export function runOf(plan: Pick<SweepPlan, 'seeds'>, r: number): { point: number; k: number } {
  const n = plan.seeds.length;
  return { point: Math.floor(r / n), k: r % n };
}

export interface PointResult {
  index: number;
  values: Record<string, number>;
  seeds: number;
  mean: SweepReport;
  ci95: SweepReport;
  figures: Summary<Figures>;
  /** Per seed, for charts that draw every run. */
  perSeed: Figures[];
}

export class SweepCollector {
  private readonly pending = new Map<number, (SweepReport | undefined)[]>();
  private readonly done = new Map<number, PointResult>();

  constructor(private readonly plan: Pick<SweepPlan, 'seeds' | 'points'>) {}

  /** Adds run r; returns its point when that was the point's last seed. */
  add(r: number, report: SweepReport): PointResult | null {
    const { point, k } = runOf(this.plan, r);
    let slot = this.pending.get(point);
    if (!slot) this.pending.set(point, (slot = new Array<SweepReport | undefined>(this.plan.seeds.length)));
    slot[k] = report;
    for (let i = 0; i < slot.length; i++) if (slot[i] === undefined) return null;
    this.pending.delete(point);
    const reports = slot as SweepReport[];
    const perSeed = reports.map(figuresOf);
    const p: PointResult = { index: point, values: this.plan.points[point]!.values, seeds: reports.length, ...summarizeReports(reports), figures: summarizeFigures(perSeed), perSeed };
    this.done.set(point, p);
    return p;
  }

  /** The complete points so far, in plan order. */
  results(): PointResult[] {
    return [...this.done.values()].sort((a, b) => a.index - b.index);
  }
}
