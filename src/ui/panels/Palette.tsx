import type { DragEvent } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { NodeType } from '../../engine/index';
import { DRAG_KIND } from '../canvas/FlowCanvas';
import { scenarioStore } from '../store/appStore';
import { KIND_NAME } from '../canvas/nodes/kinds';
import { NODE_H, NODE_W } from '../store/graph';
import '../canvas/nodes/kinds.css';
import './palette.css';

interface Entry {
  kind: NodeType;
  what: string;
}

/** Grouped by role: where work comes from, where it waits and is done, and what guards it. */
const GROUPS: { name: string; entries: Entry[] }[] = [
  {
    name: 'Traffic',
    entries: [
      { kind: 'producer', what: 'Sends items at a rate, or as N users who wait for answers' },
      { kind: 'client', what: 'Calls with timeouts, retries, backoff and a retry budget' },
    ],
  },
  {
    name: 'Queues & work',
    entries: [
      { kind: 'queue', what: 'Holds items until there is room' },
      { kind: 'service', what: 'Workers that process items, or call other services' },
      { kind: 'load-balancer', what: 'Spreads items over replicas' },
      { kind: 'fan-out', what: 'Scatter-gather: N parallel calls, answers when all (or the first k) are back' },
      { kind: 'shared-row', what: 'One row written with optimistic concurrency: races fail with 409' },
    ],
  },
  {
    name: 'Guards',
    entries: [
      { kind: 'rate-limiter', what: 'Token bucket: too fast gets 429 + Retry-After' },
      { kind: 'circuit-breaker', what: 'Stops calling a failing service for a while (503)' },
      { kind: 'bulkhead', what: 'Caps calls in flight, so one part cannot take all' },
      { kind: 'load-shedder', what: 'Refuses work over a load limit, least important first' },
      { kind: 'concurrency-limiter', what: 'Learns how many calls in flight a service can take' },
    ],
  },
  {
    name: 'Scaling',
    entries: [
      { kind: 'autoscaler', what: 'Adds replicas of a service on load, after a start-up delay (Kubernetes HPA)' },
      { kind: 'connection-pool', what: 'A database’s max connections: callers wait, then time out (HikariCP)' },
    ],
  },
  {
    name: 'Streams',
    entries: [
      { kind: 'topic', what: 'A Kafka-like partitioned log with retention: takes every record, deletes old ones' },
      { kind: 'consumer-group', what: 'Consumers that read a topic, one per partition at most; lag, rebalances, redelivery' },
    ],
  },
];

function onDragStart(e: DragEvent, kind: NodeType): void {
  e.dataTransfer.setData(DRAG_KIND, kind);
  e.dataTransfer.effectAllowed = 'copy';
}

/** The component kinds: click to add in view, or drag onto the canvas. */
export function Palette() {
  const flow = useStoreApi();
  const { fitView } = useReactFlow();

  const add = (kind: NodeType) => {
    const { width, height, transform } = flow.getState();
    const [tx, ty, zoom] = transform;
    const center = { x: (width / 2 - tx) / zoom, y: (height / 2 - ty) / zoom };
    // Next to the selected node, where the flow goes on: clicking parts in order lays out a chain.
    const selected = scenarioStore.getState().nodes.find((n) => n.selected);
    const near = selected ? { x: selected.position.x + NODE_W + 100, y: selected.position.y } : { x: center.x - NODE_W / 2, y: center.y - NODE_H / 2 };
    const id = scenarioStore.getState().addNode(kind, near);
    if (!id) return;
    const p = scenarioStore.getState().nodes.find((n) => n.id === id)?.position;
    const inView = p && p.x * zoom + tx >= 0 && p.y * zoom + ty >= 0 && (p.x + NODE_W) * zoom + tx <= width && (p.y + NODE_H) * zoom + ty <= height;
    if (!inView) fitOnceMeasured(id, 20);
  };

  // Fitting before xyflow has measured the new node would leave it out: wait for its size.
  const fitOnceMeasured = (id: string, frames: number) =>
    requestAnimationFrame(() => {
      if (flow.getState().nodeLookup.get(id)?.measured.width || frames <= 0) void fitView({ padding: 0.2, maxZoom: 1.25, duration: 300 });
      else fitOnceMeasured(id, frames - 1);
    });

  return (
    <nav className="bp-palette" aria-label="Components">
      <h2 className="bp-panel-title">Add</h2>
      {GROUPS.map((g) => (
        <section key={g.name} className="bp-palette__group" aria-label={g.name}>
          <h3 className="bp-palette__group-name">{g.name}</h3>
          <ul>
            {g.entries.map((e) => (
              <li key={e.kind}>
                <button
                  type="button"
                  className={`bp-palette__item bp-palette__item--${e.kind}`}
                  draggable
                  title={e.what}
                  onDragStart={(ev) => onDragStart(ev, e.kind)}
                  onClick={() => add(e.kind)}
                  aria-describedby={`palette-${e.kind}`}
                >
                  {KIND_NAME[e.kind]}
                </button>
                {/* Read out with the button; shown on hover as its tooltip, to keep the palette short. */}
                <span className="bp-visually-hidden" id={`palette-${e.kind}`}>
                  {e.what}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p className="bp-palette__help">Click to add next to the selected node, or drag onto the canvas. Wire a right dot to a left dot; select a wire to make it a call or a fallback. Delete key removes.</p>
    </nav>
  );
}
