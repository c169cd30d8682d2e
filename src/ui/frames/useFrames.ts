import { useEffect, useLayoutEffect, useRef } from 'react';
import type { FrameState } from './frameStore';
import { addPainter } from './painter';

/**
 * Calls `paint` with the latest frame (on mount, then at most ten times a second while frames
 * arrive) without re-rendering the component: it writes to refs or the DOM. The latest callback
 * is used, so it may close over props.
 */
export function useFrames(paint: (s: FrameState) => void): void {
  const cb = useRef(paint);
  useLayoutEffect(() => {
    cb.current = paint;
  });
  useEffect(() => addPainter((s) => cb.current(s)), []);
}
