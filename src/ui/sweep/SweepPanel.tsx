/**
 * The Sweep panel: one parameter of one part (or two, for a grid) swept over a range, each point a
 * headless run of the whole design on several seeds, run in a pool of workers while the live
 * playground goes on. It draws latency, goodput, loss and the busiest part against the parameter,
 * marks the knee, and opens any point's design on a click.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import {
  findKnees,
  MAX_SWEEP_RUNS,
  MAX_SWEEP_SEEDS,
  MAX_SWEEP_STEPS,
  numericParams,
  pointScenario,
  sweepCsv,
  type NumericParam,
  type PointResult,
  type SweepSettingsInput,
} from '../../engine/sweep/index';
import type { NodeConfig } from '../../engine/index';
import { useScenario } from '../store/appStore';
import { compareStore } from '../store/compareStore';
import { recognize, predict } from '../theory/textbook';
import { cancelSweep, openPoint, runSweep } from './sweepActions';
import { SweepChart, type SweepSeries } from './SweepChart';
import { SweepHeatMap } from './SweepHeatMap';
import { useSweep, type SweepRunState } from './sweepStore';
import { svgsToPng } from './exportSweep';
import { downloadBlob } from '../share/download';
import './sweep.css';

interface AxisDraft {
  key: string;
  from: string;
  to: string;
  steps: string;
  log: boolean;
}

interface Option {
  key: string;
  node: string;
  param: NumericParam;
}

function optionsOf(nodes: readonly NodeConfig[]): Option[] {
  return nodes.flatMap((n) => numericParams(n).map((param) => ({ key: `${n.id}.${param.field}`, node: n.id, param })));
}

const tidy = (x: number, int: boolean) => (int ? Math.round(x) : Number(x.toPrecision(3)));

/** A first range around the value in the design: a quarter of it to twice it, within what the field takes. */
function defaultAxis(o: Option): AxisDraft {
  const { param } = o;
  const cur = typeof param.current === 'number' && Number.isFinite(param.current) && param.current > 0 ? param.current : param.int ? 4 : 10;
  const lo = Math.max(param.min > -Infinity ? param.min : 0, param.int ? 1 : 0);
  const hi = param.max;
  let from = tidy(Math.max(lo, cur / 4), param.int);
  let to = tidy(Math.min(hi, cur * 2), param.int);
  if (from <= 0 && !param.int) from = tidy(cur / 4, false);
  if (to <= from) to = tidy(Math.min(hi, from * 4 || 10), param.int);
  const steps = param.int ? Math.max(2, Math.min(10, to - from + 1)) : 10;
  return { key: o.key, from: String(from), to: String(to), steps: String(steps), log: false };
}

/** The first producer's rate, or else the first parameter of the design. */
function firstOption(opts: readonly Option[], nodes: readonly NodeConfig[]): Option | undefined {
  const producer = nodes.find((n) => n.type === 'producer');
  return opts.find((o) => producer && o.key === `${producer.id}.rate`) ?? opts[0];
}

function draftOf(s: NonNullable<SweepSettingsInput>, opts: readonly Option[]): { axes: AxisDraft[]; seeds: string; durationS: string } | null {
  const axes = s.vary.map((v) => ({ key: `${v.node}.${v.field}`, from: String(v.from), to: String(v.to), steps: String(v.steps), log: !!v.log }));
  if (axes.some((a) => !opts.some((o) => o.key === a.key))) return null;
  return { axes, seeds: String(s.seeds ?? 3), durationS: s.durationMs !== undefined ? String(s.durationMs / 1000) : '' };
}

/** For a grid: a part's capacity, workers or rate other than the first parameter's part, else any other parameter. */
function secondOption(opts: readonly Option[], firstKey: string): Option | undefined {
  const firstNode = opts.find((o) => o.key === firstKey)?.node;
  const others = opts.filter((o) => o.node !== firstNode);
  return others.find((o) => /^(concurrency|capacity|workers|consumers|partitions|rate)$/.test(o.param.field)) ?? others[0] ?? opts.find((o) => o.key !== firstKey);
}

