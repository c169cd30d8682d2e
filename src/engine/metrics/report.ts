/**
 * The run's report: the CLI prints it, tests compare it, and it is the contract external tools
 * read (see README). Everything but `wallMs` is a function of scenario and seed alone.
 */
import type { Sim, Halt } from '../kernel/sim';

export interface Report {
  simulatedMs: number;
  events: number;
  wallMs: number;
  nodes: Record<string, Record<string, number | string | null>>;
  endToEnd: {
    completed: number;
    meanLatencyMs: number;
    p50LatencyMs: number;
    p99LatencyMs: number;
    p999LatencyMs: number;
    maxLatencyMs: number;
  };
  /** produced = completed + refused + dropped + expired + failed + inSystem, always. */
  totals: {
    produced: number;
    completed: number;
    refused: number;
    dropped: number;
    expired: number;
    failed: number;
    inSystem: number;
  };
  halted: Halt | null;
}

export function buildReport(sim: Sim, wallMs: number): Report {
  const nodes: Report['nodes'] = {};
  for (const n of sim.nodes) nodes[n.id] = n.report();
  const e = sim.e2e;
  return {
    simulatedMs: sim.now,
    events: sim.events,
    wallMs,
    nodes,
    endToEnd: {
      completed: e.count,
      meanLatencyMs: e.mean,
      p50LatencyMs: e.quantile(0.5),
      p99LatencyMs: e.quantile(0.99),
      p999LatencyMs: e.quantile(0.999),
      maxLatencyMs: e.max,
    },
    totals: {
      produced: sim.produced,
      completed: sim.completed,
      refused: sim.refused,
      dropped: sim.dropped,
      expired: sim.expired,
      failed: sim.failed,
      inSystem: sim.items.live,
    },
    halted: sim.halted,
  };
}
