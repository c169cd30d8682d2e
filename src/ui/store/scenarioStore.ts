/**
 * The design being edited: the graph (which is the scenario), its seed, and every edit a person can
 * make as a named action in one place (shared/STYLE.md, habit 9). No per-frame data lives here.
 */
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange, type XYPosition } from '@xyflow/react';
import { createStore } from 'zustand/vanilla';
import type { EdgeKind, FlowConfig, FlowInput, NodeType, Scenario, ScenarioIssue, ScriptedEvent, SweepSettings } from '../../engine/core';
import { validation } from '../validation';
import { eventsWithout, withEvents } from '../lessons/scriptedEvents';
import { alertsWithout, withAlert, type AlertRuleInput } from './alerts';
import {
  connectionError,
  defaultEdgeKind,
  edgeKind,
  edgeKindError,
  edgesFromScenario,
  freeSpot,
  makeEdge,
  mergeConfig,
  nextId,
  nodesFromScenario,
  starterConfig,
  toScenario,
  type FlowEdge,
  type FlowNode,
  type ScenarioMeta,
} from './graph';

export interface ScenarioState {
  meta: ScenarioMeta;
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** Bumped by edits that change what is wired to what: the run restarts from t = 0. */
  structureVersion: number;
  /** Bumped only when a whole design is loaded (a lesson, a link, a file): the canvas fits it into view. */
  loadVersion: number;
  /** The last edit the design's lock refused, and why (the app shows it as an alert). */
  refused: { id: number; text: string } | null;

  loadScenario(s: Scenario): void;
  /** Adds a part and returns its id; '' (nothing added) when the design's lock refuses structural edits (`refused` says why). */
  addNode(type: NodeType, near: XYPosition): string;
  /** Deletes nodes (with their edges) and edges, as one edit; returns why not when the lock refuses it. */
  remove(nodeIds: readonly string[], edgeIds?: readonly string[]): string | null;
  /** Draws from → to (a plain "send" edge unless told; from an autoscaler, "scales"), or says why not (and draws nothing). */
  connect(from: string, to: string, kind?: EdgeKind): string | null;
  /** Makes an edge send, call or fallback, or says why not (and changes nothing). */
  setEdgeKind(id: string, kind: EdgeKind): string | null;
  /** Puts credit-based flow control on a send edge (null: none), or says why not (and changes nothing). */
  setEdgeFlow(id: string, flow: FlowInput | null): string | null;
  /**
   * Merges `patch` into a node's config; refused with the problems if the result is invalid, or if
   * it changes a field the design's lock keeps read-only. `asLesson`: the lesson's own "Try this"
   * change, which its lock does not hold back (a learner's edit never passes it).
   */
  setParam(id: string, patch: Record<string, unknown>, opts?: { asLesson?: boolean }): ScenarioIssue[] | null;
  setSeed(seed: number): void;
  /** Keeps a sweep's settings in the design (what the Sweep panel varies; never its results). The run goes on. */
  setSweep(sweep: SweepSettings | undefined): void;
  /** Adds scripted timeline events (the run restarts), or returns the problems (and adds nothing). */
  addEvents(events: readonly ScriptedEvent[], opts?: { asLesson?: boolean }): ScenarioIssue[] | null;
  /** Adds an alert rule (the run restarts), or returns the problems (and adds nothing). */
  addAlert(rule: AlertRuleInput): ScenarioIssue[] | null;
  /** Removes alert rule number `index` (the run restarts). */
  removeAlert(index: number): void;
  /** Removes scripted event number `index` (the run restarts). */
  removeEvent(index: number, opts?: { asLesson?: boolean }): void;
  select(id: string | null): void;
  /** Moves, selection and measurements from the canvas (removals go through remove). */
  applyNodeChanges(changes: NodeChange<FlowNode>[]): void;
  applyEdgeChanges(changes: EdgeChange<FlowEdge>[]): void;
}

let refusals = 1;

