import { lazy, Suspense } from 'react';
import type { NodeConfig } from '../../../engine/index';
import { KIND_NAME } from '../../canvas/nodes/kinds';
import { scenarioStore } from '../../store/appStore';
import { TextParam } from './fields';
import { HINT } from './hints';
import { ProducerFields } from './ProducerFields';
import { QueueFields } from './QueueFields';
import { ServiceFields } from './ServiceFields';

const ResilienceFields = lazy(() => import('./ResilienceFields'));
const ScalingFields = lazy(() => import('./ScalingFields'));
const StreamsFields = lazy(() => import('./StreamsFields'));
const EventsEditor = lazy(() => import('../../lessons/EventsEditor').then((m) => ({ default: m.EventsEditor })));
const AlertFields = lazy(() => import('./AlertFields').then((m) => ({ default: m.AlertFields })));

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

/** The selected node: its kind and id, Delete, and every parameter. */
export function NodeInspector({ cfg }: { cfg: NodeConfig }) {
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
      <Suspense fallback={null}>
        <EventsEditor cfg={cfg} />
        {cfg.type !== 'autoscaler' && <AlertFields cfg={cfg} />}
      </Suspense>
    </>
  );
}
