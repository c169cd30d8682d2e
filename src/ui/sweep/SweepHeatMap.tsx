/**
 * A two-parameter sweep as a heat map: one cell per pair of values, its colour and its number the
 * chosen figure (light = low, dark = high: readable without telling red from green), each cell a
 * target that opens that point's design.
 */
import { scaleLinear, scaleLog } from 'd3-scale';

interface Props {
  title: string;
  xLabel: string;
  yLabel: string;
  xs: readonly number[];
  ys: readonly number[];
  /** Per point, in plan order (the first parameter varies fastest); NaN: not run yet or unknown. */
  values: readonly number[];
  percent?: boolean;
  logColor?: boolean;
  onPick: (index: number) => void;
  pickTitle: (index: number) => string;
}

const W = 640;
const H = 380;
const M = { top: 8, right: 8, bottom: 40, left: 70 };
const num = (v: number) => Number(v.toPrecision(3)).toLocaleString('en');

export function SweepHeatMap(p: Props) {
  const finite = p.values.filter((v) => Number.isFinite(v) && (!p.logColor || v > 0));
  const lo = finite.length ? Math.min(...finite) : 0;
  const hi = finite.length ? Math.max(...finite) : 1;
  const color = (p.logColor && lo > 0 && hi > lo ? scaleLog<string>().domain([lo, hi]) : scaleLinear<string>().domain([lo, hi > lo ? hi : lo + 1])).range(['#f7fbff', '#08306b']);
  const cw = (W - M.left - M.right) / p.xs.length;
  const ch = (H - M.top - M.bottom) / p.ys.length;
  const show = (v: number) => (p.percent ? `${(v * 100).toFixed(v < 0.1 ? 1 : 0)}%` : num(v));
  return (
    <figure className="bp-sweep-chart bp-sweep-chart--heat">
      <figcaption className="bp-sweep-chart__title">{p.title}</figcaption>
      <div className="bp-sweep-chart__plot">
        <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="xMidYMid meet" role="img" aria-label={`${p.title}: ${p.xLabel} across, ${p.yLabel} up`} data-points={finite.length} fontFamily="system-ui, sans-serif" fontSize="13">
          <rect x="0" y="0" width={W} height={H} fill="#ffffff" />
          {p.ys.map((yv, iy) =>
            p.xs.map((xv, ix) => {
              const i = ix + iy * p.xs.length;
              const v = p.values[i] ?? NaN;
              const fill = Number.isFinite(v) ? color(v) : '#eef1f5';
              const dark = Number.isFinite(v) && hi > lo && (p.logColor && lo > 0 ? Math.log(v / lo) / Math.log(hi / lo) : (v - lo) / (hi - lo)) > 0.55;
              return (
                <g key={i} className="bp-sweep-chart__cell" onClick={() => p.onPick(i)} data-x={xv} data-y={yv}>
                  <rect x={M.left + ix * cw} y={H - M.bottom - (iy + 1) * ch} width={cw - 1} height={ch - 1} fill={fill} />
                  {cw > 34 && ch > 16 && Number.isFinite(v) && (
                    <text x={M.left + (ix + 0.5) * cw} y={H - M.bottom - (iy + 0.5) * ch} dy="0.35em" textAnchor="middle" fill={dark ? '#ffffff' : '#1f2933'}>
                      {show(v)}
                    </text>
                  )}
                  <title>{p.pickTitle(i)}</title>
                </g>
              );
            }),
          )}
          {p.xs.map((xv, ix) => (
            <text key={`x${ix}`} x={M.left + (ix + 0.5) * cw} y={H - M.bottom + 16} textAnchor="middle" fill="#52606d">
              {num(xv)}
            </text>
          ))}
          {p.ys.map((yv, iy) => (
            <text key={`y${iy}`} x={M.left - 6} y={H - M.bottom - (iy + 0.5) * ch} dy="0.35em" textAnchor="end" fill="#52606d">
              {num(yv)}
            </text>
          ))}
          <text x={(M.left + W - M.right) / 2} y={H - 6} textAnchor="middle" fill="#1f2933" fontWeight="600">
            {p.xLabel}
          </text>
          <text transform={`translate(14 ${(M.top + H - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" fill="#1f2933" fontWeight="600">
            {p.yLabel}
          </text>
        </svg>
      </div>
    </figure>
  );
}
