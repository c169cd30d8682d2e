/**
 * The charts' paint worker: draws the charts panel's charts on a canvas the page handed over (see
 * chartsRenderer.ts), from copies of the frames the page receives. It is not the simulation
 * worker: it knows only what the page posts.
 */
import { ChartsRenderer } from './chartsRenderer';
import type { ChartsMsg, ChartsOut } from './protocol';

const frame = typeof requestAnimationFrame === 'function' ? (cb: (t: number) => void) => requestAnimationFrame(cb) : (cb: (t: number) => void) => setTimeout(() => cb(performance.now()), 16) as unknown as number;
const renderer = new ChartsRenderer(frame, (o: ChartsOut) => self.postMessage(o));
self.onmessage = (e: MessageEvent<ChartsMsg>) => renderer.handle(e.data);
