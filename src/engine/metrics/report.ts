/**
 * The run's report: the CLI prints it, tests compare it, and it is the contract external tools
 * read (see docs/scenario-format.md). Everything but `wallMs` is a function of scenario and seed alone.
 */
import type { Sim, Halt } from '../kernel/sim';
import { REASONS } from '../kernel/protocol';
import type { TimelineKind } from './timeline';
import type { AlertReport } from './alerts';
import type { Histogram } from './histogram';
import { PRIORITY_CLASSES, type PriorityClass } from '../scenario/constants';

export interface Report {
  simulatedMs: number;
  events: number;
  wallMs: number;
  nodes: Record<string, Record<string, number | string | null>>;
  /** Flow-controlled edges ("from->to"): window, credit, receive buffer, updates, stalls. Absent without any. */
  edges?: Record<string, Record<string, number | string | null>>;
  endToEnd: {
    completed: number;
    meanLatencyMs: number;
    p50LatencyMs: number;
    p90LatencyMs: number;
    p99LatencyMs: number;
    p999LatencyMs: number;
    maxLatencyMs: number;
    /** The same per priority class, for the classes that completed anything. */
    byPriority: Partial<Record<PriorityClass, LatencySummary>>;
  };
  /**
   * Outcomes of the items producers created (calls on their behalf are counted at the callers):
   * produced = completed + refused + dropped + expired + failed + timedOut + inSystem, always.
   * goodput: completed no later than their deadline.
   */
  totals: {
    produced: number;
    completed: number;
    refused: number;
    dropped: number;
    expired: number;
    failed: number;
    timedOut: number;
    inSystem: number;
    goodput: number;
  };
  /** Every refusal, drop, expiry, failure and timeout (calls included) by reason, with its HTTP status. */
  reasons: Record<string, { status: number; count: number }>;
  /** The last notable moments: breaker transitions, a halt. */
  timeline: { atMs: number; node: string; kind: TimelineKind }[];
  /** Alert rules (scenario `alerts`): whether each is firing, how often it fired, its last value. */
  alerts: AlertReport[];
  halted: Halt | null;
}

export interface LatencySummary {
  completed: number;
  meanLatencyMs: number;
  p50LatencyMs: number;
  p90LatencyMs: number;
  p99LatencyMs: number;
  p999LatencyMs: number;
  maxLatencyMs: number;
}

/** Count, mean, p50, p90, p99, p999 and max of a latency histogram (0 when empty). */
export function summarize(h: Histogram): LatencySummary {
  return {
    completed: h.count,
    meanLatencyMs: h.mean,
    p50LatencyMs: h.quantile(0.5),
    p90LatencyMs: h.quantile(0.9),
    p99LatencyMs: h.quantile(0.99),
    p999LatencyMs: h.quantile(0.999),
    maxLatencyMs: h.max,
  };
}

export function buildReport(sim: Sim, wallMs: number): Report {
  const nodes: Report['nodes'] = {};
  let edges: Report['edges'];
  for (const n of sim.nodes) {
    // The receiving ends of flow-controlled edges are reported as edges, by "from->to".
    if (n.type === 'flow-window') (edges ??= {})[n.id] = n.report();
    else nodes[n.id] = n.report();
  }
  const e = sim.e2e;
  const byPriority: Report['endToEnd']['byPriority'] = {};
  sim.e2eByClass.forEach((h, i) => {
    if (h && h.count > 0) byPriority[PRIORITY_CLASSES[i]!] = summarize(h);
  });
  const reasons: Report['reasons'] = {};
  REASONS.forEach((r, i) => {
    const count = sim.reasonCounts[i]!;
    if (count > 0) reasons[r.code] = { status: r.status, count };
  });
  return {
    simulatedMs: sim.now,
    events: sim.events,
    wallMs,
    nodes,
    ...(edges ? { edges } : {}),
    endToEnd: { ...summarize(e), byPriority },
    totals: {
      produced: sim.produced,
      completed: sim.completed,
      refused: sim.refused,
      dropped: sim.dropped,
      expired: sim.expired,
      failed: sim.failed,
      timedOut: sim.timedOut,
      inSystem: sim.liveRoots,
      goodput: sim.goodput,
    },
    reasons,
    timeline: sim.timeline.since(sim.timeline.total - 100).map((e) => ({ atMs: e.atMs, node: sim.nodes[e.node]?.id ?? '(system)', kind: e.kind })),
    alerts: sim.alerts?.report() ?? [],
    halted: sim.halted,
  };
}
