/**
 * The engine's public face: build a simulation from a validated scenario, run it in slices,
 * read snapshots and the report, and edit parameters while it runs.
 */
import { Sim, type Halt, type SimOptions } from './kernel/sim';
import type { SimNode } from './kernel/node';
import type { Service } from './components/service';
import { addFlowWindow } from './components/creditWindow';
import type { Autoscaler } from './components/autoscaler';
import { partOf } from './parts/index';
import { Alerts } from './metrics/alerts';
import type { NodeConfig, Scenario } from './scenario/schema';
import { parseNode, type Parsed } from './scenario/validate';
import { snapshotLength } from './metrics/layout';
import { buildReport, type Report } from './metrics/report';
import { scheduleScript } from './scripted';
import { TIMELINE_KINDS, type TimelineKind } from './metrics/timeline';

export interface SimulationOptions extends SimOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
}

function makeNode(sim: Sim, index: number, cfg: NodeConfig, seed: number): SimNode {
  return partOf(cfg.type).create(sim, index, cfg.id, seed);
}

export class Simulation {
  readonly sim: Sim;
  readonly seed: number;
  readonly nodeIds: readonly string[];
  private readonly byId = new Map<string, SimNode>();
  private configs: NodeConfig[];

  constructor(
    readonly scenario: Scenario,
    opts: SimulationOptions = {},
  ) {
    this.seed = opts.seed ?? scenario.seed;
    const sim = (this.sim = new Sim(opts));
    this.configs = scenario.nodes.slice();
    sim.nodes = scenario.nodes.map((cfg, i) => makeNode(sim, i, cfg, this.seed));
    for (const n of sim.nodes) this.byId.set(n.id, n);
    for (const e of scenario.edges) {
      const from = this.byId.get(e.from)!, to = this.byId.get(e.to)!;
      if (e.kind === 'scales') {
        // No items flow along it: it names what the autoscaler scales.
        (from as Autoscaler).target = to as Service;
        continue;
      }
      if (e.kind === 'call') from.callOutputs.push(to);
      // A consumer group's dead-letter route is its fallback: where records go that failed every retry.
      else if (e.kind === 'fallback' || e.kind === 'dead-letter') from.fallbackOutputs.push(to);
      // A flow-controlled edge: the sender sends into the window's receive buffer (creditWindow.ts).
      else from.outputs.push(e.flow ? addFlowWindow(sim, from, to, e.flow) : to);
      to.inputs.push(from);
    }
    sim.nodes.forEach((n, i) => {
      n.wire(sim.nodes.length);
      n.configure(scenario.nodes[i]!);
    });
    this.nodeIds = sim.nodes.map((n) => n.id);
    if (scenario.alerts && scenario.alerts.length > 0) sim.alerts = new Alerts(sim, scenario.alerts, new Map(this.nodeIds.map((id, i) => [id, i])));
    sim.begin();
    scheduleScript(this, scenario.events ?? []);
  }

  get now(): number {
    return this.sim.now;
  }

  get halted(): Halt | null {
    return this.sim.halted;
  }

  /** Whether the scenario's duration has been reached (or the run halted). */
  get done(): boolean {
    return this.sim.halted !== null || this.sim.now >= this.scenario.durationMs;
  }

  /** Runs to simulated time `ms` (or until `maxEvents` events), returns events processed. */
  runUntil(ms: number, maxEvents = Infinity): number {
    return this.sim.runUntil(ms, maxEvents);
  }

  /** Runs for `ms` of simulated time from now. */
  runFor(ms: number, maxEvents = Infinity): number {
    return this.sim.runUntil(this.sim.now + ms, maxEvents);
  }

  /** Runs to the end of the scenario's duration (or until the run halts). */
  runToEnd(): void {
    this.sim.runUntil(this.scenario.durationMs);
  }

  get snapshotLength(): number {
    return snapshotLength(this.sim.nodes.length);
  }

  /** The live state, in `into` if given (metrics/layout.ts documents the fields). */
  snapshot(into?: Float64Array): Float64Array {
    const buf = into ?? new Float64Array(this.snapshotLength);
    this.sim.fillSnapshot(buf);
    return buf;
  }

  /** Sampled history, oldest first: `rows` snapshots of `rowLength` doubles. */
  series(): { rows: number; rowLength: number; data: Float64Array } {
    const s = this.sim.series;
    return { rows: s.count, rowLength: s.rowLength, data: s.toArray() };
  }

  /**
   * Series rows sampled since `cursor` (0 at first, then the returned `cursor`), oldest first:
   * what a UI needs to extend its charts without copying the whole history every frame.
   */
  seriesSince(cursor: number): { rowLength: number; data: Float64Array; cursor: number } {
    const s = this.sim.series;
    return { rowLength: s.rowLength, data: s.since(cursor), cursor: s.total };
  }

  /**
   * Notable moments (breaker transitions, a halt) recorded after `cursor` (0 at first, then the
   * returned `cursor`), with node ids: markers for the charts' time axis.
   */
  timelineSince(cursor: number): { entries: { atMs: number; node: string; kind: TimelineKind }[]; cursor: number } {
    const t = this.sim.timeline;
    return { entries: t.since(cursor).map((e) => ({ atMs: e.atMs, node: this.nodeIds[e.node] ?? '(system)', kind: e.kind })), cursor: t.total };
  }

  /**
   * The same entries as numbers, for a transfer to the UI thread: [atMs, node index, kind index]
   * triples (kind indexes TIMELINE_KINDS), oldest first.
   */
  timelineRowsSince(cursor: number): { data: Float64Array; cursor: number } {
    const t = this.sim.timeline;
    const entries = t.since(cursor);
    const data = new Float64Array(entries.length * 3);
    entries.forEach((e, k) => {
      data[3 * k] = e.atMs;
      data[3 * k + 1] = e.node;
      data[3 * k + 2] = TIMELINE_KINDS.indexOf(e.kind);
    });
    return { data, cursor: t.total };
  }

  /**
   * Changes one node's parameters now, without a reset. The node's type and id stay; the patch is
   * merged over its configuration and validated as a whole. Returns the problems, if any, and
   * changes nothing then.
   */
  setParams(nodeId: string, patch: Record<string, unknown>): Parsed<NodeConfig> {
    const node = this.byId.get(nodeId);
    if (!node) return { ok: false, issues: [{ path: 'id', message: `no node with id "${nodeId}"` }] };
    const i = node.index;
    const merged = { ...this.configs[i], ...patch, id: nodeId, type: node.type };
    const parsed = parseNode(merged);
    if (!parsed.ok) return parsed;
    this.configs[i] = parsed.value;
    node.configure(parsed.value);
    return parsed;
  }

  config(nodeId: string): NodeConfig | undefined {
    const n = this.byId.get(nodeId);
    return n ? this.configs[n.index] : undefined;
  }

  /** The report; `wallMs` is the caller's measurement of run time (the engine has no clock). */
  report(wallMs = 0): Report {
    return buildReport(this.sim, wallMs);
  }
}

export function createSimulation(scenario: Scenario, opts?: SimulationOptions): Simulation {
  return new Simulation(scenario, opts);
}
