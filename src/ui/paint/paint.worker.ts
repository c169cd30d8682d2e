/**
 * The paint worker: animates the edge dots on a canvas the page handed over (see dotsRenderer.ts).
 * It is not the simulation worker: it knows nothing of the engine, only what the page posts.
 */
import { DotsRenderer } from './dotsRenderer';
import type { PaintMsg } from './protocol';

const frame = typeof requestAnimationFrame === 'function' ? (cb: (t: number) => void) => requestAnimationFrame(cb) : (cb: (t: number) => void) => setTimeout(() => cb(performance.now()), 16) as unknown as number;
const renderer = new DotsRenderer(frame);
self.onmessage = (e: MessageEvent<PaintMsg>) => renderer.handle(e.data);
