import { lazy, Suspense, useState } from 'react';
import type { EdgeKind } from '../../../engine/index';
import { scenarioStore } from '../../store/appStore';
import { edgeKind, type FlowEdge } from '../../store/graph';
import { SelectParam } from './fields';
import { HINT } from './hints';

const FlowFields = lazy(() => import('./FlowFields').then((m) => ({ default: m.FlowFields })));

const KINDS: { value: EdgeKind; label: string }[] = [
  { value: 'send', label: 'send' },
  { value: 'call', label: 'call (services)' },
  { value: 'fallback', label: 'fallback (breakers)' },
  { value: 'scales', label: 'scales (autoscalers)' },
  { value: 'dead-letter', label: 'dead-letter (consumer groups)' },
];

const MEANING: Record<EdgeKind, (from: string, to: string) => string> = {
  send: (from, to) => `Items flow from ${from} to ${to}; ${from} is done with each once ${to} takes it.`,
  call: (from, to) => `Each worker of ${from} calls ${to} and waits for the answer, holding its slot: a slow ${to} ties up ${from}.`,
  fallback: (from, to) => `While ${from} is open (or half-open and full), items go to ${to} instead: a cache, a degraded answer.`,
  scales: (from, to) => `${from} adds and removes replicas of ${to} (each with ${to}'s workers); no items flow along it.`,
  'dead-letter': (from, to) => `Records ${from} could not process after every retry go to ${to}, the dead-letter topic, instead of failing.`,
};

/** A selected connection: what it means, and its kind (send, call or fallback) where valid. */
export function EdgeInspector({ edge }: { edge: FlowEdge }) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const kind = edgeKind(edge);
  const change = (next: EdgeKind) => {
    const why = scenarioStore.getState().setEdgeKind(edge.id, next);
    setRefusal(why ? `Cannot make this a ${next} edge: ${why}.` : null);
  };
  return (
    <>
      <div className="bp-inspector__head">
        <h2 className="bp-panel-title">
          Connection <span className="bp-inspector__id">{edge.source} → {edge.target}</span>
        </h2>
      </div>
      <form className="bp-inspector__fields" onSubmit={(e) => e.preventDefault()}>
        <SelectParam label="Edge type" hint={HINT.edgeKind} value={kind} options={KINDS} onChange={change} />
        {refusal && (
          <p className="bp-field__error" role="alert">
            {refusal}
          </p>
        )}
        <p className="bp-inspector__guide">{MEANING[kind](edge.source, edge.target)}</p>
        {kind === 'send' && (
          <Suspense fallback={null}>
            <FlowFields edge={edge} />
          </Suspense>
        )}
        <div>
          <button type="button" className="bp-btn bp-btn--danger" onClick={() => scenarioStore.getState().remove([], [edge.id])}>
            Delete connection
          </button>
        </div>
      </form>
    </>
  );
}
