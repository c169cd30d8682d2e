/** The engine's public API: what the worker, the CLI, tests and benchmarks import. */
export { Simulation, createSimulation, type SimulationOptions } from './simulation';
export { PARTS, partOf, type AnyPart, type Part, type PartSchema, type ReportColumn, type ReportTable } from './parts/index';
export type { Report } from './metrics/report';
export type { Halt } from './kernel/sim';
export { TIMELINE_KINDS, type TimelineKind } from './metrics/timeline';
export { BREAKER_STATES } from './components/circuitBreaker';
export { DEFAULT_MAX_ITEMS, DEFAULT_SAMPLE_MS } from './kernel/sim';
export { G, G_STRIDE, F, F_STRIDE, NODE_KIND_CODES, REASON_SLOTS, snapshotLength } from './metrics/layout';
export * from './scenario/schema';
export * from './scenario/streams';
export { parseScenario, parseScenarioText, parseNode, checkGraph, wiringError, formatIssues, SCHEMA_KEY, type ScenarioIssue, type Parsed } from './scenario/validate';
export { scenarioJsonSchema, scenarioJsonSchemaText, SCHEMA_FILE_NAME } from './scenario/jsonSchema';
export { empiricalAt, moments, scaleTime } from './components/distributions';
export { migrateScenario, newerVersionIssue, MIGRATIONS, type Migrator } from './scenario/migrate';
export { groupDigits } from './metrics/format';
export * from './scenario/flow';
export { FLOW_MODE_CODES } from './metrics/layout';
export { DEFAULT_MEMORY_LIMIT_BYTES, DEFAULT_RESTART_DELAY_MS } from './components/memory';
export { OUTCOMES, REASONS, type OutcomeName, type ReasonCode } from './kernel/protocol';
export { scriptedEventSchema, eventOrder, MAX_EVENTS, type ScriptedEvent } from './scenario/events';
export { lessonSchema, CHECK_OPS, CHART_WINDOWS_S, LESSON_LEVELS, LESSON_SPEEDS, type Lesson, type LessonLevel, type CheckClause, type CheckOp, type Prediction, type PredictionChoice } from './scenario/lesson';
export { evaluateCheck, evaluateClause, metricValue, VERDICT_HEADS, type CheckResult, type ClauseResult, type VerdictKind } from './lesson/check';
export { tryThisVariant } from './lesson/variant';
export { scorePrediction, predictionValue, predictionAtMs, choiceFor, formatPredictionValue, howFarOff, type PredictionAnswer, type PredictionScore } from './lesson/predict';
// Sweeps: the settings a design carries; the planner and the runner are in './sweep/index', imported
// where sweeps run (the CLI, the Sweep panel's lazy chunk, the sweep workers), so the page does not load them.
export * from './sweep/settings';
export { reportDocument, type ReportDocument } from './lesson/reportDocument';
export { lockSchema, MAX_LOCK_ENTRIES, type Lock, type LockInput } from './scenario/lock';
export { changedPaths, isEditable, lockReason, nodeLockState, resolveEntry, fieldExists } from './scenario/lockChecks';
