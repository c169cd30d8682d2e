/**
 * A chart's scales and what its axes say: nice round ranges and ticks (d3-scale), and labels
 * that carry units and stay short enough to read from the back of a room.
 */
import { scaleLinear } from 'd3-scale';

// One scale reused for every computation: building a d3 scale per redraw showed in profiles.
const scratch = scaleLinear();

/** The nice top of a 0-based y range holding `max` (with some headroom), or `fixed` if given. */
export function niceTop(max: number, fixed?: number): number {
  if (fixed !== undefined) return fixed;
  return scratch.domain([0, Math.max(1, max * 1.1)]).nice().domain()[1]!;
}

/**
 * The y range for data up to `max`: it grows at once but shrinks only when the data fall well
 * below it, for steady axes that do not breathe with every noisy sample.
 */
export function nextTop(current: number, max: number, fixed?: number): number {
  if (fixed !== undefined) return fixed;
  // niceTop(max) lies between 1.1 and 1.3 times max: when that cannot move the range, skip it.
  if (current > 0 && max * 1.4 <= current && max * 1.1 >= current * 0.4) return current;
  const wanted = niceTop(max);
  return wanted > current || wanted < current * 0.4 ? wanted : current;
}

export function ticks(from: number, to: number, count: number): number[] {
  return scratch.domain([from, to]).ticks(count);
}

const steps = new Map<string, number>();

/**
 * Ticks every nice step (the one d3 would choose for a span that long) from `from` to `to`:
 * a scrolling window keeps its span, so the step is worked out once, not on every redraw.
 */
export function scrollingTicks(from: number, to: number, count: number, out: number[]): number[] {
  const key = `${to - from}:${count}`;
  let step = steps.get(key);
  if (step === undefined) {
    const t = ticks(0, to - from, count);
    step = t.length > 1 ? t[1]! - t[0]! : to - from;
    if (steps.size > 64) steps.clear();
    steps.set(key, step);
  }
  out.length = 0;
  for (let k = Math.ceil(from / step); k * step <= to; k++) out.push(Math.round(k * step * 1e6) / 1e6);
  return out;
}

const valueFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const bigValueFormat = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const axisNumber = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const seconds = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** A legend's current value: "12.5", "1,234", "56.7K"; "–" when there is none. */
export function formatValue(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '–';
  return (Math.abs(v) >= 10_000 ? bigValueFormat : valueFormat).format(v);
}

/** A y tick: "0", "250", "1.5K". */
export const formatAxis = (v: number): string => axisNumber.format(v);

const secondLabels = new Map<number, string>();

/** An x tick in simulated time: "40 s" (remembered: the same few recur redraw after redraw). */
export function formatSeconds(s: number): string {
  let label = secondLabels.get(s);
  if (label === undefined) {
    if (secondLabels.size > 512) secondLabels.clear();
    label = `${seconds.format(s)} s`;
    secondLabels.set(s, label);
  }
  return label;
}
