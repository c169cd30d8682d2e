import { useEffect, useState, type CSSProperties } from 'react';
import { useStoreApi, ViewportPortal } from '@xyflow/react';
import { frameStore } from '../frames/frameStore';
import { addAnimator } from '../frames/painter';
import { DotAnimator } from './dots';
import { edgeGeometries } from './edgeGeometry';

const LAYER: CSSProperties = { position: 'absolute', left: 0, top: 0, width: '100%', height: '100%', pointerEvents: 'none', contain: 'layout size style' };
const CANVAS: CSSProperties = { position: 'absolute', left: 0, top: 0, transformOrigin: '0 0', pointerEvents: 'none' };
/** Room cut out around a node's box (its border and the selection glow). */
const NODE_MARGIN = 2;

/**
 * Items moving along every edge, drawn on one canvas each animation step from the frame store,
 * without React and without touching the DOM.
 *
 * The canvas lies in xyflow's viewport portal, ABOVE the nodes, with every node's box cleared out
 * of it, so the dots look as if they ran under the nodes. Chromium gives a canvas a compositor
 * layer of its own; below the nodes it would force every node that overlaps it onto further
 * layers (some thirty for the bench's graph, each costing commit and layerization time in every
 * frame), while on top it is one layer over the page.
 *
 * It undoes the viewport's pan and zoom with a counter-transform, so it always covers exactly the
 * visible pane at device resolution: dots are as sharp at 3x zoom as at 0.3x, and the canvas
 * never grows with the graph. Drawing maps flow coordinates to it with the viewport transform.
 */
export function DotsLayer() {
  const store = useStoreApi();
  // State, not a ref: ViewportPortal mounts its portal only once xyflow's layer exists, after
  // this component's first render, and the effect must run again when the canvas appears.
  const [el, setEl] = useState<HTMLCanvasElement | null>(null);

  useEffect(() => {
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const anim = new DotAnimator();
    const view = { x0: 0, y0: 0, x1: 0, y1: 0 };
    let tx = 0, ty = 0, zoom = 1, w = 0, h = 0, dpr = 1;
    let last = -1;

    const draw = () => {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, el.width, el.height);
      ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
      anim.draw(ctx, edgeGeometries.all(), view);
      for (const n of store.getState().nodeLookup.values()) {
        const { x, y } = n.internals.positionAbsolute;
        const w = n.measured.width ?? 0, h = n.measured.height ?? 0;
        if (w > 0 && x < view.x1 && y < view.y1 && x + w > view.x0 && y + h > view.y0)
          ctx.clearRect(x - NODE_MARGIN, y - NODE_MARGIN, w + 2 * NODE_MARGIN, h + 2 * NODE_MARGIN);
      }
    };

    /** Follows xyflow's viewport: pan, zoom and pane size, read from its store, not from layout. */
    const place = () => {
      const s = store.getState();
      const [x, y, z] = s.transform;
      const ratio = window.devicePixelRatio || 1;
      if (x === tx && y === ty && z === zoom && s.width === w && s.height === h && ratio === dpr) return;
      if (s.width !== w || s.height !== h || ratio !== dpr) {
        w = s.width;
        h = s.height;
        dpr = ratio;
        el.width = Math.max(1, Math.round(w * dpr));
        el.height = Math.max(1, Math.round(h * dpr));
        el.style.width = `${w}px`;
        el.style.height = `${h}px`;
      }
      tx = x;
      ty = y;
      zoom = z;
      el.style.transform = `translate(${-tx / zoom}px, ${-ty / zoom}px) scale(${1 / zoom})`;
      view.x0 = -tx / zoom;
      view.y0 = -ty / zoom;
      view.x1 = view.x0 + w / zoom;
      view.y1 = view.y0 + h / zoom;
      draw();
    };

    // Stepped on the frame clock's ticks (about 30 a second), with the charts and badges.
    const step = (t: number): boolean => {
      if (last < 0) last = t;
      const dt = Math.min((t - last) / 1000, 0.1);
      last = t;
      anim.update(dt, frameStore.get(), edgeGeometries.all());
      draw();
      // Paused with nothing falling: no more ticks until the next frame arrives.
      const more = anim.busy || frameStore.get().status.playing;
      if (!more) last = -1;
      return more;
    };
    // Edges moved while nothing animates (a node dragged while paused): redraw once, in a frame.
    let redrawRaf = 0;
    const redraw = () => {
      if (!redrawRaf && last < 0)
        redrawRaf = requestAnimationFrame(() => {
          redrawRaf = 0;
          draw();
        });
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
    const offView = store.subscribe(place);
    const offAnim = addAnimator(step);
    const offGeoms = edgeGeometries.subscribe(redraw);
    return () => {
      offView();
      offAnim();
      offGeoms();
      dprQuery?.removeEventListener('change', onDpr);
      if (redrawRaf) cancelAnimationFrame(redrawRaf);
    };
  }, [store, el]);

  return (
    <ViewportPortal>
      <div className="bp-dots-layer" style={LAYER} aria-hidden="true">
        <canvas ref={setEl} style={CANVAS} width={1} height={1} />
      </div>
    </ViewportPortal>
  );
}
