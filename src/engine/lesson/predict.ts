/**
 * Scoring a prediction: the person's answer beside what the run measured, in words a room can read
 * ("3.2x higher than you said"; for a choice, right or wrong). Pure, over the same report the check
 * clauses read, so the app and the lesson tests agree on every number.
 */
import type { Report } from '../metrics/report';
import type { Prediction } from '../scenario/lesson';
import { groupDigits } from '../metrics/format';
import { metricValue } from './check';

export type PredictionAnswer = { kind: 'number'; value: number } | { kind: 'choice'; index: number };

export interface PredictionScore {
  /** The measured value in the prediction's units (a percentage for "%"), or null when the report lacks it. */
  measured: number | null;
  /** "4,812 ms", or "the report has no nodes.x.y". */
  measuredText: string;
  /** What the person said: "300 ms", or the choice's text. */
  saidText: string;
  /** For a choice: which one the measured value picks (-1: none of them). */
  measuredChoice: number;
  /** A choice: right or wrong; a number: null (how far off says it). */
  right: boolean | null;
  /** "3.2x higher than you said", "within 10% of what you said", "Right", "Wrong: it was ...". */
  verdict: string;
}

/** The prediction's moment: its `atMs`, or the run's end. */
export const predictionAtMs = (p: Prediction, durationMs: number): number => p.atMs ?? durationMs;

/** The metric (divided by `per`, as a check clause does), in the prediction's units. */
export function predictionValue(p: Prediction, report: Report): number | null {
  const top = metricValue(report, p.metric);
  const bottom = p.per !== undefined ? metricValue(report, p.per) : 1;
  if (top === null || bottom === null) return null;
  const v = p.per !== undefined ? (bottom > 0 ? top / bottom : 0) : top;
  return p.unit === '%' ? v * 100 : v;
}

/** The choice a value picks: the first equal to its `value` or with it in [min, max); -1 when none does. */
export function choiceFor(p: Prediction, v: number): number {
  return (p.choices ?? []).findIndex((c) => (c.value !== undefined ? v === c.value : v >= (c.min ?? -Infinity) && v < (c.max ?? Infinity)));
}

export function formatPredictionValue(v: number, unit: string | undefined): string {
  const a = Math.abs(v);
  if (unit === 'ms' && a >= 1000) return `${(v / 1000).toFixed(1)} s`;
  const n = a >= 100 || Number.isInteger(v) ? groupDigits(Math.round(v)) : a >= 10 ? v.toFixed(1) : String(Number(v.toPrecision(2)));
  if (unit === undefined) return n;
  return unit === '%' || unit === 'x' ? `${n}${unit}` : `${n} ${unit}`;
}

/** How far the measured value is from the said one, in words. */
export function howFarOff(said: number, measured: number, unit: string | undefined): string {
  if (said > 0 && measured > 0 && unit !== '%') {
    const r = measured / said;
    if (r <= 1.1 && r >= 1 / 1.1) return r === 1 ? 'exactly what you said' : 'within 10% of what you said';
    const times = (x: number) => (x >= 10 ? String(Math.round(x)) : x.toFixed(1));
    return r > 1 ? `${times(r)}x higher than you said` : `${times(1 / r)}x lower than you said`;
  }
  const d = measured - said;
  if (d === 0) return 'exactly what you said';
  const amount = unit === '%' ? `${formatPredictionValue(Math.abs(d), undefined)} percentage points` : formatPredictionValue(Math.abs(d), unit);
  return `${amount} ${d > 0 ? 'higher' : 'lower'} than you said`;
}

export function scorePrediction(p: Prediction, answer: PredictionAnswer, report: Report): PredictionScore {
  const measured = predictionValue(p, report);
  const choices = p.choices ?? [];
  const saidText = answer.kind === 'choice' ? (choices[answer.index]?.text ?? '(no answer)') : formatPredictionValue(answer.value, p.unit);
  if (measured === null) {
    const missing = metricValue(report, p.metric) === null ? p.metric : p.per!;
    return { measured, measuredText: `the report has no ${missing}`, saidText, measuredChoice: -1, right: null, verdict: 'Cannot be scored' };
  }
  const measuredText = formatPredictionValue(measured, p.unit);
  const measuredChoice = choiceFor(p, measured);
  if (answer.kind === 'choice') {
    const right = answer.index === measuredChoice;
    const picked = choices[measuredChoice]?.text;
    const verdict = right ? 'Right' : picked !== undefined ? `Wrong: it was “${picked}”` : 'Wrong: none of the answers';
    return { measured, measuredText, saidText, measuredChoice, right, verdict };
  }
  return { measured, measuredText, saidText, measuredChoice, right: null, verdict: howFarOff(answer.value, measured, p.unit) };
}
