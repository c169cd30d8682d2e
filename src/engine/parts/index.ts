/**
 * Every part kind the engine simulates, one module each (part.ts says what a part holds), in the
 * order of the scenario format's NODE_TYPES (scenario/constants.ts): the order of the node schema's
 * union and of its JSON Schema.
 */
import { producerPart } from './producer';
import { queuePart } from './queue';
import { servicePart } from './service';
import { clientPart } from './client';
import { rateLimiterPart } from './rateLimiter';
import { circuitBreakerPart } from './circuitBreaker';
import { bulkheadPart } from './bulkhead';
import { loadBalancerPart } from './loadBalancer';
import { loadShedderPart } from './loadShedder';
import { concurrencyLimiterPart } from './concurrencyLimiter';
import { autoscalerPart } from './autoscaler';
import { connectionPoolPart } from './connectionPool';
import { topicPart } from './topic';
import { consumerGroupPart } from './consumerGroup';
import { fanOutPart } from './fanOut';
import { sharedRowPart } from './sharedRow';
import { linkPart } from './link';
import type { NodeType } from '../scenario/constants';

export const PARTS = [
  producerPart,
  queuePart,
  servicePart,
  clientPart,
  rateLimiterPart,
  circuitBreakerPart,
  bulkheadPart,
  loadBalancerPart,
  loadShedderPart,
  concurrencyLimiterPart,
  autoscalerPart,
  connectionPoolPart,
  topicPart,
  consumerGroupPart,
  fanOutPart,
  sharedRowPart,
  linkPart,
] as const;

export type AnyPart = (typeof PARTS)[number];

// A node type without a part in the list fails to compile here.
type Missing = Exclude<NodeType, AnyPart['type']>;
const _everyTypeHasAPart: [Missing] extends [never] ? true : never = true;

const BY_TYPE = new Map<NodeType, AnyPart>(PARTS.map((p) => [p.type, p]));

/** The part of a node type. */
export function partOf(type: NodeType): AnyPart {
  return BY_TYPE.get(type)!;
}

export { type Part, type PartSchema, type ReportColumn, type ReportTable } from './part';
