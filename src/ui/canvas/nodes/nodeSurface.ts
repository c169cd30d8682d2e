/**
 * A node's live values on a canvas of their own, drawn by the paint worker (paint/nodesRenderer.ts)
 * rather than by the DOM: its level bars, worker slots, counters and lines of numbers. The node's
 * markup stays as it is, laid out by the stylesheet; this finds the parts that are drawn (PARTS),
 * measures where each one lies and how the stylesheet styles it, and from then on passes each value
 * written to it (liveDom's setText, setFill, setData 'state') to the worker. The DOM keeps a copy
 * of the text, not painted (data-drawn in nodes.css), for assistive technology and the tests.
 *
 * All nodes are drawn on one canvas over the pane (attachNodesCanvas), not one each: a canvas is
 * a compositor layer, and thirty of them made every frame that renders DOM changes layerize for
 * twice as long (bench:ui). Measured again when the node changes size or markup, or its health
 * (the bars take its colour). While a node is dragged, and if the paint worker fails, the DOM
 * draws its values again.
 */
import { useEffect, type RefObject } from 'react';
import { domWritesOn, drawBy, type DrawnSink } from '../../liveDom';
import { writeDomSoon } from '../../frames/painter';
import { onPaintFailure, paintNodes, type NodesPort } from '../../paint/paintClient';
import type { CellLook, DrawnPart, PartValue } from '../../paint/protocol';

/** What is drawn on the canvas: the parts that change with every frame. */
const TEXT = '.bp-fill__text, .bp-counter dd, .bp-node__line.bp-live:not(.bp-node__badges)';
const BAR = '.bp-fill__bar';
const CELL = '.bp-slot';
const PARTS = `${TEXT}, ${BAR}, ${CELL}`;

/**
 * How a worker slot looks in each state (services: free, busy, calling, held; consumer groups:
 * busy, idle, paused), in the node's colours.
 */
function cellLooks(color: (name: string) => string): Record<string, CellLook> {
  const service = color('--service');
  const warn = color('--warn');
  return {
    free: { fill: null, stripes: null, border: service },
    busy: { fill: service, stripes: null, border: service },
    // Waiting for a call's answer: the slot is taken, though no work is done in it.
    calling: { fill: null, stripes: { color: service, on: 3, period: 6 }, border: service },
    held: { fill: warn, stripes: null, border: warn },
    // A consumer that owns no partition sits idle: hatched, not merely free.
    idle: { fill: '#cbd5e0', stripes: { color: '#edf2f7', on: 3, period: 5 }, border: service },
    // Every consumer waits while an eager rebalance runs.
    paused: { fill: '#d69e2e', stripes: null, border: service },
  };
}

const px = (v: string): number => parseFloat(v) || 0;

/** Where `el` lies and how it looks, in the canvas's CSS px (`base`: the canvas's box on screen). */
function measure(el: HTMLElement, base: DOMRect, zoom: number, looks: () => Record<string, CellLook>): DrawnPart {
  // A bar is scaled with a transform: its track (the parent it fills) is where it lies.
  const box = (el.matches(BAR) ? el.parentElement ?? el : el).getBoundingClientRect();
  const at = { x: (box.left - base.left) / zoom, y: (box.top - base.top) / zoom, w: box.width / zoom, h: box.height / zoom };
  const cs = getComputedStyle(el);
  if (el.matches(BAR)) {
    const track = el.parentElement ? getComputedStyle(el.parentElement) : cs;
    return { kind: 'bar', ...at, color: cs.backgroundColor, alpha: px(cs.opacity), radius: px(track.borderTopLeftRadius), striped: cs.backgroundImage !== 'none' };
  }
  if (el.matches(CELL)) return { kind: 'cell', ...at, radius: px(cs.borderTopLeftRadius), border: px(cs.borderTopWidth), looks: looks() };
  const size = px(cs.fontSize);
  // A counter's number may run on into the room before the next counter (its box is only as wide
  // as its label; a number wider than that was cut off when the DOM drew it).
  const counter = el.tagName === 'DD' ? el.parentElement : null;
  if (counter?.parentElement) {
    const next = counter.nextElementSibling?.getBoundingClientRect();
    const own = counter.getBoundingClientRect();
    const row = counter.parentElement.getBoundingClientRect();
    const limit = next && Math.abs(next.top - own.top) < 1 ? next.left - 4 : row.right;
    at.w = Math.max(at.w, (limit - box.left) / zoom);
  }
  return {
    kind: 'text',
    ...at,
    font: `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`,
    color: cs.color,
    padLeft: px(cs.paddingLeft),
    padTop: px(cs.paddingTop),
    lineHeight: cs.lineHeight === 'normal' ? 1.2 * size : px(cs.lineHeight),
  };
}

/** A part's value before anything was written to it: what its DOM copy holds. */
function initial(el: HTMLElement): PartValue {
  if (el.matches(BAR)) return 0;
  if (el.matches(CELL)) return el.dataset.state ?? '';
  return el.textContent ?? '';
}

// ---- the nodes' one port, and the values waiting to be posted ----

