import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { NodeConfig, NodeType } from '../../../engine/core';
import { PART_COMPONENTS } from '../../parts/components';

type Fields = ComponentType<{ cfg: NodeConfig }>;

// Fields that have arrived render at once; the others through one lazy component per kind.
const loaded = new Map<NodeType, Fields>();
const waiting = new Map<NodeType, LazyExoticComponent<Fields>>();

/** Fetches a kind's inspector fields, so that selecting such a node shows them without "Loading…". */
export function loadFields(kind: NodeType): Promise<Fields> {
  const done = loaded.get(kind);
  if (done) return Promise.resolve(done);
  // Each kind's fields take a config of that kind, and the inspector hands them only that.
  const load = PART_COMPONENTS[kind].fields as () => Promise<Fields>;
  return load().then((f) => {
    loaded.set(kind, f);
    return f;
  });
}

function lazyFields(kind: NodeType): LazyExoticComponent<Fields> {
  let l = waiting.get(kind);
  if (!l) {
    l = lazy(() => loadFields(kind).then((f) => ({ default: f })));
    waiting.set(kind, l);
  }
  return l;
}

/** The fields of the node's kind (its part's `fields`), below the label every node has. */
export function KindFields({ cfg }: { cfg: NodeConfig }) {
  const Loaded = loaded.get(cfg.type);
  if (Loaded) return <Loaded cfg={cfg} />;
  const Lazy = lazyFields(cfg.type);
  return (
    <Suspense fallback={<p className="bp-inspector__guide">Loading…</p>}>
      <Lazy cfg={cfg} />
    </Suspense>
  );
}
