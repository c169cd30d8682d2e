import { useEffect, useRef } from 'react';
import { EdgeLabelRenderer } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { frameStore } from '../frames/frameStore';
import { useScenario } from '../store/appStore';
import type { ScenarioState } from '../store/scenarioStore';
import { DotAnimator, type DotPaths } from './dots';
import { edgeGeometries } from './edgeGeometry';

const selectEdgeIds = (s: ScenarioState) => s.edges.map((e) => e.id);
const MIN_STEP_MS = 30;

/**
 * Items moving along every edge, redrawn each animation frame from the frame store without React.
 * It lives in xyflow's edge-label layer (above edges, under nodes, in flow coordinates) inside a
 * box with size and layout containment: a path changing in xyflow's own edge SVGs would re-lay out
 * the whole page 60 times a second; here it re-lays out this box only.
 */
export function DotsLayer() {
  const ids = useScenario(useShallow(selectEdgeIds));
  const paths = useRef(new Map<string, DotPaths>()).current;

  useEffect(() => {
    const anim = new DotAnimator();
    let last = -1;
    let raf = 0;
    const loop = (t: number) => {
      raf = 0;
      if (last < 0) last = t;
      // About 30 updates a second: smooth enough for dots, half the work of every frame.
      if (t - last >= MIN_STEP_MS) {
        const dt = Math.min((t - last) / 1000, 0.1);
        last = t;
        const geoms = edgeGeometries.all();
        anim.update(dt, frameStore.get(), geoms);
        anim.draw(geoms, paths);
      }
      // Paused with nothing falling: stop asking for frames until the next frame arrives.
      if (anim.busy || frameStore.get().status.playing) raf = requestAnimationFrame(loop);
      else last = -1;
    };
    const wake = () => {
      if (!raf) raf = requestAnimationFrame(loop);
    };
    const off = frameStore.subscribe(wake);
    wake();
    return () => {
      off();
      if (raf) cancelAnimationFrame(raf);
    };
  }, [paths]);

  const ref = (id: string, which: keyof DotPaths) => (el: SVGPathElement | null) => {
    const p = paths.get(id) ?? { dots: null, peels: null };
    p[which] = el;
    if (p.dots || p.peels) paths.set(id, p);
    else paths.delete(id);
  };

  return (
    <EdgeLabelRenderer>
      <div className="bp-dots-layer" aria-hidden="true">
        <svg className="bp-dots-svg" width="1" height="1">
          {ids.map((id) => (
            <g key={id}>
              <path className="flow-dots" ref={ref(id, 'dots')} />
              <path className="flow-peels" ref={ref(id, 'peels')} />
            </g>
          ))}
        </svg>
      </div>
    </EdgeLabelRenderer>
  );
}