let port: NodesPort | null = null;
let users = 0;
let failed = false;
let offFailure: (() => void) | null = null;
const surfaces = new Set<NodeSurface>();
const changed = new Set<NodeSurface>();
let flushQueued = false;

function acquire(): NodesPort {
  users++;
  if (!port) {
    port = paintNodes();
    offFailure = onPaintFailure(() => {
      failed = true;
      for (const x of surfaces) x.undraw();
    });
  }
  return port;
}

function release(): void {
  if (--users > 0) return;
  offFailure?.();
  offFailure = null;
  port?.close();
  port = null;
}

// Scans wait for the next display frame and run together: every node's reads (boxes, styles)
// first, then every node's writes (hiding the copies, labels). A write between two reads makes the
// browser lay the page out again for the second: with a thousand nodes mounting at once, scanning
// each as it mounted spent seconds in forced layouts.
const scans = new Set<NodeSurface>();
let scanFrame = 0;

function scanSoon(s: NodeSurface): void {
  scans.add(s);
  if (!scanFrame) scanFrame = requestAnimationFrame(runScans);
}

function runScans(): void {
  scanFrame = 0;
  const due = [...scans];
  scans.clear();
  const read = due.map((s) => s.read());
  due.forEach((s, i) => s.write(read[i]!));
}

/** Posts the values written since the last post, once the painters' task is done (one message). */
function flush(): void {
  flushQueued = false;
  for (const s of changed) s.relabel();
  if (!port || changed.size === 0) return;
  const nodes: [string, PartValue[]][] = [];
  for (const s of changed) if (s.node) nodes.push([s.node, s.values.slice()]);
  changed.clear();
  if (nodes.length > 0) port.post({ type: 'values', nodes });
}

/**
 * Hands the canvas the nodes' values are drawn on to the paint worker: it lies over the pane like
 * the dots' one (DotsLayer), which gives the worker the view and the nodes' boxes. Returns the
 * detach.
 */
export function attachNodesCanvas(canvas: HTMLCanvasElement): () => void {
  const p = acquire();
  p.canvas(canvas);
  return () => {
    p.post({ type: 'detach' });
    release();
  };
}

/** The nodes being dragged: the DOM draws them meanwhile (the canvas would trail them by a frame). */
export function holdNodes(ids: string[]): void {
  port?.post({ type: 'held', nodes: ids });
  if (ids.length > 0) writeDomSoon();
}

/** What the read half of a scan found: the parts, where each lies and how it looks. */
interface Scan {
  node: string;
  els: HTMLElement[];
  parts: DrawnPart[];
  ox: number;
  oy: number;
}

class NodeSurface implements DrawnSink {
  /** The xyflow node id (its box on the pane), once laid out. */
  node = '';
  values: PartValue[] = [];
  private els: HTMLElement[] = [];
  private parts: DrawnPart[] = [];
  private ox = 0;
  private oy = 0;
  /** A pending restyle (colours only); a full scan goes through the shared queue (scanSoon). */
  private rescan = 0;
  /** A value changed while DOM writes were on: the accessible label is due. */
  private labelDue = false;

  constructor(
    private readonly root: HTMLElement,
    /** The element over the node whose box is the parts' origin, and which carries their label. */
    private readonly host: HTMLElement,
  ) {}

  set(index: number, value: PartValue): void {
    if (domWritesOn()) this.labelDue = true;
    if (this.values[index] === value) return;
    this.values[index] = value;
    changed.add(this);
    if (!flushQueued) {
      flushQueued = true;
      queueMicrotask(flush);
    }
  }

  /**
   * What the parts show, as text, for assistive technology ("47 / 50 waiting, Accepted 548, ..."):
   * written with the DOM copies (an attribute: no layout, no paint).
   */
  relabel(): void {
    if (!this.labelDue) return;
    this.labelDue = false;
    const words: string[] = [];
    this.parts.forEach((p, i) => {
      const v = this.values[i];
      if (p.kind !== 'text' || typeof v !== 'string' || v === '') return;
      const term = this.els[i]!.previousElementSibling;
      words.push(term?.tagName === 'DT' ? `${term.textContent ?? ''} ${v}` : v);
    });
    const label = words.join(', ');
    if (this.host.getAttribute('aria-label') !== label) this.host.setAttribute('aria-label', label);
  }

  /** Measures again before the next display frame (several changes, one measuring, with every other node's). */
  scanSoon(): void {
    if (this.rescan) cancelAnimationFrame(this.rescan);
    this.rescan = 0;
    scanSoon(this);
  }

  /** Reads the bars' and texts' colours again (the node's health changed): style only, no layout. */
  restyleSoon(): void {
    if (this.rescan || scans.has(this)) return;
    this.rescan = requestAnimationFrame(() => this.restyle());
  }

