/** The engine's public API: what the worker, the CLI, tests and benchmarks import. */
export { Simulation, createSimulation, type SimulationOptions } from './simulation';
export type { Report } from './metrics/report';
export type { Halt } from './kernel/sim';
export { TIMELINE_KINDS, type TimelineKind } from './metrics/timeline';
export { BREAKER_STATES } from './components/circuitBreaker';
export { DEFAULT_MAX_ITEMS, DEFAULT_SAMPLE_MS } from './kernel/sim';
export { G, G_STRIDE, F, F_STRIDE, NODE_KIND_CODES, REASON_SLOTS, snapshotLength } from './metrics/layout';
export * from './scenario/schema';
export * from './scenario/streams';
export { parseScenario, parseScenarioText, parseNode, checkGraph, wiringError, formatIssues, type ScenarioIssue, type Parsed } from './scenario/validate';
export { moments } from './components/distributions';
export { migrateScenario, newerVersionIssue, MIGRATIONS, type Migrator } from './scenario/migrate';
export { groupDigits } from './metrics/format';
export { OUTCOMES, REASONS, type OutcomeName, type ReasonCode } from './kernel/protocol';
export { scriptedEventSchema, eventOrder, MAX_EVENTS, type ScriptedEvent } from './scenario/events';
export { lessonSchema, CHECK_OPS, type Lesson, type CheckClause, type CheckOp } from './scenario/lesson';
export { evaluateCheck, evaluateClause, metricValue, type CheckResult, type ClauseResult } from './lesson/check';
export { tryThisVariant } from './lesson/variant';
