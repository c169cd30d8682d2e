import { useEffect, useId, useRef } from 'react';
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import { G } from '../../engine/index';
import { frameStore } from '../frames/frameStore';
import { addPainter } from '../frames/painter';
import { setText } from '../liveDom';
import type { ChartSpec } from './metrics';

const M = { top: 8, right: 12, bottom: 26, left: 52 };
/** Points per line at most: about one per two pixels; longer windows are thinned by striding. */
const PX_PER_POINT = 2;

const valueFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const bigValueFormat = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const formatValue = (v: number) => (Math.abs(v) >= 10_000 ? bigValueFormat : valueFormat).format(v);
const axisFormat = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const timeFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

interface Props {
  spec: ChartSpec;
  /** The node to plot, or null for the whole system. */
  nodeId: string | null;
  windowS: number;
}

/**
 * One live time series, drawn with d3 straight into its SVG from the frame store, only when new
 * rows arrived (at most ten times a second); React renders the frame of it and nothing per tick.
 */
export function TimeChart({ spec, nodeId, windowS }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const gx = useRef<SVGGElement>(null);
  const gy = useRef<SVGGElement>(null);
  const paths = useRef<(SVGPathElement | null)[]>([]);
  const values = useRef<(HTMLSpanElement | null)[]>([]);
  const clipRect = useRef<SVGRectElement>(null);
  const axisClipRect = useRef<SVGRectElement>(null);
  const baseline = useRef<SVGLineElement>(null);
  const clipId = `clip${useId().replace(/:/g, '')}`;
  const axisClipId = `${clipId}x`;

  useEffect(() => {
    let w = 0, h = 0;
    let raf = 0;
    let drawnKey = '';
    // Axes are rebuilt only when their ticks change; in between the x axis just slides.
    let xKey = '';
    let xRenderedAt = 0;
    let yKey = '';
    let yTop = 0;
    const draw = () => {
      raf = 0;
      if (!svg.current || w <= 0 || h <= 0) return;
      const s = frameStore.get();
      const key = `${s.epoch}:${s.history?.count ?? 0}:${s.history && s.history.count > 0 ? s.history.timeMs(s.history.count - 1) : 0}:${w}x${h}`;
      if (key === drawnKey) return;
      drawnKey = key;
      const hist = s.history;
      const node = nodeId === null ? -1 : (s.indexOf.get(nodeId) ?? null);
      const last = hist && hist.count > 0 ? hist.timeMs(hist.count - 1) / 1000 : 0;
      const tEnd = Math.max(windowS, last);
      const x = scaleLinear([tEnd - windowS, tEnd], [M.left, w - M.right]);
      const usable = hist !== null && node !== null && hist.count > 0;
      const i0 = usable ? Math.max(0, hist.firstAtOrAfter((tEnd - windowS) * 1000) - 1) : 0;
      const count = usable ? hist.count : 0;
      const stride = Math.max(1, Math.ceil((count - i0) / Math.max(20, (w - M.left - M.right) / PX_PER_POINT)));
      const series = spec.lines.map(() => [] as [number, number][]);
      let yMax = 0;
      for (let i = count - 1; i >= i0; i--) {
        const ms = hist!.timeMs(i);
        // Thin by the row's absolute number, not its distance from the newest row, so the points
        // kept stay the same from one redraw to the next (no shimmering lines).
        if (stride > 1 && i !== count - 1 && Math.round(ms / (hist!.get(i, G.windowMs) || 250)) % stride !== 0) continue;
        for (let k = 0; k < spec.lines.length; k++) {
          const v = spec.lines[k]!.read(hist!, i, node!);
          series[k]!.push([ms / 1000, v]);
          if (Number.isFinite(v) && v > yMax) yMax = v;
        }
      }
      // The y range grows at once but shrinks only when the data fall well below it: steady axes.
      const want = scaleLinear([0, spec.yMax ?? Math.max(1, yMax * 1.1)], [0, 1]).nice().domain()[1]!;
      if (want > yTop || want < yTop * 0.4) yTop = want;
      const y = scaleLinear([0, yTop], [h - M.bottom, M.top]);
      const path = line<[number, number]>()
        .defined((d) => Number.isFinite(d[1]))
        .x((d) => x(d[0]))
        .y((d) => y(d[1]));
      spec.lines.forEach((l, k) => {
        const data = series[k]!;
        paths.current[k]?.setAttribute('d', path(data) ?? '');
        const latest = data[0]?.[1];
        setText(values.current[k] ?? null, latest !== undefined && Number.isFinite(latest) ? formatValue(latest) : '–');
      });
      const plotW = w - M.left - M.right;
      const nx = Math.max(2, Math.floor(w / 75));
      const xTicks = x.ticks(nx);
      const xk = `${xTicks.join()}|${w}x${h}|${windowS}`;
      const tStart = tEnd - windowS;
      if (xk !== xKey) {
        xKey = xk;
        xRenderedAt = tStart;
        select(gx.current!)
          .attr('transform', `translate(0,${h - M.bottom})`)
          .call(axisBottom(x).ticks(nx).tickFormat((d) => `${timeFormat.format(d as number)} s`).tickSizeOuter(0));
        clipRect.current?.setAttribute('x', String(M.left));
        clipRect.current?.setAttribute('y', '0');
        clipRect.current?.setAttribute('width', String(plotW));
        clipRect.current?.setAttribute('height', String(h));
        // Tick labels may reach a little past the plot's ends before they scroll out of view.
        axisClipRect.current?.setAttribute('x', String(M.left - 24));
        axisClipRect.current?.setAttribute('width', String(plotW + 24 + M.right));
        axisClipRect.current?.setAttribute('height', String(h));
        const bl = baseline.current;
        bl?.setAttribute('x1', String(M.left));
        bl?.setAttribute('x2', String(w - M.right));
        bl?.setAttribute('y1', String(h - M.bottom + 0.5));
        bl?.setAttribute('y2', String(h - M.bottom + 0.5));
      } else {
        gx.current!.setAttribute('transform', `translate(${((xRenderedAt - tStart) * plotW) / windowS},${h - M.bottom})`);
      }
      const ny = Math.max(2, Math.floor(h / 40));
      const yk = `${y.domain().join()}|${w}x${h}`;
      if (yk !== yKey) {
        yKey = yk;
        select(gy.current!)
          .attr('transform', `translate(${M.left},0)`)
          .call(axisLeft(y).ticks(ny).tickFormat((d) => axisFormat.format(d as number)).tickSize(-plotW).tickSizeOuter(0));
      }
    };
    const schedule = () => {
      if (!raf) raf = requestAnimationFrame(draw);
    };
    const ro = new ResizeObserver(([entry]) => {
      if (!entry || !svg.current) return;
      w = entry.contentRect.width;
      h = entry.contentRect.height;
      svg.current.setAttribute('viewBox', `0 0 ${w} ${h}`);
      schedule();
    });
    if (box.current) ro.observe(box.current);
    const off = addPainter(draw, 'charts');
    return () => {
      off();
      ro.disconnect();
      if (raf) cancelAnimationFrame(raf);
    };
  }, [spec, nodeId, windowS]);

  return (
    <figure className="bp-chart">
      <figcaption className="bp-chart__head">
        <span className="bp-chart__title">
          {spec.title} <span className="bp-chart__unit">({spec.unit})</span>
        </span>
        <span className="bp-chart__legend">
          {spec.lines.map((l, k) => (
            <span key={l.name} className="bp-chart__key">
              <span className="bp-chart__swatch" style={{ background: l.color }} data-dashed={l.dashed ? true : undefined} aria-hidden="true" />
              {l.name}
              <span className="bp-chart__valuebox">
                <span
                  className="bp-chart__value"
                  ref={(el) => {
                    values.current[k] = el;
                  }}
                >
                  –
                </span>
              </span>
            </span>
          ))}
        </span>
      </figcaption>
      <div className="bp-chart__plot" ref={box}>
        <svg ref={svg} role="img" aria-label={`${spec.title} chart, ${spec.unit}`}>
          <defs>
            <clipPath id={clipId}>
              <rect ref={clipRect} />
            </clipPath>
            <clipPath id={axisClipId}>
              <rect ref={axisClipRect} />
            </clipPath>
          </defs>
          <g className="bp-chart__grid" ref={gy} />
          <g clipPath={`url(#${axisClipId})`}>
            <g className="bp-chart__axis" ref={gx} />
          </g>
          <line className="bp-chart__baseline" ref={baseline} />
          <g clipPath={`url(#${clipId})`}>
          {spec.lines.map((l, k) => (
            <path
              key={l.name}
              ref={(el) => {
                paths.current[k] = el;
              }}
              fill="none"
              stroke={l.color}
              strokeWidth={l.dashed ? 1.5 : 2.25}
              strokeDasharray={l.dashed ? '5 4' : undefined}
            />
          ))}
          </g>
        </svg>
      </div>
    </figure>
  );
}
