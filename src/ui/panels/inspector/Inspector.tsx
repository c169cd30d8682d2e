import { lazy, Suspense } from 'react';
import type { NodeConfig } from '../../../engine/index';
import { KIND_NAME } from '../../canvas/nodes/kinds';
import { scenarioStore, useScenario } from '../../store/appStore';
import type { ScenarioState } from '../../store/scenarioStore';
import { EdgeInspector } from './EdgeInspector';
import { EventsEditor } from '../../lessons/EventsEditor';
import { AlertFields } from './AlertFields';
import { LessonPanel } from '../../lessons/LessonPanel';
import { TextParam } from './fields';
import { HINT } from './hints';
import { ProducerFields } from './ProducerFields';
import { QueueFields } from './QueueFields';
import { ServiceFields } from './ServiceFields';
import './inspector.css';

const ResilienceFields = lazy(() => import('./ResilienceFields'));
const ScalingFields = lazy(() => import('./ScalingFields'));
const StreamsFields = lazy(() => import('./StreamsFields'));

/** The fields of each kind, below the label every node has. */
function KindFields({ cfg }: { cfg: NodeConfig }) {
  switch (cfg.type) {
    case 'producer':
      return <ProducerFields cfg={cfg} />;
    case 'queue':
      return <QueueFields cfg={cfg} />;
    case 'service':
      return <ServiceFields cfg={cfg} />;
    case 'topic':
    case 'consumer-group':
      return (
        <Suspense fallback={<p className="bp-inspector__guide">Loading…</p>}>
          <StreamsFields cfg={cfg} />
        </Suspense>
      );
    case 'autoscaler':
    case 'connection-pool':
      return (
        <Suspense fallback={<p className="bp-inspector__guide">Loading…</p>}>
          <ScalingFields cfg={cfg} />
        </Suspense>
      );
    default:
      return (
        <Suspense fallback={<p className="bp-inspector__guide">Loading…</p>}>
          <ResilienceFields cfg={cfg} />
        </Suspense>
      );
  }
}

const selectNode = (s: ScenarioState) => s.nodes.find((n) => n.selected)?.data ?? null;
const selectEdge = (s: ScenarioState) => s.edges.find((e) => e.selected) ?? null;
const selectDescription = (s: ScenarioState) => s.meta.description ?? null;
const selectIsLesson = (s: ScenarioState) => s.meta.lesson !== undefined;

function NodeInspector({ cfg }: { cfg: NodeConfig }) {
  return (
    <>
      <div className="bp-inspector__head">
        <h2 className="bp-panel-title">
          {KIND_NAME[cfg.type]} <span className="bp-inspector__id">{cfg.id}</span>
        </h2>
        <button type="button" className="bp-btn bp-btn--danger" onClick={() => scenarioStore.getState().remove([cfg.id])}>
          Delete node
        </button>
      </div>
      <form className="bp-inspector__fields" onSubmit={(e) => e.preventDefault()}>
        <TextParam nodeId={cfg.id} label="Label" hint={HINT.label} inputMode="text" shown={cfg.label ?? ''} placeholder={cfg.id} toPatch={(t) => ({ label: t === '' ? undefined : t })} />
        <KindFields cfg={cfg} />
      </form>
      <EventsEditor cfg={cfg} />
      {cfg.type !== 'autoscaler' && <AlertFields cfg={cfg} />}
    </>
  );
}

/** Every parameter of the selected node, with units, hints and validation. */
export function Inspector() {
  const cfg = useScenario(selectNode);
  const edge = useScenario(selectEdge);
  const description = useScenario(selectDescription);
  const isLesson = useScenario(selectIsLesson);

  return (
    <aside className="bp-inspector" aria-label="Inspector">
      <LessonPanel compact={cfg !== null || edge !== null} />
      {cfg ? (
        <NodeInspector key={cfg.id} cfg={cfg} />
      ) : edge ? (
        <EdgeInspector key={edge.id} edge={edge} />
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
