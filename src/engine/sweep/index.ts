/** Sweeps: one design run over a range of one or two parameters' values, several seeds per point. */
export * from './settings';
export { numericParams, getField, withField, type NumericParam } from './params';
export { planSweep, pointScenario, replicateSeed, axisValues, splitKey, type SweepPlan, type SweepAxis, type SweepPoint } from './plan';
export { runPoint, trimReport, figuresOf, meanCi, tQuantile975, summarizeReports, summarizeFigures, type SweepReport, type Figures, type Summary } from './aggregate';
export { SweepCollector, runOf, type PointResult } from './collect';
export { findKnees, type Knees, type KneeInput } from './knee';
export { sweepCsv } from './table';
export { serveSweep, type SweepPort, type ToSweepWorker, type FromSweepWorker } from './serve';
