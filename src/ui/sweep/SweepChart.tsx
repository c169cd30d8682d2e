/**
 * One sweep chart: numbers against the swept parameter, a line per series with its 95% band, the
 * knees marked, every point a target that opens that point's design. SVG with its colours as
 * attributes, so the PNG export draws exactly what is on screen.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { useLayoutEffect, useRef, useState } from 'react';

export interface SweepSeries {
  name: string;
  color: string;
  values: readonly number[];
  /** 95% half-widths, same length as values (NaN: unknown). */
  ci95?: readonly number[];
  dashed?: boolean;
  /** The kept copy A's line in compare mode: drawn faded, under the rest. */
  faded?: boolean;
}

export interface KneeMark {
  x: number;
  label: string;
}

interface Props {
  title: string;
  /** The y unit, shown on the axis ("ms", "/s", "%"). */
  unit: string;
  xLabel: string;
  xs: readonly number[];
  logX: boolean;
  logY?: boolean;
  /** y values are shares 0..1 drawn as percentages. */
  percent?: boolean;
  series: readonly SweepSeries[];
  knees?: readonly KneeMark[];
  onPick?: (index: number) => void;
  pickTitle?: (index: number) => string;
}

const M = { top: 8, right: 14, bottom: 34, left: 58 };

function useSize<T extends HTMLElement>(): [React.RefObject<T | null>, { w: number; h: number }] {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ w: 0, h: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => {
      const r = e!.contentRect;
      setSize((s) => (Math.abs(s.w - r.width) < 1 && Math.abs(s.h - r.height) < 1 ? s : { w: r.width, h: r.height }));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, size];
}

