/**
 * What the page needs before the scenario schema has loaded, and nothing that brings the schema
 * library with it: the format's constants, the snapshot layout, what the nodes show about a
 * service time, the lesson verdicts, issue formatting. The page's first load imports this; the
 * rest of the engine (index.ts: parsing, the simulation) arrives in its own chunk right after
 * (src/ui/validation.ts). Everything here is also exported by index.ts.
 */
export * from './snapshot';
export { SCENARIO_VERSION, NODE_TYPES, SCHEMA_KEY, SCHEMA_FILE_NAME, CHART_WINDOWS_S, type NodeType } from './scenario/constants';
export { formatIssues, type Parsed, type ScenarioIssue } from './scenario/issues';
export { newerVersionIssue, APP_NAME } from './scenario/migrate';
export { empiricalAt, moments } from './components/distributions';
export { DEFAULT_MEMORY_LIMIT_BYTES, DEFAULT_RESTART_DELAY_MS } from './components/memory';
export { evaluateCheck, evaluateClause, metricValue, VERDICT_HEADS, type CheckResult, type ClauseResult, type VerdictKind } from './lesson/check';
export { groupDigits } from './metrics/format';
export type * from './scenario/schema';
export type * from './scenario/flow';
export type * from './scenario/lesson';
export type * from './scenario/events';
export type * from './sweep/settings';
export type { Report } from './metrics/report';
