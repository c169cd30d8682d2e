import { useEffect, useRef } from 'react';
import { addPainter } from '../frames/painter';
import type { FrameState } from '../frames/frameStore';
import { setText } from '../liveDom';
import type { ChartSurface } from './chartSurface';
import type { ChartKind } from '../paint/protocol';
import type { ChartSpec } from './metrics';
import { formatValue } from './scale';
import { noticeStore } from '../store/noticeStore';

/** An export that could not be made (its chunk did not load, the browser refused) is said, never thrown. */
export const exportFailed = (e: unknown): void => noticeStore.getState().showAlert(`The export failed: ${e instanceof Error ? e.message : String(e)}`);

/** Runs an exporter: their own chunk, loaded on first use (the initial bundle has a budget). */
export const withExport = (run: (m: typeof import('../export/chartExport')) => unknown): void => void import('../export/chartExport').then(run).catch(exportFailed);

interface Props {
  spec: ChartSpec;
  /** How the charts' worker finds the same spec: chartsFor(kind, parseShape(shape)), by key. */
  kind: ChartKind;
  shape: string;
  /** The node to plot, or null for the whole system. */
  nodeId: string | null;
  windowS: number;
  /** The panel's shared canvas this chart draws on. */
  surface: ChartSurface;
}

/** The newest value of each line as the legend says it, and whether the line has been seen yet. */
function writeLegend(
  s: FrameState,
  spec: ChartSpec,
  nodeId: string | null,
  values: (HTMLSpanElement | null)[],
  keys: (HTMLSpanElement | null)[],
  keptValues: (HTMLSpanElement | null)[],
): void {
  const h = s.history;
  const node = nodeId === null ? -1 : s.indexOf.get(nodeId);
  const ready = h !== null && h.count > 0 && node !== undefined;
  // Compare mode: A's newest value beside B's.
  const b = s.baseline;
  const keptNode = b ? (nodeId === null ? -1 : b.indexOf.get(nodeId)) : undefined;
  const keptReady = b !== null && keptNode !== undefined && b.history.count > 0;
  spec.lines.forEach((l, k) => {
    const v = ready ? l.read(h, h.count - 1, node, s.indexOf) : undefined;
    const say = (x: number | undefined) => (l.states ? (x === undefined || Number.isNaN(x) ? '–' : (l.states[Math.round(x)]?.label ?? '–')) : formatValue(x));
    setText(values[k] ?? null, say(v));
    const kept = keptValues[k];
    if (kept) {
      if (kept.hidden !== !keptReady) kept.hidden = !keptReady;
      if (keptReady) setText(kept.firstElementChild, `A ${say(l.read(b.history, b.history.count - 1, keptNode, b.indexOf))}`);
    }
    const key = keys[k];
    if (l.seen && key) {
      const hidden = !(ready && l.seen(h, h.count - 1, node, s.indexOf) > 0);
      if (key.hidden !== hidden) key.hidden = hidden;
    }
  });
}

/**
 * One live time series: React renders its frame (title, legend, an empty plot box) once; the
 * paint worker draws the plot on the panel's canvas (chartSurface.ts), and the frame clock
 * writes the legend's current values, never through React state. The legend values are a few
 * lines of DOM text ('text' lane, painter.ts).
 */
export function TimeChart({ spec, kind, shape, nodeId, windowS, surface }: Props) {
  const plot = useRef<HTMLDivElement>(null);
  const values = useRef<(HTMLSpanElement | null)[]>([]);
  const keys = useRef<(HTMLSpanElement | null)[]>([]);
  const keptValues = useRef<(HTMLSpanElement | null)[]>([]);
  const fig = useRef<HTMLElement>(null);
  const save = (as: 'png' | 'csv') => withExport((m) => fig.current && m.exportChart(as, fig.current, spec, nodeId, windowS));

  useEffect(() => {
    const box = plot.current;
    if (!box) return;
    const id = surface.add(box, { kind, shape, key: spec.key }, nodeId, windowS);
    const offLegend = addPainter((s) => writeLegend(s, spec, nodeId, values.current, keys.current, keptValues.current), 'text');
    return () => {
      offLegend();
      surface.remove(id);
    };
  }, [spec, kind, shape, nodeId, windowS, surface]);

  return (
    <figure className="bp-chart" ref={fig}>
      <figcaption className="bp-chart__head">
        <span className="bp-chart__top">
          <span className="bp-chart__title">
            {spec.title} <span className="bp-chart__unit">({spec.unit})</span>
          </span>
          <span className="bp-chart__export" role="group" aria-label={`Export ${spec.title}`}>
            <button type="button" onClick={() => save('png')}>
              PNG
            </button>
            <button type="button" onClick={() => save('csv')}>
              CSV
            </button>
          </span>
        </span>
        <span className="bp-chart__legend">
          {spec.lines.map((l, k) => (
            <span
              key={l.name}
              className="bp-chart__key"
              hidden={l.seen !== undefined}
              ref={(el) => {
                keys.current[k] = el;
              }}
            >
              <span className="bp-chart__swatch" style={{ background: l.color }} data-dashed={l.dashed ? true : undefined} aria-hidden="true" />
              {l.name}
              <span className="bp-chart__valuebox">
                <span
                  className="bp-chart__value"
                  data-state={l.states ? true : undefined}
                  ref={(el) => {
                    values.current[k] = el;
                  }}
                >
                  –
                </span>
              </span>
              <span className="bp-chart__valuebox" hidden ref={(el) => void (keptValues.current[k] = el)}>
                <span className="bp-chart__value bp-chart__value--kept" data-state={l.states ? true : undefined}>
                  –
                </span>
              </span>
            </span>
          ))}
        </span>
      </figcaption>
      {/* Drawn on the panel's canvas underneath; this box is where, and what assistive tech reads. */}
      <div className="bp-chart__plot" ref={plot} role="img" aria-label={`${spec.title} chart, ${spec.unit}`} />
    </figure>
  );
}
