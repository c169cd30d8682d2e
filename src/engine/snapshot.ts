/**
 * What reading snapshots and timelines takes, and nothing that runs a simulation: the layout's
 * field numbers, kind and state codes, reason and timeline names. The paint worker imports
 * this rather than the engine's index, which would bring the whole engine and zod into it.
 */
export { G, G_STRIDE, F, F_STRIDE, NODE_KIND_CODES, BREAKER_STATES, FLOW_MODE_CODES, REASON_SLOTS, snapshotLength, type NodeKind } from './metrics/layout';
export { TIMELINE_KINDS, type TimelineKind } from './metrics/timeline';
export { REASONS } from './kernel/protocol';
