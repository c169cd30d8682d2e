/**
 * Present mode's moving parts (the layout itself is present.css): the nodes' type follows the
 * canvas zoom, so that font size x zoom stays at 16 px or more on screen however far the graph is
 * zoomed out to fit; the graph is fitted again when the layout changes; Esc is the way out.
 */
import { useEffect } from 'react';
import { useReactFlow, useStore } from '@xyflow/react';
import { rescanNodes } from '../canvas/nodes/nodeSurface';

/** The smallest text on screen, CSS px; a little over 16 so rounding never takes it under. */
export const PRESENT_MIN_PX = 16.5;
/** The fit never zooms out further than this: below it the nodes' type would fill their boxes. */
export const PRESENT_MIN_ZOOM = 0.4;
const fitOptions = { padding: 0.06, maxZoom: 1.25, minZoom: PRESENT_MIN_ZOOM };

/** The nodes' type (CSS px, in the canvas's own units) at zoom `zoom`: never under 16 on screen. */
export function presentType(zoom: number): number {
  return Math.max(16, PRESENT_MIN_PX / Math.max(zoom, 0.01));
}

const selectZoom = (s: { transform: [number, number, number] }) => s.transform[2];

export default function PresentLayer() {
  const zoom = useStore(selectZoom);
  const { fitView } = useReactFlow();

  // The type follows the zoom; the nodes' drawn values are measured again with it.
  useEffect(() => {
    const app = document.querySelector<HTMLElement>('.bp-app');
    if (!app) return;
    app.style.setProperty('--bp-type', `${presentType(zoom).toFixed(2)}px`);
    rescanNodes();
  }, [zoom]);
  useEffect(
    () => () => {
      document.querySelector<HTMLElement>('.bp-app')?.style.removeProperty('--bp-type');
      rescanNodes();
    },
    [],
  );

  // Fit the graph to the canvas's new box: now, and whenever the box changes size.
  useEffect(() => {
    const main = document.querySelector('.bp-main');
    if (!main) return;
    let raf = 0;
    const fit = () => {
      cancelAnimationFrame(raf);
      raf = requestAnimationFrame(() => void fitView(fitOptions));
    };
    const seen = new ResizeObserver(fit);
    seen.observe(main);
    return () => {
      seen.disconnect();
      cancelAnimationFrame(raf);
      // Back in the normal layout: the whole graph in view again.
      requestAnimationFrame(() => void fitView({ padding: 0.12, maxZoom: 1.25 }));
    };
  }, [fitView]);

  return null;
}
