import { lazy, Suspense, useMemo } from 'react';
import type { NodeConfig } from '../../../engine/core';
import { PART, PARTS } from '../../parts/index';
import { scenarioStore, useScenario } from '../../store/appStore';
import type { ScenarioState } from '../../store/scenarioStore';
import { LockBanner } from './LockBanner';
import { NodeLockContext, nodeLockView } from './lockView';
import { TextParam } from './fields';
import { HINT } from './hints';
import { KindFields, loadFields } from './kindFields';

const EventsEditor = lazy(() => import('../../lessons/EventsEditor').then((m) => ({ default: m.EventsEditor })));
const AlertFields = lazy(() => import('./AlertFields').then((m) => ({ default: m.AlertFields })));

/** Fetches every kind's fields ahead of a first selection (Inspector.tsx calls it while idle). */
export const preloadFields = (): Promise<unknown> => Promise.all(PARTS.map((p) => loadFields(p.kind)));

const selectLock = (s: ScenarioState) => s.meta.lock;
const selectIsLesson = (s: ScenarioState) => s.meta.lesson !== undefined;
const selectIds = (s: ScenarioState) => s.nodes.map((n) => n.id).join('\u0000');

/** The selected node: its kind and id, Delete, and every parameter (read-only where the design's lock says so). */
export function NodeInspector({ cfg }: { cfg: NodeConfig }) {
  const lock = useScenario(selectLock);
  const isLesson = useScenario(selectIsLesson);
  const idList = useScenario(selectIds);
  const view = useMemo(() => nodeLockView(cfg, lock, new Set(idList.split('\u0000')), isLesson), [cfg, lock, idList, isLesson]);
  const structureLocked = view !== null && !view.lock.structure;
  return (
    <NodeLockContext.Provider value={view}>
      <div className="bp-inspector__head">
        <h2 className="bp-panel-title">
          {PART[cfg.type].name} <span className="bp-inspector__id">{cfg.id}</span>
        </h2>
        <button
          type="button"
          className="bp-btn bp-btn--danger"
          disabled={structureLocked}
          title={structureLocked ? `Parts cannot be deleted: ${view.reason}` : undefined}
          onClick={() => scenarioStore.getState().remove([cfg.id])}
        >
          Delete node
        </button>
      </div>
      {view && view.state !== 'all' && <LockBanner view={view} />}
      <form className="bp-inspector__fields" onSubmit={(e) => e.preventDefault()}>
        {/* Every control of a node with nothing editable is read-only, the nested editors' too. */}
        <fieldset className="bp-inspector__fieldset" disabled={view?.state === 'none'}>
          <TextParam nodeId={cfg.id} label="Label" hint={HINT.label} inputMode="text" shown={cfg.label ?? ''} placeholder={cfg.id} toPatch={(t) => ({ label: t === '' ? undefined : t })} />
          <KindFields cfg={cfg} />
        </fieldset>
      </form>
      <fieldset className="bp-inspector__fieldset" disabled={structureLocked}>
        <Suspense fallback={null}>
          <EventsEditor cfg={cfg} />
          {PART[cfg.type].alerts !== false && <AlertFields cfg={cfg} />}
        </Suspense>
      </fieldset>
    </NodeLockContext.Provider>
  );
}
