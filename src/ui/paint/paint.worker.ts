/**
 * The paint worker: draws the edge dots and the charts on canvases the page handed over
 * (paintHost.ts), from the frames the page passes on. It is not the simulation worker: it knows
 * nothing of the engine, only what the page posts.
 */
import { PaintHost } from './paintHost';
import type { ChartsOut, PaintMsg } from './protocol';

const frame = typeof requestAnimationFrame === 'function' ? (cb: (t: number) => void) => requestAnimationFrame(cb) : (cb: (t: number) => void) => setTimeout(() => cb(performance.now()), 16) as unknown as number;
const host = new PaintHost(frame, (o: ChartsOut) => self.postMessage(o));
self.onmessage = (e: MessageEvent<PaintMsg>) => host.handle(e.data);
