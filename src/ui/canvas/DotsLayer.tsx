import { useEffect, useState, type CSSProperties } from 'react';
import { useStoreApi, ViewportPortal } from '@xyflow/react';
import { paintDots } from '../paint/paintClient';
import type { PaneView } from '../paint/protocol';
import { edgeGeometries } from './edgeGeometry';
import { attachNodesCanvas } from './nodes/nodeSurface';

// Above every node, the selected one too (xyflow lifts a selected or dragged node to z-index 1000).
const LAYER: CSSProperties = { position: 'absolute', left: 0, top: 0, width: '100%', height: '100%', pointerEvents: 'none', contain: 'layout size style', zIndex: 2000 };
const CANVAS = 'position:absolute;left:0;top:0;transform-origin:0 0;pointer-events:none';

/**
 * Items moving along every edge, drawn on one canvas by the paint worker (ui/paint), so that
 * neither drawing them nor handing the canvas to the compositor costs the page's main thread.
 * This component only tells the worker what changed: the pane's pan, zoom and size, where edges
 * and nodes are, and, once per arriving frame, the flows.
 *
 * The canvas lies in xyflow's viewport portal, ABOVE the nodes, with every node's box cleared out
 * of it, so the dots look as if they ran under the nodes. Chromium gives a canvas a compositor
 * layer of its own; below the nodes it would force every node that overlaps it onto further
 * layers (some thirty for the bench's graph, each costing commit and layerization time in every
 * frame), while on top it is one layer over the page (over the selected node too: xyflow lifts
 * that one to z-index 1000).
 *
 * A second canvas over it, the same size, carries the nodes' live values (nodes/nodeSurface.ts,
 * drawn by the paint worker's nodes renderer from this view and these boxes): one more layer for
 * them all, where a canvas per node made thirty.
 *
 * It undoes the viewport's pan and zoom with a counter-transform, so it always covers exactly the
 * visible pane at device resolution: dots are as sharp at 3x zoom as at 0.3x, and the canvas
 * never grows with the graph. Drawing maps flow coordinates to it with the viewport transform.
 */
export function DotsLayer() {
  const store = useStoreApi();
  // State, not a ref: ViewportPortal mounts its portal only once xyflow's layer exists, after
  // this component's first render, and the effect must run again when the host appears.
  const [host, setHost] = useState<HTMLDivElement | null>(null);

  useEffect(() => {
    if (!host) return;
    // A canvas of this effect's own: one handed to a worker cannot be handed over again.
    const el = document.createElement('canvas');
    el.setAttribute('style', CANVAS);
    el.className = 'bp-dots';
    // The nodes' live values (nodes/nodeSurface.ts), over the dots, on the same pane.
    const values = document.createElement('canvas');
    values.setAttribute('style', CANVAS);
    values.className = 'bp-node-values';
    host.append(el, values);
    const port = paintDots(el);
    const detachValues = attachNodesCanvas(values);
    let view: PaneView = { tx: 0, ty: 0, zoom: 1, w: 0, h: 0, dpr: 0 };
    let boxes: number[] = [];
    let ids: string[] = [];

    /** Every node's box, flow coordinates (x, y, w, h each), and their ids. */
    const nodeBoxes = (): [number[], string[]] => {
      const out: number[] = [];
      const names: string[] = [];
      for (const n of store.getState().nodeLookup.values()) {
        const { x, y } = n.internals.positionAbsolute;
        out.push(x, y, n.measured.width ?? 0, n.measured.height ?? 0);
        names.push(n.id);
      }
      return [out, names];
    };
    const sendGeometry = () => {
      [boxes, ids] = nodeBoxes();
      port.post({ type: 'geometry', edges: [...edgeGeometries.all()], boxes, ids });
    };

    /** Follows xyflow's viewport: pan, zoom and pane size, read from its store, not from layout. */
    const place = () => {
      const s = store.getState();
      // A node moved or changed size without moving an edge (one not wired yet).
      const [now, names] = nodeBoxes();
      if (now.length !== boxes.length || now.some((v, i) => v !== boxes[i]) || names.some((id, i) => id !== ids[i])) sendGeometry();
      const [tx, ty, zoom] = s.transform;
      const dpr = window.devicePixelRatio || 1;
      if (tx === view.tx && ty === view.ty && zoom === view.zoom && s.width === view.w && s.height === view.h && dpr === view.dpr) return;
      for (const c of [el, values]) {
        if (s.width !== view.w || s.height !== view.h) {
          c.style.width = `${s.width}px`;
          c.style.height = `${s.height}px`;
        }
        c.style.transform = `translate(${-tx / zoom}px, ${-ty / zoom}px) scale(${1 / zoom})`;
      }
      view = { tx, ty, zoom, w: s.width, h: s.height, dpr };
      port.post({ type: 'view', view });
    };
    // A changed devicePixelRatio (the window moved to a projector, a browser zoom) resizes the canvas.
    let dprQuery: MediaQueryList | null = null;
    const onDpr = () => {
      place();
      watchDpr();
    };
    const watchDpr = () => {
      dprQuery?.removeEventListener('change', onDpr);
      dprQuery = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
      dprQuery.addEventListener('change', onDpr);
    };
    place();
    watchDpr();
    sendGeometry();
    const offView = store.subscribe(place);
    const offGeoms = edgeGeometries.subscribe(sendGeometry);
    return () => {
      offView();
      offGeoms();
      dprQuery?.removeEventListener('change', onDpr);
      port.close();
      detachValues();
      el.remove();
      values.remove();
    };
  }, [store, host]);

  return (
    <ViewportPortal>
      <div className="bp-dots-layer" style={LAYER} aria-hidden="true" ref={setHost} />
    </ViewportPortal>
  );
}
