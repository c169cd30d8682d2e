import type { DragEvent } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { NodeType } from '../../engine/core';
import { DRAG_KIND } from '../canvas/FlowCanvas';
import { scenarioStore } from '../store/appStore';
import { NODE_H, NODE_W } from '../store/graph';
import { PARTS } from '../parts/index';
import { PALETTE_GROUPS } from '../parts/part';
import '../canvas/nodes/kinds.css';
// The topic's and the consumer group's colours, for their entries: their views load later.
import '../canvas/nodes/streams.css';
import './palette.css';

/** Grouped by role: where work comes from, where it waits and is done, and what guards it. */
const GROUPS = PALETTE_GROUPS.map((name) => ({ name, entries: PARTS.filter((p) => p.palette.group === name) }));

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
                  title={e.palette.what}
                  onDragStart={(ev) => onDragStart(ev, e.kind)}
                  onClick={() => add(e.kind)}
                  aria-describedby={`palette-${e.kind}`}
                >
                  {e.name}
                </button>
                {/* Read out with the button; shown on hover as its tooltip, to keep the palette short. */}
                <span className="bp-visually-hidden" id={`palette-${e.kind}`}>
                  {e.palette.what}
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
