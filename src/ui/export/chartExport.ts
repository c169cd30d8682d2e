/**
 * The export buttons beside each chart and in the charts bar, loaded on first use: a chart as PNG
 * or CSV, the run's report as the CLI's JSON. File names say the design, the chart and the
 * simulated time reached: `a-queue-under-too-much-load-latency-42s.png`.
 */
import type { ChartSpec } from '../charts/metrics';
import { frameStore } from '../frames/frameStore';
import { sim } from '../simClient';
import { downloadBlob } from '../share/download';
import { designKeeper } from '../share/keeper';
import { scenarioFileName } from '../share/scenarioFile';
import { chartCsv } from './chartCsv';
import { canvasPng, chartCanvas } from './chartPng';
import { reportJsonText } from './reportJson';

/** The export buttons' own container: not part of the picture. */
export const EXPORT_BUTTONS = '.bp-chart__export';

const stem = () => scenarioFileName(designKeeper.current()).replace(/\.json$/, '');
const at = (ms: number) => `${Math.floor(ms / 1000)}s`;

export async function exportChart(as: 'png' | 'csv', figure: HTMLElement, spec: ChartSpec, nodeId: string | null, windowS: number): Promise<void> {
  const s = frameStore.get();
  const name = `${stem()}-${spec.key}${nodeId ? `-${nodeId.replace(/[^A-Za-z0-9_-]+/g, '_')}` : ''}-${at(s.status.simMs)}`;
  if (as === 'csv') downloadBlob(new Blob([chartCsv(spec, s, nodeId)], { type: 'text/csv' }), `${name}.csv`);
  else downloadBlob(await canvasPng(chartCanvas(figure, spec, s, nodeId, windowS, EXPORT_BUTTONS)), `${name}.png`);
}

/** The run so far, as `npm run sim -- FILE --json --duration <time reached>` prints it. */
export async function exportReport(): Promise<void> {
  const report = await sim.report();
  if (!report) throw new Error('there is no run yet (the simulation is still starting)');
  downloadBlob(new Blob([reportJsonText(designKeeper.current(), report)], { type: 'application/json' }), `${stem()}-report-${at(report.simulatedMs)}.json`);
}
