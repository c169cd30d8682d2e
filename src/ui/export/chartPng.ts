/**
 * A chart as a PNG of what the page shows: its title, unit and legend (the DOM's text, drawn where
 * the page lays it out, in its fonts and colours) and its plot, drawn again by the same code the
 * paint worker runs (CanvasChart) from the page's own copy of the frames, at the device pixel
 * ratio. The plot cannot be read back from the screen: its canvas belongs to the paint worker.
 */
import { CanvasChart } from '../charts/canvasChart';
import type { ChartSpec } from '../charts/metrics';
import type { FrameState } from '../frames/frameStore';

/** The first colour behind `el` that is not transparent (the panel's white, at least). */
function backgroundOf(el: Element | null): string {
  for (let e = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg && bg !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return '#ffffff';
}

const fontOf = (cs: CSSStyleDeclaration) => `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;

/** Every visible text and legend swatch inside `root`, drawn at its place relative to `origin`. */
function drawCaption(ctx: CanvasRenderingContext2D, root: Element, origin: DOMRect, skip: string): void {
  for (const sw of root.querySelectorAll<HTMLElement>('.bp-chart__swatch')) {
    const r = sw.getBoundingClientRect();
    if (r.width === 0 || sw.closest('[hidden]')) continue;
    ctx.fillStyle = getComputedStyle(sw).backgroundColor;
    ctx.fillRect(r.left - origin.left, r.top - origin.top, r.width, r.height);
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const el = n.parentElement;
    if (!el || n.data.trim() === '' || el.closest(skip) || el.closest('[hidden]')) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden') continue;
    ctx.font = fontOf(cs);
    ctx.fillStyle = cs.color;
    drawText(ctx, n, origin);
  }
}

/** A text node where the layout put it: whole on one line, else word by word (a title that wraps). */
function drawText(ctx: CanvasRenderingContext2D, n: Text, origin: DOMRect): void {
  const range = document.createRange();
  const text = n.data;
  const from = text.search(/\S/);
  const to = text.trimEnd().length;
  range.setStart(n, from);
  range.setEnd(n, to);
  const boxes = [...range.getClientRects()].filter((b) => b.width > 0);
  if (boxes.length === 1) {
    const b = boxes[0]!;
    ctx.fillText(text.slice(from, to), b.left - origin.left, b.top - origin.top + b.height / 2);
    return;
  }
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    range.setStart(n, m.index);
    range.setEnd(n, m.index + m[0].length);
    const b = range.getBoundingClientRect();
    if (b.width > 0) ctx.fillText(m[0], b.left - origin.left, b.top - origin.top + b.height / 2);
  }
}

/** The chart's look as the page's stylesheet gives it (as chartSurface.ts hands it to the worker). */
function styleOf(plot: HTMLElement) {
  const cs = getComputedStyle(plot);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  return { font: cs.fontFamily, text: v('--muted', '#52606d'), grid: '#e6ebf1', axis: v('--faint', '#7b8794') };
}

/** `figure`: the chart's element (title, legend, plot box); `skip`: a selector for what not to draw (its export buttons). */
export function chartCanvas(figure: HTMLElement, spec: ChartSpec, s: FrameState, nodeId: string | null, windowS: number, skip: string): HTMLCanvasElement {
  const dpr = window.devicePixelRatio || 1;
  const box = figure.getBoundingClientRect();
  const out = document.createElement('canvas');
  out.width = Math.max(1, Math.round(box.width * dpr));
  out.height = Math.max(1, Math.round(box.height * dpr));
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('the browser gave no 2D canvas to draw the chart on');
  ctx.fillStyle = backgroundOf(figure);
  ctx.fillRect(0, 0, out.width, out.height);

  // The plot on a canvas of its own (CanvasChart clears its rectangle), laid over the background.
  const plotEl = figure.querySelector<HTMLElement>('.bp-chart__plot');
  if (plotEl) {
    const layer = document.createElement('canvas');
    layer.width = out.width;
    layer.height = out.height;
    const lctx = layer.getContext('2d');
    const r = plotEl.getBoundingClientRect();
    if (lctx && r.width > 0 && r.height > 0) {
      const chart = new CanvasChart({ ctx: lctx, sx: dpr, sy: dpr }, { dataset: {} }, spec, nodeId, windowS, styleOf(plotEl));
      chart.place({ x: r.left - box.left, y: r.top - box.top, w: r.width, h: r.height }, s);
      ctx.drawImage(layer, 0, 0);
    }
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const caption = figure.querySelector('figcaption');
  if (caption) drawCaption(ctx, caption, box, skip);
  return out;
}

export function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not make a PNG of the chart'))), 'image/png'));
}
