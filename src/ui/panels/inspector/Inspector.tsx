import { lazy, Suspense } from 'react';
import { useScenario } from '../../store/appStore';
import type { ScenarioState } from '../../store/scenarioStore';
import { LessonPanel } from '../../lessons/LessonPanel';
import { usePresent } from '../../present/presentStore';
import './inspector.css';

// Not in the initial bundle (it has a budget): fetched, with every kind's fields, while the browser
// is idle after the page has started, so the first click on a node shows its fields at once instead of "Loading…"; a click
// before that loads them on demand.
let nodeModule: typeof import('./NodeInspector') | null = null;
let edgeModule: typeof import('./EdgeInspector') | null = null;
const loadNode = () => import('./NodeInspector').then((m) => (nodeModule = m));
const loadEdge = () => import('./EdgeInspector').then((m) => (edgeModule = m));
const NodeInspectorLazy = lazy(() => loadNode().then((m) => ({ default: m.NodeInspector })));
const EdgeInspectorLazy = lazy(() => loadEdge().then((m) => ({ default: m.EdgeInspector })));
if (typeof window !== 'undefined') {
  const whenIdle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 2000));
  whenIdle(() => void Promise.all([loadNode().then((m) => m.preloadFields()), loadEdge()]).catch(() => undefined), { timeout: 5000 });
}

const selectNode = (s: ScenarioState) => s.nodes.find((n) => n.selected)?.data ?? null;
const selectEdge = (s: ScenarioState) => s.edges.find((e) => e.selected) ?? null;
const selectDescription = (s: ScenarioState) => s.meta.description ?? null;
const selectIsLesson = (s: ScenarioState) => s.meta.lesson !== undefined;

/** Every parameter of the selected node, with units, hints and validation. */
export function Inspector() {
  const NodeInspector = nodeModule?.NodeInspector ?? NodeInspectorLazy;
  const EdgeInspector = edgeModule?.EdgeInspector ?? EdgeInspectorLazy;
  const cfg = useScenario(selectNode);
  const edge = useScenario(selectEdge);
  const description = useScenario(selectDescription);
  const isLesson = useScenario(selectIsLesson);
  // Present mode keeps only the lesson, whole, in a strip beside the canvas.
  const present = usePresent((s) => s.present);
  if (present) {
    return (
      <aside className="bp-inspector" aria-label="Lesson">
        <LessonPanel compact={false} />
      </aside>
    );
  }

  return (
    <aside className="bp-inspector" aria-label="Inspector">
      {/* Not lazy: it judges the run from its first frame on, even one that finishes at once. */}
      <LessonPanel compact={cfg !== null || edge !== null} />
      {cfg ? (
        <Suspense fallback={<p className="bp-inspector__guide">Loading…</p>}>
          <NodeInspector key={cfg.id} cfg={cfg} />
        </Suspense>
      ) : edge ? (
        <Suspense fallback={<p className="bp-inspector__guide">Loading…</p>}>
          <EdgeInspector key={edge.id} edge={edge} />
        </Suspense>
      ) : isLesson ? null : (
        <>
          <h2 className="bp-panel-title">Inspector</h2>
          {description && <p className="bp-inspector__guide">{description}</p>}
          <p className="bp-inspector__guide">Select a node to change it: its rate, capacity, policy or workers. Changes apply at once, even while it runs.</p>
          <p className="bp-inspector__guide">Press Play and watch the queue: blue dots are items flowing, red dots are items turned away.</p>
        </>
      )}
    </aside>
  );
}
