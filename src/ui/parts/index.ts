/**
 * Every part kind the UI offers, in palette order: its name, palette entry, starter values, status
 * words, charts, and loaders for its node view and inspector fields (part.ts). A new kind is a
 * module here and a line in this list.
 */
import { NODE_TYPES, type NodeType } from '../../engine/core';
import { autoscaler } from './autoscaler';
import { bulkhead } from './bulkhead';
import { circuitBreaker } from './circuitBreaker';
import { client } from './client';
import { concurrencyLimiter } from './concurrencyLimiter';
import { connectionPool } from './connectionPool';
import { consumerGroup } from './consumerGroup';
import { fanOut } from './fanOut';
import { loadBalancer } from './loadBalancer';
import { loadShedder } from './loadShedder';
import type { Part } from './part';
import { producer } from './producer';
import { queue } from './queue';
import { rateLimiter } from './rateLimiter';
import { service } from './service';
import { sharedRow } from './sharedRow';
import { link } from './link';
import { topic } from './topic';

export const PARTS: readonly Part[] = [
  producer,
  client,
  queue,
  service,
  loadBalancer,
  fanOut,
  sharedRow,
  link,
  rateLimiter,
  circuitBreaker,
  bulkhead,
  loadShedder,
  concurrencyLimiter,
  autoscaler,
  connectionPool,
  topic,
  consumerGroup,
];

/** Each kind's part, keyed in the scenario format's order of kinds. */
export const PART = Object.fromEntries(NODE_TYPES.map((kind) => [kind, partOf(kind)])) as Record<NodeType, Part>;

function partOf(kind: NodeType): Part {
  const part = PARTS.find((p) => p.kind === kind);
  if (!part) throw new Error(`No part in src/ui/parts for the kind "${kind}"`);
  return part;
}

/** A record over every kind, made from each kind's part. */
export const byKind = <T>(f: (part: Part) => T): Record<NodeType, T> => Object.fromEntries(NODE_TYPES.map((kind) => [kind, f(PART[kind])])) as Record<NodeType, T>;
