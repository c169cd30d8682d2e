/** What the two canvases over the pane (the dots, the nodes' values) share: their size. */
import type { PaintSurface, PaneView } from './protocol';

/** Whether a new view needs the canvas sized anew (the pane's size or the pixel ratio changed). */
export const resizes = (from: PaneView, to: PaneView): boolean => to.w !== from.w || to.h !== from.h || to.dpr !== from.dpr;

/** Sizes a canvas over the pane to the pane at device resolution (which clears it). */
export function sizeToPane(canvas: PaintSurface | null, pane: PaneView): void {
  if (!canvas) return;
  canvas.width = Math.max(1, Math.round(pane.w * pane.dpr));
  canvas.height = Math.max(1, Math.round(pane.h * pane.dpr));
}
