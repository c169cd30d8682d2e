/**
 * The only door to the paint worker (as simClient.ts is to the simulation's): hands it a canvas
 * and posts it what changed. Where a canvas cannot be handed to a worker, the same renderer runs
 * on the page instead, behind the same `post`.
 */
import type { ChartsMsg, ChartsOut, PaintMsg } from './protocol';

export interface PaintPort {
  post(m: PaintMsg, transfer?: Transferable[]): void;
  close(): void;
}

export function paintDots(canvas: HTMLCanvasElement): PaintPort {
  if (typeof canvas.transferControlToOffscreen === 'function' && typeof Worker === 'function') {
    try {
      const worker = new Worker(new URL('./paint.worker.ts', import.meta.url), { type: 'module', name: 'paint' });
      const offscreen = canvas.transferControlToOffscreen();
      // Dots are decoration: a failed paint worker leaves the edges plain, never the page broken.
      worker.onerror = (e) => console.warn('the paint worker failed:', e.message);
      const first: PaintMsg = { type: 'canvas', canvas: offscreen };
      worker.postMessage(first, [offscreen]);
      return { post: (m, transfer) => worker.postMessage(m, transfer ?? []), close: () => worker.terminate() };
    } catch (e) {
      console.warn('drawing the dots on the page:', e);
    }
  }
  // Loaded only here, so the page's first download does not carry what the worker draws with.
  const early: PaintMsg[] = [{ type: 'canvas', canvas: canvas as unknown as OffscreenCanvas }];
  let post = (m: PaintMsg): void => {
    early.push(m);
  };
  void import('./dotsRenderer').then(({ DotsRenderer }) => {
    const renderer = new DotsRenderer((cb) => requestAnimationFrame(cb));
    post = (m) => renderer.handle(m);
    for (const m of early) renderer.handle(m);
  });
  return { post: (m) => post(m), close: () => {} };
}

export interface ChartsPort {
  post(m: ChartsMsg, transfer?: Transferable[]): void;
  close(): void;
}

/**
 * The charts' canvas, drawn by a worker of its own (chartsRenderer.ts); `onOut` hears what each
 * chart drew (for the plots' data attributes the tests read).
 */
export function paintCharts(canvas: HTMLCanvasElement, onOut: (o: ChartsOut) => void): ChartsPort {
  if (typeof canvas.transferControlToOffscreen === 'function' && typeof Worker === 'function') {
    try {
      const worker = new Worker(new URL('./charts.worker.ts', import.meta.url), { type: 'module', name: 'charts' });
      const offscreen = canvas.transferControlToOffscreen();
      worker.onerror = (e) => console.warn('the charts worker failed:', e.message);
      worker.onmessage = (e: MessageEvent<ChartsOut>) => onOut(e.data);
      const first: ChartsMsg = { type: 'canvas', canvas: offscreen };
      worker.postMessage(first, [offscreen]);
      return { post: (m, transfer) => worker.postMessage(m, transfer ?? []), close: () => worker.terminate() };
    } catch (e) {
      console.warn('drawing the charts on the page:', e);
    }
  }
  const early: ChartsMsg[] = [{ type: 'canvas', canvas: canvas as unknown as OffscreenCanvas }];
  let post = (m: ChartsMsg): void => {
    early.push(m);
  };
  let closed = false;
  void import('./chartsRenderer').then(({ ChartsRenderer }) => {
    if (closed) return;
    const renderer = new ChartsRenderer((cb) => requestAnimationFrame(cb), onOut);
    post = (m) => renderer.handle(m);
    for (const m of early) renderer.handle(m);
  });
  return {
    post: (m) => post(m),
    close: () => {
      closed = true;
      post = () => {};
    },
  };
}