  private restyle(): void {
    this.rescan = 0;
    if (failed || this.parts.length === 0 || scans.has(this)) return;
    let changedAny = false;
    this.parts = this.parts.map((p, i) => {
      // A text may take the health's colour too (a blocked producer's offered/out line).
      if (p.kind !== 'bar' && p.kind !== 'text') return p;
      const cs = getComputedStyle(this.els[i]!);
      const color = p.kind === 'bar' ? cs.backgroundColor : cs.color;
      if (color === p.color) return p;
      changedAny = true;
      return { ...p, color };
    });
    if (changedAny) this.post();
  }

  private post(): void {
    if (this.node) port?.post({ type: 'layout', node: this.node, ox: this.ox, oy: this.oy, parts: this.parts });
  }

  /** The read half of a scan: finds the drawn parts and measures them; writes nothing to the DOM. */
  read(): Scan | null {
    if (this.rescan) cancelAnimationFrame(this.rescan);
    this.rescan = 0;
    if (failed || !port || !this.root.isConnected) return null;
    const wrapper = this.root.closest<HTMLElement>('.react-flow__node');
    const node = wrapper?.dataset.id ?? '';
    // Parts not rendered (a zoomed-out canvas hides them, canvas.css) are not drawn either.
    const els = [...this.root.querySelectorAll<HTMLElement>(PARTS)].filter((e) => e.getClientRects().length > 0);
    const base = this.host.getBoundingClientRect();
    const w = this.host.offsetWidth;
    const zoom = w > 0 && base.width > 0 ? base.width / w : 1;
    const box = (wrapper ?? this.root).getBoundingClientRect();
    let looks: Record<string, CellLook> | null = null;
    const cs = getComputedStyle(this.root);
    const lookup = () => (looks ??= cellLooks((name) => cs.getPropertyValue(name).trim()));
    const parts = els.map((el) => measure(el, base, zoom, lookup));
    return { node, els, parts, ox: (base.left - box.left) / zoom, oy: (base.top - box.top) / zoom };
  }

  /** The write half: hides the measured parts' DOM copies and tells the worker where and how to draw them. */
  write(scan: Scan | null): void {
    if (!scan || failed || !port) return;
    const { node, els, parts } = scan;
    if (node !== this.node && this.node) port.post({ type: 'remove', node: this.node });
    this.node = node;
    const kept = new Map(this.els.map((e, i) => [e, this.values[i]]));
    const now = new Set(els);
    for (const e of this.els) if (!now.has(e)) undrawOne(e);
    this.ox = scan.ox;
    this.oy = scan.oy;
    els.forEach((el, i) => {
      drawBy(el, this, i);
      // Hidden once measured (a hidden bar's computed opacity is still its own).
      if (el.dataset.drawn !== parts[i]!.kind) el.dataset.drawn = parts[i]!.kind;
    });
    this.parts = parts;
    this.els = els;
    this.values = els.map((el) => kept.get(el) ?? initial(el));
    this.post();
    if (this.node) port.post({ type: 'values', nodes: [[this.node, this.values.slice()]] });
    changed.delete(this);
    this.labelDue = true;
    this.relabel();
  }

  /** Back to the DOM: its copies painted and written again (the worker failed, or the node went). */
  undraw(): void {
    if (this.rescan) cancelAnimationFrame(this.rescan);
    this.rescan = 0;
    for (const e of this.els) undrawOne(e);
    this.els = [];
    this.parts = [];
    this.values = [];
    this.host.removeAttribute('aria-label');
    this.host.removeAttribute('role');
  }

  remove(): void {
    scans.delete(this);
    this.undraw();
    changed.delete(this);
    if (this.node) port?.post({ type: 'remove', node: this.node });
  }
}

const hasElement = (list: NodeList): boolean => {
  for (const n of list) if (n.nodeType === Node.ELEMENT_NODE) return true;
  return false;
};

function undrawOne(el: HTMLElement): void {
  drawBy(el, null);
  el.removeAttribute('data-drawn');
}

/**
 * Draws the live values of the node whose root is `root` on the nodes' canvas, placed from
 * `host` (an empty element over the node, which carries what they say as its accessible label).
 */
export function useNodeSurface(root: RefObject<HTMLElement | null>, host: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = root.current;
    const at = host.current;
    if (!el || !at || failed || typeof ResizeObserver !== 'function') return;
    acquire();
    const s = new NodeSurface(el, at);
    surfaces.add(s);
    at.setAttribute('role', 'img');
    s.scanSoon();
    const resized = new ResizeObserver(() => s.scanSoon());
    resized.observe(el);
    // New markup (a counter row, more slots), or a new health (the bars' colour). Not a text
    // written into an element (setText's first write replaces the text nodes React made).
    const changedMarkup = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes') s.restyleSoon();
        else if (hasElement(r.addedNodes) || hasElement(r.removedNodes)) s.scanSoon();
      }
    });
    changedMarkup.observe(el, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-health'] });
    return () => {
      resized.disconnect();
      changedMarkup.disconnect();
      s.remove();
      surfaces.delete(s);
      release();
    };
  }, [root, host]);
}

/**
 * Measures every node again before the next display frame: the stylesheet changed what the
 * nodes' parts look like without changing the nodes' size (present mode's type).
 */
export function rescanNodes(): void {
  for (const s of surfaces) s.scanSoon();
}
