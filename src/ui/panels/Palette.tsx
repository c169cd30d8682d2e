import type { DragEvent } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { NodeType } from '../../engine/index';
import { DRAG_KIND } from '../canvas/FlowCanvas';
import { scenarioStore } from '../store/appStore';
import { NODE_H, NODE_W } from '../store/graph';
import './palette.css';

const ENTRIES: { kind: NodeType; name: string; what: string }[] = [
  { kind: 'producer', name: 'Producer', what: 'Sends items at a rate' },
  { kind: 'queue', name: 'Queue', what: 'Holds items until there is room' },
  { kind: 'service', name: 'Service', what: 'Workers that process items' },
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
    const id = scenarioStore.getState().addNode(kind, { x: center.x - NODE_W / 2, y: center.y - NODE_H / 2 });
    const p = scenarioStore.getState().nodes.find((n) => n.id === id)?.position;
    const inView = p && p.x * zoom + tx >= 0 && p.y * zoom + ty >= 0 && (p.x + NODE_W) * zoom + tx <= width && (p.y + NODE_H) * zoom + ty <= height;
    // Wait a frame so xyflow has measured the new node before fitting.
    if (!inView) requestAnimationFrame(() => void fitView({ padding: 0.2, maxZoom: 1.25, duration: 300 }));
  };

  return (
    <nav className="bp-palette" aria-label="Components">
      <h2 className="bp-panel-title">Add</h2>
      <ul>
        {ENTRIES.map((e) => (
          <li key={e.kind}>
            <button
              type="button"
              className={`bp-palette__item bp-palette__item--${e.kind}`}
              draggable
              onDragStart={(ev) => onDragStart(ev, e.kind)}
              onClick={() => add(e.kind)}
              aria-describedby={`palette-${e.kind}`}
            >
              {e.name}
            </button>
            <p className="bp-palette__what" id={`palette-${e.kind}`}>
              {e.what}
            </p>
          </li>
        ))}
      </ul>
      <p className="bp-palette__help">Click or drag to add. Wire a right dot to a left dot. Delete key removes.</p>
    </nav>
  );
}
