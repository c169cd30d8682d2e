/**
 * A part kind in one place: its scenario schema, how the simulation builds one, and how the
 * terminal report shows it. index.ts lists every part; the simulation, the scenario schema and
 * the CLI's report table read that list.
 */
import type { z } from 'zod';
import type { Sim } from '../kernel/sim';
import type { SimNode } from '../kernel/node';
import type { NodeType } from '../scenario/constants';

/** A field of the node's report and its column heading. */
export type ReportColumn = readonly [field: string, heading: string];

export interface ReportTable {
  /** The section's heading: the kind in the plural. */
  readonly title: string;
  readonly columns: readonly ReportColumn[];
}

/** The schema of one node kind: an object whose `type` is the kind's name. */
export type PartSchema<T extends NodeType = NodeType> = z.core.$ZodTypeDiscriminable & z.ZodType<{ type: T }, { type: T }>;

export interface Part<T extends NodeType = NodeType, S extends PartSchema<T> = PartSchema<T>> {
  readonly type: T;
  /** The node's entry in the scenario format (a member of scenario/schema.ts's nodeSchema). */
  readonly schema: S;
  /** A new node of this kind, not yet wired or configured; seeded kinds derive their random streams from `seed`. */
  create(sim: Sim, index: number, id: string, seed: number): SimNode;
  /** Its section of the terminal report (src/cli/table.ts); a kind without one is not listed there. */
  readonly table?: ReportTable;
}
