/**
 * DOM writes for per-frame values: skip the write when nothing changed, and change the existing
 * text node's data rather than replacing the node (cheaper for style and layout).
 *
 * Some elements are drawn on a canvas rather than by the DOM (a node's live values,
 * canvas/nodes/nodeSurface.ts): a write to one goes to what draws it, and its DOM copy (kept for
 * assistive technology and the tests, not painted) is written only when DOM writes are on. Between
 * the painter's rounds of DOM writes come rounds that only feed the canvases (`canvasesOnly`).
 */

/** What draws an element instead of the DOM: it takes the element's part number and new value. */
export interface DrawnSink {
  set(index: number, value: string | number): void;
}

const drawn = new WeakMap<Element, { sink: DrawnSink; index: number }>();
let drawnCount = 0;
let domOff = false;

/** From now on `el` is drawn by `sink` as its part `index` (and no longer when `sink` is null). */
export function drawBy(el: Element, sink: DrawnSink | null, index = 0): void {
  if (sink) {
    if (!drawn.has(el)) drawnCount++;
    drawn.set(el, { sink, index });
  } else if (drawn.delete(el)) drawnCount--;
}

/** Whether DOM writes are on (not in a `canvasesOnly` round). */
export const domWritesOn = (): boolean => !domOff;

/** Whether any element is drawn on a canvas now. */
export const anyDrawn = (): boolean => drawnCount > 0;

/** Runs `fn` with DOM writes off: only what canvases draw takes the new values. */
export function canvasesOnly(fn: () => void): void {
  domOff = true;
  try {
    fn();
  } finally {
    domOff = false;
  }
}

export function setText(el: Element | null, text: string): void {
  if (!el) return;
  const d = drawn.get(el);
  if (d) d.sink.set(d.index, text);
  if (domOff) return;
  const t = el.firstChild;
  if (t instanceof Text && t === el.lastChild) {
    if (t.data !== text) t.data = text;
  } else if (el.textContent !== text) el.textContent = text;
}

/** A data attribute; a drawn element's `state` is what its canvas shows. */
export function setData(el: HTMLElement | null, key: string, value: string): void {
  if (!el) return;
  const d = key === 'state' ? drawn.get(el) : undefined;
  if (d) d.sink.set(d.index, value);
  if (domOff) return;
  if (el.dataset[key] !== value) el.dataset[key] = value;
}

/** A bar's fill, as a compositor-only transform (no layout); a drawn bar's goes to its canvas too. */
export function setFill(el: HTMLElement | null, fraction: number): void {
  if (!el) return;
  const f = Math.round(Math.min(1, Math.max(0, fraction)) * 1000) / 1000;
  const d = drawn.get(el);
  if (d) d.sink.set(d.index, f);
  if (domOff) return;
  const t = `scaleX(${f})`;
  if (el.style.transform !== t) el.style.transform = t;
}