const num = (t: string) => (t.trim() === '' ? NaN : Number(t));

export default function SweepPanel({ onClose }: { onClose: () => void }) {
  const nodes = useScenario((s) => s.nodes);
  const kept = useScenario((s) => s.meta.sweep);
  const designMs = useScenario((s) => s.meta.durationMs);
  const configs = useMemo(() => nodes.map((n) => n.data), [nodes]);
  const opts = useMemo(() => optionsOf(configs), [configs]);
  const comparing = useStore(compareStore, (c) => c.baseline !== null);
  const status = useSweep((s) => s.status);
  const run = useSweep((s) => s.run);
  const issues = useSweep((s) => s.issues);
  const error = useSweep((s) => s.error);

  const initial = useMemo(() => {
    const fromDesign = kept ? draftOf(kept, opts) : null;
    if (fromDesign) return fromDesign;
    const first = firstOption(opts, configs);
    return { axes: first ? [defaultAxis(first)] : [], seeds: '3', durationS: String(Math.min(60, designMs / 1000)) };
    // The draft starts from the design once; later edits of the design do not reset what is typed.
  }, []);
  const [axes, setAxes] = useState<AxisDraft[]>(initial.axes);
  const [seeds, setSeeds] = useState(initial.seeds);
  const [durationS, setDurationS] = useState(initial.durationS);
  const [withA, setWithA] = useState(true);
  const [partChart, setPartChart] = useState('busiest');
  const [heatMetric, setHeatMetric] = useState<HeatMetric>('p99');
  const [openError, setOpenError] = useState<string | null>(null);
  const charts = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    panel.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, []);

  const settings = (): SweepSettingsInput => {
    const vary = axes.map((a) => {
      const o = opts.find((x) => x.key === a.key);
      return { node: o?.node ?? a.key.split('.')[0]!, field: o?.param.field ?? a.key.split('.').slice(1).join('.'), from: num(a.from), to: num(a.to), steps: num(a.steps), log: a.log };
    });
    const d = num(durationS);
    return { vary, seeds: num(seeds), ...(durationS.trim() === '' ? {} : { durationMs: d * 1000 }) };
  };
  const setAxis = (i: number, patch: Partial<AxisDraft>) => setAxes((xs) => xs.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const pickParam = (i: number, key: string) => {
    const o = opts.find((x) => x.key === key);
    if (o) setAxis(i, defaultAxis(o));
  };
  const steps = axes.reduce((n, a) => n * (Number.isFinite(num(a.steps)) ? num(a.steps) : 0), 1);
  const totalRuns = steps * (Number.isFinite(num(seeds)) ? num(seeds) : 0) * (comparing && withA ? 2 : 1);
  const invalid = (path: string) => issues.some((i) => i.path.startsWith(path));
  const running = status === 'running';

  const pick = (p: PointResult | undefined) => {
    if (!p) return;
    setOpenError(openPoint(p.values));
  };

  return (
    <section className="bp-sweep" aria-label="Sweep" ref={panel} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <header className="bp-sweep__head">
        <h2 className="bp-panel-title">Sweep</h2>
        <p className="bp-sweep__lede">Each point is a whole run of this design with one value, on {seeds || '?'} seeds. The live run goes on meanwhile.</p>
        <button type="button" className="bp-btn" onClick={onClose}>
          Back to the playground
        </button>
      </header>
      <div className="bp-sweep__body">
        <form
          className="bp-sweep__form"
          aria-label="Sweep settings"
          onSubmit={(e) => {
            e.preventDefault();
            runSweep(settings(), comparing && withA);
          }}
        >
          {axes.map((a, i) => {
            const o = opts.find((x) => x.key === a.key);
            const where = `vary ${a.key}`;
            return (
              <fieldset key={i} className="bp-sweep__axis">
                <legend>{i === 0 ? 'Vary' : 'and vary (a grid)'}</legend>
                <label className="bp-sweep__field bp-sweep__field--wide">
                  <span>Parameter</span>
                  <select value={a.key} onChange={(e) => pickParam(i, e.target.value)} aria-invalid={invalid(where) || undefined}>
                    {opts.map((x) => (
                      <option key={x.key} value={x.key}>
                        {x.key}
                        {typeof x.param.current === 'number' ? ` (now ${x.param.current})` : ''}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="bp-sweep__field">
                  <span>From</span>
                  <input inputMode="decimal" value={a.from} onChange={(e) => setAxis(i, { from: e.target.value })} aria-invalid={invalid(`sweep.vary[${i}].from`) || invalid(where) || undefined} />
                </label>
                <label className="bp-sweep__field">
                  <span>To</span>
                  <input inputMode="decimal" value={a.to} onChange={(e) => setAxis(i, { to: e.target.value })} aria-invalid={invalid(`sweep.vary[${i}].to`) || invalid(where) || undefined} />
                </label>
                <label className="bp-sweep__field">
                  <span>Steps</span>
                  <input inputMode="numeric" value={a.steps} onChange={(e) => setAxis(i, { steps: e.target.value })} aria-invalid={invalid(`sweep.vary[${i}].steps`) || undefined} title={`2 to ${MAX_SWEEP_STEPS}${i === 1 ? ' (a grid: at most 10 x 10 reads well)' : ''}`} />
                </label>
                <label className="bp-sweep__check">
                  <input type="checkbox" checked={a.log} onChange={(e) => setAxis(i, { log: e.target.checked })} /> Log steps
                </label>
                {o && <p className="bp-field__hint">{o.param.int ? 'whole numbers' : 'any number'}{Number.isFinite(o.param.min) ? `, from ${o.param.min}` : ''}{o.param.max <= 1e9 ? ` to ${o.param.max.toLocaleString('en')}` : ''}</p>}
                {i === 1 && (
                  <button type="button" className="bp-btn bp-btn--small" onClick={() => setAxes((xs) => xs.slice(0, 1))}>
                    Remove the second parameter
                  </button>
                )}
              </fieldset>
            );
          })}
          {axes.length === 1 && opts.length > 1 && (
            <button
              type="button"
              className="bp-btn bp-btn--small"
              onClick={() => {
                const other = secondOption(opts, axes[0]!.key);
                if (other) setAxes((xs) => [...xs, { ...defaultAxis(other), steps: '5' }]);
              }}
            >
              Add a second parameter (grid)
            </button>
          )}
          <div className="bp-sweep__row">
            <label className="bp-sweep__field">
              <span>Seeds per point</span>
              <input inputMode="numeric" value={seeds} onChange={(e) => setSeeds(e.target.value)} aria-invalid={invalid('sweep.seeds') || undefined} title={`1 to ${MAX_SWEEP_SEEDS}`} />
            </label>
            <label className="bp-sweep__field">
              <span>Simulated s per point</span>
              <input inputMode="decimal" value={durationS} onChange={(e) => setDurationS(e.target.value)} aria-invalid={invalid('sweep.durationMs') || undefined} />
            </label>
          </div>
          {comparing && (
            <label className="bp-sweep__check">
              <input type="checkbox" checked={withA} onChange={(e) => setWithA(e.target.checked)} /> Sweep the kept copy A too (same seeds)
            </label>
          )}
          <p className="bp-field__hint" data-over={totalRuns > MAX_SWEEP_RUNS || undefined}>
            {Number.isFinite(totalRuns) && totalRuns > 0 ? `${totalRuns.toLocaleString('en')} runs` : 'runs: ?'} (at most {MAX_SWEEP_RUNS.toLocaleString('en')} per design)
          </p>
          {issues.length > 0 && (
            <div className="bp-sweep__issues" role="alert">
              <strong>This sweep cannot run:</strong>
              <ul>
                {issues.slice(0, 6).map((i, k) => (
                  <li key={k}>
                    {i.path}: {i.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="bp-sweep__actions">
            <button type="submit" className="bp-btn bp-btn--primary" disabled={running || axes.length === 0}>
              Run sweep
            </button>
            <button type="button" className="bp-btn" disabled={!running} onClick={cancelSweep}>
              Cancel
            </button>
          </div>
          <Progress />
          {error && (
            <p className="bp-sweep__issues" role="alert">
              The sweep stopped: {error}
            </p>
          )}
        </form>
        <div className="bp-sweep__results" ref={charts}>
          {run && run.points.length > 0 ? (
            <>
              <div className="bp-sweep__tools">
                <span className="bp-field__hint">Click a point to open the design with that value.</span>
                {openError && (
                  <span className="bp-sweep__issues" role="alert">
                    Cannot open that point: {openError}
                  </span>
                )}
                <button type="button" className="bp-btn bp-btn--small" onClick={() => downloadBlob(new Blob([sweepCsv(run.axes, run.points)], { type: 'text/csv' }), 'sweep.csv')}>
                  CSV
                </button>
                <button type="button" className="bp-btn bp-btn--small" onClick={() => void svgsToPng(charts.current).then((b) => b && downloadBlob(b, 'sweep.png'))}>
                  PNG
                </button>
              </div>
              {run.axes.length === 1 ? (
                <Curves run={run} onPick={pick} partChart={partChart} setPartChart={setPartChart} />
              ) : (
                <Heat run={run} onPick={pick} metric={heatMetric} setMetric={setHeatMetric} />
              )}
            </>
          ) : (
            <p className="bp-sweep__empty">{running ? 'The first points are running…' : 'Pick a parameter and a range, then Run sweep. The curve shows where latency takes off: the knee.'}</p>
          )}
        </div>
      </div>
    </section>
  );
}

function Progress() {
  const run = useSweep((s) => s.run);
  const status = useSweep((s) => s.status);
  if (!run) return null;
  const left = run.leftMs !== null && status === 'running' ? ` · about ${Math.max(1, Math.round(run.leftMs / 1000))} s left` : '';
  const what = status === 'running' ? 'Running' : status === 'cancelled' ? 'Cancelled' : status === 'failed' ? 'Stopped' : 'Done';
  return (
    <div className="bp-sweep__progress">
      <progress max={run.runs} value={run.runsDone} aria-label="Sweep progress" />
      <span aria-live="polite" data-status={status}>
        {what}: {run.points.length} / {run.pointsTotal} points{run.baseline ? ` (A: ${run.baseline.length})` : ''}, {run.runsDone} / {run.runs} runs{left}
        {run.workers > 0 ? ` · ${run.workers} worker${run.workers === 1 ? '' : 's'}` : ''}
      </span>
    </div>
  );
}

const REASON_COLORS = ['#c05621', '#6b46c1', '#b83280', '#2c7a7b', '#744210', '#4a5568', '#2b6cb0', '#9c4221'];

function valueLabel(run: SweepRunState, p: PointResult): string {
  return run.axes.map((a) => `${a.key} = ${p.values[a.key]}`).join(', ');
}

/** Mean latency the textbook predicts at each point, where the design is one M/M/c, M/M/c/K or M/G/1 queue and nothing else. */
function theoryLine(run: SweepRunState, points: readonly PointResult[]): { name: string; values: number[] } | null {
  const base = run.plan.base;
  if (base.nodes.length !== 3) return null;
  const queue = base.nodes.find((n) => n.type === 'queue');
  if (!queue) return null;
  const names = new Set<string>();
  const values = points.map((p) => {
    const s = pointScenario(run.plan, p.values);
    const r = recognize(s, queue.id);
    if (!r.ok) return NaN;
    names.add(r.model.name);
    const pr = predict(r.model);
    return pr.stable ? pr.p.waitMs + 1000 / r.model.mu : NaN;
  });
  return values.some(Number.isFinite) ? { name: names.size === 1 ? [...names][0]! : 'textbook', values } : null;
}

function Curves({ run, onPick, partChart, setPartChart }: { run: SweepRunState; onPick: (p: PointResult | undefined) => void; partChart: string; setPartChart: (s: string) => void }) {
  const axis = run.axes[0]!;
  const pts = run.points;
  const xs = pts.map((p) => p.values[axis.key]!);
  const A = run.baseline && run.baseline.length ? run.baseline : null;
  const aAt = (f: (p: PointResult) => number) => xs.map((x) => {
    const p = A?.find((q) => q.values[axis.key] === x);
    return p ? f(p) : NaN;
  });
  const m = (f: (p: PointResult) => number) => pts.map(f);
  const c = (f: (p: PointResult) => number) => pts.map(f);
  const knees = findKnees({ values: xs, p99: m((p) => p.figures.mean.p99), goodput: m((p) => p.figures.mean.goodput) });
  const theory = theoryLine(run, pts);
  const xLabel = axis.key;
  const pickTitle = (i: number) => `Open the design with ${valueLabel(run, pts[i]!)}`;
  const pickAt = (i: number) => onPick(pts[i]);
  const faded = (s: SweepSeries[]): SweepSeries[] => (A ? s.map((x) => ({ ...x, name: `A: ${x.name}`, faded: true, ci95: undefined })) : []);

  const lat: SweepSeries[] = [
    { name: 'p50', color: '#2b6cb0', values: m((p) => p.figures.mean.p50) },
    { name: 'p99', color: '#c05621', values: m((p) => p.figures.mean.p99), ci95: c((p) => p.figures.ci95.p99) },
    { name: 'p99.9', color: '#6b46c1', values: m((p) => p.figures.mean.p999) },
    ...(theory ? [{ name: 'mean', color: '#1f2933', values: m((p) => p.figures.mean.meanLatency) }, { name: `mean, ${theory.name} theory (steady state)`, color: '#1f2933', values: theory.values, dashed: true }] : []),
    ...faded([{ name: 'p99', color: '#c05621', values: aAt((p) => p.figures.mean.p99) }]),
  ];
  const thr: SweepSeries[] = [
    { name: 'offered', color: '#7b8794', values: m((p) => p.figures.mean.offered), dashed: true },
    { name: 'throughput', color: '#2b6cb0', values: m((p) => p.figures.mean.throughput) },
    { name: 'goodput', color: '#2f855a', values: m((p) => p.figures.mean.goodput), ci95: c((p) => p.figures.ci95.goodput) },
    ...faded([{ name: 'goodput', color: '#2f855a', values: aAt((p) => p.figures.mean.goodput) }]),
  ];
  const reasons: string[] = [];
  for (const p of pts) for (const [code, v] of Object.entries(p.figures.mean.lostBy)) if (v > 0 && !reasons.includes(code)) reasons.push(code);
  const lost: SweepSeries[] = [
    { name: 'all lost', color: '#1f2933', values: m((p) => p.figures.mean.lost), ci95: c((p) => p.figures.ci95.lost) },
    ...reasons.map((code, i) => ({ name: code, color: REASON_COLORS[i % REASON_COLORS.length]!, values: m((p) => p.figures.mean.lostBy[code] ?? 0) })),
    ...faded([{ name: 'all lost', color: '#1f2933', values: aAt((p) => p.figures.mean.lost) }]),
  ];
  const depthIds = [...new Set(pts.flatMap((p) => Object.keys(p.figures.mean.depth)))];
  const busiestId = pts.at(-1)?.figures.mean.busiestId ?? '';
  const part: SweepSeries[] =
    partChart === 'busiest' || !depthIds.includes(partChart)
      ? [
          { name: `busiest part${busiestId ? ` (${busiestId} at the last point)` : ''}`, color: '#2c7a7b', values: m((p) => p.figures.mean.busiest), ci95: c((p) => p.figures.ci95.busiest) },
          ...faded([{ name: 'busiest part', color: '#2c7a7b', values: aAt((p) => p.figures.mean.busiest) }]),
        ]
      : [
          { name: `mean depth of ${partChart}`, color: '#6b46c1', values: m((p) => p.figures.mean.depth[partChart] ?? NaN), ci95: c((p) => p.figures.ci95.depth[partChart] ?? NaN) },
          ...faded([{ name: `mean depth of ${partChart}`, color: '#6b46c1', values: aAt((p) => p.figures.mean.depth[partChart] ?? NaN) }]),
        ];
  const fmt = (v: number) => Number(v.toPrecision(4)).toLocaleString('en');
  const latKnee = knees.p99 !== null ? [{ x: knees.p99, label: `knee: p99 over 2x at ${fmt(knees.p99)}` }] : [];
  const gpKnee = knees.goodput !== null ? [{ x: knees.goodput, label: `goodput stops rising at ${fmt(knees.goodput)}` }] : [];
  const spread = Math.max(...lat[1]!.values.filter(Number.isFinite)) / Math.max(1e-9, Math.min(...lat[0]!.values.filter((v) => Number.isFinite(v) && v > 0)));
  const common = { xs, logX: axis.log, xLabel, onPick: pickAt, pickTitle };
  return (
    <div className="bp-sweep__grid" data-knee-p99={knees.p99 ?? undefined} data-knee-goodput={knees.goodput ?? undefined}>
      <SweepChart title="End-to-end latency" unit="ms" logY={spread > 50} series={lat} knees={latKnee} {...common} />
      <SweepChart title="Goodput and throughput" unit="items/s" series={thr} knees={gpKnee} {...common} />
      <SweepChart title="Share lost, by reason" unit="% of produced" percent series={lost} {...common} />
      <div className="bp-sweep__part">
        <select aria-label="Part chart shows" value={partChart} onChange={(e) => setPartChart(e.target.value)}>
          <option value="busiest">Utilization of the busiest part</option>
          {depthIds.map((id) => (
            <option key={id} value={id}>
              Mean depth of {id}
            </option>
          ))}
        </select>
        <SweepChart title={partChart === 'busiest' ? 'Utilization' : 'Mean depth'} unit={partChart === 'busiest' ? '%' : 'items'} percent={partChart === 'busiest'} series={part} {...common} />
      </div>
    </div>
  );
}

type HeatMetric = 'p99' | 'goodput' | 'lost' | 'busiest';
const HEAT: Record<HeatMetric, { label: string; get: (p: PointResult) => number; percent?: boolean; log?: boolean }> = {
  p99: { label: 'p99 latency (ms)', get: (p) => p.figures.mean.p99, log: true },
  goodput: { label: 'goodput (items/s)', get: (p) => p.figures.mean.goodput },
  lost: { label: 'share lost', get: (p) => p.figures.mean.lost, percent: true },
  busiest: { label: 'utilization of the busiest part', get: (p) => p.figures.mean.busiest, percent: true },
};

function Heat({ run, onPick, metric, setMetric }: { run: SweepRunState; onPick: (p: PointResult | undefined) => void; metric: HeatMetric; setMetric: (m: HeatMetric) => void }) {
  const [ax, ay] = [run.axes[0]!, run.axes[1]!];
  const byIndex = new Map(run.points.map((p) => [p.index, p]));
  const values = run.plan.points.map((pt) => {
    const p = byIndex.get(pt.index);
    return p ? HEAT[metric].get(p) : NaN;
  });
  const h = HEAT[metric];
  return (
    <div className="bp-sweep__heat">
      <label className="bp-sweep__field">
        <span>Colour shows</span>
        <select value={metric} onChange={(e) => setMetric(e.target.value as HeatMetric)}>
          {(Object.keys(HEAT) as HeatMetric[]).map((k) => (
            <option key={k} value={k}>
              {HEAT[k].label}
            </option>
          ))}
        </select>
      </label>
      <SweepHeatMap
        title={h.label}
        xLabel={ax.key}
        yLabel={ay.key}
        xs={ax.values}
        ys={ay.values}
        values={values}
        percent={h.percent}
        logColor={h.log}
        onPick={(i) => onPick(byIndex.get(i))}
        pickTitle={(i) => `Open the design with ${run.axes.map((a) => `${a.key} = ${run.plan.points[i]!.values[a.key]}`).join(', ')}`}
      />
    </div>
  );
}