export function createScenarioStore(initial: Scenario) {
  return createStore<ScenarioState>()((set, get) => {
    /**
     * Every edit lands in this store, so the lock is held here, whatever the path (the inspector,
     * the palette, a drop, the Delete key, a paste): a structural edit is refused unless the lock
     * allows structure. Returns the reason, already reported in `refused`, or null.
     */
    const structureRefused = (what: string): string | null => {
      const lock = get().meta.lock;
      if (!lock || lock.structure) return null;
      const text = `${what}: ${validation().lockReason(lock, get().meta.lesson !== undefined)}`;
      set({ refused: { id: refusals++, text } });
      return text;
    };
    return {
    meta: metaOf(initial),
    nodes: nodesFromScenario(initial),
    edges: edgesFromScenario(initial),
    structureVersion: 0,
    loadVersion: 0,
    refused: null,

    loadScenario(s) {
      set((st) => ({
        meta: metaOf(s),
        nodes: nodesFromScenario(s),
        edges: edgesFromScenario(s),
        structureVersion: st.structureVersion + 1,
        loadVersion: st.loadVersion + 1,
        refused: null,
      }));
    },

    addNode(type, near) {
      if (structureRefused('Cannot add a part')) return '';
      const { nodes } = get();
      const id = nextId(type, nodes);
      const node: FlowNode = { id, type, position: freeSpot(nodes, near), data: starterConfig(type, id), selected: true };
      set((st) => ({
        nodes: [...st.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node],
        edges: st.edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
        structureVersion: st.structureVersion + 1,
      }));
      return id;
    },

    remove(nodeIds, edgeIds = []) {
      const { nodes, edges } = get();
      const goneNodes = new Set(nodeIds);
      const goneEdges = new Set(edgeIds);
      const keptNodes = nodes.filter((n) => !goneNodes.has(n.id));
      const keptEdges = edges.filter((e) => !goneEdges.has(e.id) && !goneNodes.has(e.source) && !goneNodes.has(e.target));
      if (keptNodes.length === nodes.length && keptEdges.length === edges.length) return null;
      const why = structureRefused(keptNodes.length < nodes.length ? 'Cannot delete a part' : 'Cannot remove a wire');
      if (why) return why;
      set((st) => ({ nodes: keptNodes, edges: keptEdges, meta: { ...st.meta, events: eventsWithout(st.meta.events, goneNodes), alerts: alertsWithout(st.meta.alerts, goneNodes) }, structureVersion: st.structureVersion + 1 }));
      return null;
    },

    connect(from, to, kindAsked) {
      const { nodes, edges } = get();
      const kind = kindAsked ?? defaultEdgeKind(nodes.find((n) => n.id === from)?.data);
      const why = connectionError(nodes, edges, from, to, kind);
      if (why) return why;
      const locked = structureRefused('Cannot wire');
      if (locked) return locked;
      set((st) => ({ edges: [...st.edges, makeEdge(from, to, kind)], structureVersion: st.structureVersion + 1 }));
      return null;
    },

    setEdgeKind(id, kind) {
      const { nodes, edges } = get();
      const edge = edges.find((e) => e.id === id);
      if (edge && edgeKind(edge) === kind) return null;
      const why = edgeKindError(nodes, edges, id, kind);
      if (why) return why;
      const locked = structureRefused('Cannot change a wire');
      if (locked) return locked;
      // The engine wires call and fallback routes when a run is built: a structural edit.
      // Flow control belongs to send edges: another kind drops it.
      const dataFor = (e: FlowEdge): FlowEdge['data'] => {
        const { flow, ...rest } = e.data ?? { kind };
        return kind === 'send' && flow ? { ...rest, kind, flow } : { ...rest, kind };
      };
      set((st) => ({ edges: st.edges.map((e) => (e.id === id ? { ...e, data: dataFor(e) } : e)), structureVersion: st.structureVersion + 1 }));
      return null;
    },

    setEdgeFlow(id, flow) {
      const edge = get().edges.find((e) => e.id === id);
      if (!edge) return 'that connection no longer exists';
      if (flow !== null && edgeKind(edge) !== 'send') return `flow control applies to send edges; this is a ${edgeKind(edge)} edge`;
      const locked = structureRefused('Cannot change a wire');
      if (locked) return locked;
      let next: FlowConfig | undefined;
      if (flow !== null) {
        const p = validation().flowSchema.safeParse(flow);
        if (!p.success) return p.error.issues.map((i) => `${i.path.join('.') || 'flow'}: ${i.message}`).join('; ');
        next = p.data;
      }
      // The engine builds the window into the run: a structural edit (the run restarts).
      set((st) => ({
        edges: st.edges.map((e) => {
          if (e.id !== id) return e;
          const { flow: _old, ...rest } = e.data ?? { kind: 'send' as const };
          return { ...e, data: next ? { ...rest, flow: next } : rest };
        }),
        structureVersion: st.structureVersion + 1,
      }));
      return null;
    },

    setParam(id, patch, opts) {
      const { nodes, meta } = get();
      const node = nodes.find((n) => n.id === id);
      if (!node) return [{ path: 'id', message: `no node with id "${id}"` }];
      const parsed = mergeConfig(node.data, patch);
      if (!parsed.ok) return parsed.issues;
      if (meta.lock && !opts?.asLesson) {
        const ids = new Set(nodes.map((n) => n.id));
        const locked = validation().changedPaths(node.data, parsed.value).filter((p) => !validation().isEditable(meta.lock, ids, id, p));
        if (locked.length > 0) {
          const reason = validation().lockReason(meta.lock, meta.lesson !== undefined);
          set({ refused: { id: refusals++, text: `Not applied: ${id}.${locked[0]!.join('.')} is ${reason}` } });
          return locked.map((p) => ({ path: p.join('.'), message: reason }));
        }
      }
      set((st) => ({ nodes: st.nodes.map((n) => (n.id === id ? { ...n, data: parsed.value } : n)) }));
      return null;
    },

    addEvents(events, opts) {
      const locked = opts?.asLesson ? null : structureRefused('Cannot add scripted events');
      if (locked) return [{ path: 'events', message: locked }];
      const r = withEvents(scenarioOf(get()), events);
      if (!r.ok) return r.issues;
      set((st) => ({ meta: { ...st.meta, events: r.events }, structureVersion: st.structureVersion + 1 }));
      return null;
    },

    addAlert(rule) {
      const locked = structureRefused('Cannot add an alert rule');
      if (locked) return [{ path: 'alerts', message: locked }];
      const r = withAlert(scenarioOf(get()), rule);
      if (!r.ok) return r.issues;
      // The engine builds the rules into the run: a structural edit (the run restarts).
      set((st) => ({ meta: { ...st.meta, alerts: r.alerts }, structureVersion: st.structureVersion + 1 }));
      return null;
    },

    removeAlert(index) {
      const alerts = get().meta.alerts ?? [];
      if (index < 0 || index >= alerts.length) return;
      if (structureRefused('Cannot remove an alert rule')) return;
      const kept = alerts.filter((_, i) => i !== index);
      set((st) => ({ meta: { ...st.meta, alerts: kept.length > 0 ? kept : undefined }, structureVersion: st.structureVersion + 1 }));
    },

    removeEvent(index, opts) {
      const events = get().meta.events ?? [];
      if (index < 0 || index >= events.length) return;
      if (!opts?.asLesson && structureRefused('Cannot remove a scripted event')) return;
      set((st) => ({ meta: { ...st.meta, events: events.filter((_, i) => i !== index) }, structureVersion: st.structureVersion + 1 }));
    },

    setSeed(seed) {
      set((st) => ({ meta: { ...st.meta, seed } }));
    },

    setSweep(sweep) {
      set((st) => {
        const { sweep: _old, ...rest } = st.meta;
        return { meta: sweep ? { ...rest, sweep } : rest };
      });
    },

    select(id) {
      set((st) => ({
        nodes: st.nodes.map((n) => ((n.id === id) !== Boolean(n.selected) ? { ...n, selected: n.id === id } : n)),
        edges: st.edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
      }));
    },

    applyNodeChanges(changes) {
      const kept = changes.filter((c) => c.type !== 'remove' && c.type !== 'add' && c.type !== 'replace');
      if (kept.length > 0) set((st) => ({ nodes: applyNodeChanges(kept, st.nodes) }));
    },

    applyEdgeChanges(changes) {
      const kept = changes.filter((c) => c.type === 'select');
      if (kept.length > 0) set((st) => ({ edges: applyEdgeChanges(kept, st.edges) }));
    },
  };
  });
}

function metaOf(s: Scenario): ScenarioMeta {
  const { nodes: _n, edges: _e, ...meta } = s;
  return meta;
}

export type ScenarioStore = ReturnType<typeof createScenarioStore>;

/** The scenario as plain data (what the worker, a file and a share link carry). */
export function scenarioOf(st: ScenarioState): Scenario {
  return toScenario(st.meta, st.nodes, st.edges);
}

/** Selectors used by more than one component live at module level (stable identities). */
export const selectSelectedId = (st: ScenarioState): string | null => st.nodes.find((n) => n.selected)?.id ?? null;
