/** The shared row part: one database row under optimistic concurrency control (components/sharedRow.ts). */
import type { Part } from './part';
import { sharedRowSchema } from '../scenario/tails';
import { SharedRow } from '../components/sharedRow';

export const sharedRowPart: Part<'shared-row', typeof sharedRowSchema> = {
  type: 'shared-row',
  schema: sharedRowSchema,
  create: (sim, index, id) => new SharedRow(sim, index, id),
};
