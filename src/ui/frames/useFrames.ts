import { useEffect, useLayoutEffect, useRef } from 'react';
import type { FrameState } from './frameStore';
import { addPainter, type Lane } from './painter';

/**
 * Calls `paint` with the latest frame (on mount, then up to ten times a second while frames
 * arrive, together with every other DOM painter; less often where those writes cannot be
 * rendered within a display frame, see painter.ts) without re-rendering the component: it writes
 * to refs or the DOM. The latest callback is used, so it may close over props.
 */
export function useFrames(paint: (s: FrameState) => void, lane: Lane = 'canvas'): void {
  const cb = useRef(paint);
  useLayoutEffect(() => {
    cb.current = paint;
  });
  useEffect(() => addPainter((s) => cb.current(s), lane), [lane]);
}