export function SweepChart(p: Props) {
  const [box, { w, h }] = useSize<HTMLDivElement>();
  const scale = (v: number) => (p.percent ? v * 100 : v);
  const finite = p.series.flatMap((s) => s.values.flatMap((v, i) => [scale(v + (s.ci95?.[i] ?? 0)), scale(v - (s.ci95?.[i] ?? 0)), scale(v)])).filter((v) => Number.isFinite(v) && (!p.logY || v > 0));
  const xMin = Math.min(...p.xs);
  const xMax = Math.max(...p.xs);
  const x = (p.logX ? scaleLog() : scaleLinear()).domain(xMin === xMax ? [xMin * 0.9 || -1, xMax * 1.1 || 1] : [xMin, xMax]).range([M.left, Math.max(M.left + 10, w - M.right)]);
  const yLo = finite.length ? Math.min(...finite) : 0;
  const yHi = finite.length ? Math.max(...finite) : 1;
  const y = (p.logY && yLo > 0 ? scaleLog().domain([yLo, yHi === yLo ? yLo * 10 : yHi]) : scaleLinear().domain([Math.min(0, yLo), yHi <= 0 ? (p.percent ? 100 : 1) : yHi])).nice().range([Math.max(M.top + 10, h - M.bottom), M.top]);
  const allY = y.ticks(Math.max(2, Math.floor(h / 45)));
  // A log axis: the powers of ten only, when the in-between ticks would crowd it.
  const yTicks = p.logY && allY.length > Math.floor(h / 30) ? allY.filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9) : allY;
  const xTicks = x.ticks(Math.max(2, Math.floor(w / 90)));
  const fx = x.tickFormat(Math.max(2, Math.floor(w / 90)));
  const fy = (t: number) => (p.logY ? Number(t.toPrecision(2)).toLocaleString('en') : y.tickFormat(Math.max(2, Math.floor(h / 45)))(t));
  const path = (vals: readonly number[]) => {
    let d = '';
    let pen = false;
    vals.forEach((v, i) => {
      const yv = scale(v);
      if (!Number.isFinite(yv) || (p.logY && yv <= 0)) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(p.xs[i]!).toFixed(1)},${y(yv).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  const band = (s: SweepSeries) => {
    if (!s.ci95) return '';
    const pts = s.values.map((v, i) => [p.xs[i]!, scale(v), scale(s.ci95![i] ?? NaN)] as const).filter(([, v, c]) => Number.isFinite(v) && Number.isFinite(c));
    if (pts.length < 2) return '';
    const lo = (v: number, c: number) => (p.logY ? Math.max(v - c, y.domain()[0]!) : v - c);
    const top = pts.map(([xv, v, c]) => `${x(xv).toFixed(1)},${y(v + c).toFixed(1)}`);
    const bottom = pts.map(([xv, v, c]) => `${x(xv).toFixed(1)},${y(lo(v, c)).toFixed(1)}`).reverse();
    return `M${top.join('L')}L${bottom.join('L')}Z`;
  };
  const ready = w > 0 && h > 0 && p.xs.length > 0;
  const colW = p.xs.length > 1 ? Math.abs(x(p.xs[1]!) - x(p.xs[0]!)) : 40;
  return (
    <figure className="bp-sweep-chart">
      <figcaption className="bp-sweep-chart__title">
        {p.title}
        <span className="bp-sweep-chart__legend">
          {p.series.map((s) => (
            <span key={s.name} className="bp-sweep-chart__key" data-faded={s.faded || undefined}>
              <svg width="18" height="8" aria-hidden="true">
                <line x1="0" y1="4" x2="18" y2="4" stroke={s.color} strokeWidth="2.5" strokeDasharray={s.dashed ? '4 3' : undefined} opacity={s.faded ? 0.45 : 1} />
              </svg>
              {s.name}
            </span>
          ))}
        </span>
      </figcaption>
      <div className="bp-sweep-chart__plot" ref={box}>
        {ready && (
          <svg width={w} height={h} role="img" aria-label={`${p.title} against ${p.xLabel}`} data-points={p.xs.length} fontFamily="system-ui, sans-serif" fontSize="12">
            <rect x="0" y="0" width={w} height={h} fill="#ffffff" />
            {yTicks.map((t) => (
              <g key={`y${t}`}>
                <line x1={M.left} x2={w - M.right} y1={y(t)} y2={y(t)} stroke="#e4e9f0" />
                <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end" fill="#52606d">
                  {fy(t)}
                </text>
              </g>
            ))}
            {xTicks.map((t) => (
              <text key={`x${t}`} x={x(t)} y={h - M.bottom + 16} textAnchor="middle" fill="#52606d">
                {fx(t)}
              </text>
            ))}
            <line x1={M.left} x2={w - M.right} y1={h - M.bottom} y2={h - M.bottom} stroke="#9aa5b1" />
            <text x={(M.left + w - M.right) / 2} y={h - 4} textAnchor="middle" fill="#1f2933" fontWeight="600">
              {p.xLabel}
            </text>
            <text transform={`translate(12 ${(M.top + h - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" fill="#1f2933" fontWeight="600">
              {p.unit}
            </text>
            {[...p.series]
              .sort((a, b) => Number(!!b.faded) - Number(!!a.faded))
              .map((s) => (
                <g key={s.name} opacity={s.faded ? 0.45 : 1} data-series={s.name}>
                  {s.ci95 && <path d={band(s)} fill={s.color} fillOpacity="0.15" stroke="none" />}
                  <path d={path(s.values)} fill="none" stroke={s.color} strokeWidth="2.5" strokeDasharray={s.dashed ? '6 4' : undefined} />
                  {s.values.map((v, i) =>
                    Number.isFinite(scale(v)) && !(p.logY && scale(v) <= 0) ? <circle key={i} cx={x(p.xs[i]!)} cy={y(scale(v))} r="3" fill={s.color} /> : null,
                  )}
                </g>
              ))}
            {p.knees?.map((k, i) => (
              <g key={k.label} className="bp-sweep-chart__knee" data-knee={k.x}>
                <line x1={x(k.x)} x2={x(k.x)} y1={M.top} y2={h - M.bottom} stroke="#1f2933" strokeWidth="1.5" strokeDasharray="3 3" />
                <text x={x(k.x) + (x(k.x) > (M.left + w) / 2 ? -5 : 5)} y={M.top + 12 + i * 15} textAnchor={x(k.x) > (M.left + w) / 2 ? 'end' : 'start'} fill="#1f2933" fontWeight="600" stroke="#ffffff" strokeWidth="3" paintOrder="stroke">
                  {k.label}
                </text>
              </g>
            ))}
            {p.onPick &&
              p.xs.map((xv, i) => (
                <rect
                  key={`hit${i}`}
                  className="bp-sweep-chart__hit"
                  x={x(xv) - Math.max(6, colW / 2)}
                  y={M.top}
                  width={Math.max(12, colW)}
                  height={Math.max(0, h - M.bottom - M.top)}
                  fill="transparent"
                  onClick={() => p.onPick!(i)}
                >
                  <title>{p.pickTitle?.(i) ?? ''}</title>
                </rect>
              ))}
          </svg>
        )}
      </div>
    </figure>
  );
}
