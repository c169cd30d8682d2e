import { describe, expect, it } from 'vitest';
import { G, snapshotLength } from '../../engine/index';
import type { FrameState } from '../frames/frameStore';
import { RowHistory } from '../frames/history';
import { MarkRing } from '../frames/marks';
import { chartsFor, type ChartSpec } from '../charts/metrics';
import { chartCsv } from './chartCsv';

/** A whole-system run of `rows` samples, 250 ms apart, with `set` writing each row's fields. */
function state(rows: number, set: (row: Float64Array, i: number) => void): FrameState {
  const len = snapshotLength(0);
  const h = new RowHistory(len);
  const data = new Float64Array(rows * len);
  for (let i = 0; i < rows; i++) {
    const row = data.subarray(i * len, (i + 1) * len);
    row[G.now] = (i + 1) * 250;
    row[G.windowMs] = 250;
    set(row, i);
  }
  h.append(data);
  return {
    epoch: 1,
    nodeIds: [],
    indexOf: new Map(),
    snapshot: data.subarray((rows - 1) * len),
    history: h,
    marks: new MarkRing(),
    baseline: null,
    status: { playing: false, simMs: rows * 250, requestedSpeed: 1, achievedSpeed: 0, lagging: false, halted: null, ended: false },
    version: 1,
  };
}

const system = (key: string): ChartSpec => chartsFor('system', { nodes: [] }).find((c) => c.key === key)!;
const parse = (csv: string) => csv.trimEnd().split('\r\n').map((l) => l.split(','));

describe('a chart as CSV', () => {
  it('has time_s and one column per line with its unit, one row per sample, numbers unformatted', () => {
    const s = state(6, (row, i) => {
      row[G.e2eP50] = i < 2 ? NaN : 12.3456789 * i;
      row[G.e2eP99] = i < 2 ? NaN : 1234.5 * i;
    });
    const rows = parse(chartCsv(system('latency'), s, null));
    expect(rows[0]).toEqual(['time_s', 'p50 (ms)', 'p99 (ms)']);
    expect(rows).toHaveLength(7);
    // Nothing completed yet: an empty cell, not 0 and not "–".
    expect(rows[1]).toEqual(['0.25', '', '']);
    expect(rows[4]).toEqual(['1', String(12.3456789 * 3), String(1234.5 * 3)]);
    expect(rows[6]![2]).toBe('6172.5'); // no thousands separator, no rounding
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual([0.25, 0.5, 0.75, 1, 1.25, 1.5]);
  });

  it('quotes a line name with a comma and keeps the header to the lines on screen', () => {
    const spec: ChartSpec = {
      key: 'x',
      title: 'X',
      unit: 'items/s',
      lines: [
        { name: 'in, out', color: '#000', read: (h, i) => h.get(i, G.inSystem) },
        { name: 'never seen', color: '#000', read: () => 1, seen: () => 0 },
      ],
    };
    const csv = chartCsv(spec, state(2, (row, i) => void (row[G.inSystem] = i + 7)), null);
    expect(csv).toBe('time_s,"in, out (items/s)"\r\n0.25,7\r\n0.5,8\r\n');
  });

  it('is the header alone for a node the run does not have', () => {
    expect(chartCsv(system('depth'), state(3, () => undefined), 'gone')).toBe('time_s,items (items)\r\n');
  });
});
