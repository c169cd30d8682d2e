/**
 * A chart's series as CSV: `time_s` then one column per line the chart shows, each named with the
 * chart's unit (`p99 (ms)`), one row per sample the page holds (the whole run, up to the history's
 * capacity, not only the chart's window). Numbers are written as they are (no rounding, no
 * thousands separators); a sample with no value (no completions yet: NaN) is an empty cell. A
 * state line (a breaker's band) is written as its state's name.
 */
import type { FrameState } from '../frames/frameStore';
import type { ChartSpec, LineSpec } from '../charts/metrics';

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The lines the chart shows now: those with no `seen` rule, and those seen by the newest row. */
function shownLines(spec: ChartSpec, s: FrameState, node: number): LineSpec[] {
  const h = s.history;
  return spec.lines.filter((l) => !l.seen || (h !== null && h.count > 0 && l.seen(h, h.count - 1, node, s.indexOf) > 0));
}

export function chartCsv(spec: ChartSpec, s: FrameState, nodeId: string | null): string {
  const found = nodeId === null ? -1 : s.indexOf.get(nodeId);
  const node = found ?? -1;
  const lines = found === undefined ? spec.lines.filter((l) => !l.seen) : shownLines(spec, s, node);
  const out = [['time_s', ...lines.map((l) => `${l.name} (${spec.unit})`)].map(csvField).join(',')];
  const h = s.history;
  if (h && found !== undefined) {
    for (let i = 0; i < h.count; i++) {
      const cells = [String(h.timeMs(i) / 1000)];
      for (const l of lines) {
        const v = l.read(h, i, node, s.indexOf);
        cells.push(Number.isNaN(v) ? '' : l.states ? csvField(l.states[Math.round(v)]?.label ?? '') : String(v));
      }
      out.push(cells.join(','));
    }
  }
  return `${out.join('\r\n')}\r\n`;
}
