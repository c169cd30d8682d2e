/**
 * How the engine's timeline entries (breaker transitions, halts, and whatever later parts record)
 * are named and coloured as markers on the charts' time axis. A Record over every TimelineKind, so
 * a new kind does not compile until it has a label here.
 */
import type { TimelineKind } from '../../engine/index';

export interface MarkerStyle {
  /** Short text drawn at the marker (a projector needs it short). */
  label: string;
  color: string;
}

export const MARKER: Record<TimelineKind, MarkerStyle> = {
  'breaker-closed': { label: 'CLOSED', color: '#2f855a' },
  'breaker-open': { label: 'OPEN', color: '#c53030' },
  'breaker-half-open': { label: 'HALF_OPEN', color: '#b7791f' },
  halted: { label: 'halted', color: '#1a202c' },
  scripted: { label: 'event', color: '#6b46c1' },
  'node-down': { label: 'DOWN', color: '#9b2c2c' },
  'node-up': { label: 'UP', color: '#276749' },
  'oom-killed': { label: 'OOMKilled', color: '#702459' },
  restarted: { label: 'restarted', color: '#9b2c2c' },
  'rebalance-start': { label: 'rebalance', color: '#b7791f' },
  'rebalance-end': { label: 'rebalanced', color: '#2c7a7b' },
  'consumer-left': { label: 'left group', color: '#c05621' },
  'scaled-up': { label: 'scaled up', color: '#2b6cb0' },
  'scaled-down': { label: 'scaled down', color: '#4a5568' },
  'not-ready': { label: 'not ready', color: '#c05621' },
  ready: { label: 'ready', color: '#2f855a' },
  alert: { label: 'ALERT', color: '#c53030' },
  'alert-resolved': { label: 'resolved', color: '#2f855a' },
};
