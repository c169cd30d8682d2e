/** The shared row part: one database row under optimistic concurrency control (components/sharedRow.ts). */
import { definePart } from './part';
import { sharedRowSchema } from '../scenario/tails';
import { SharedRow } from '../components/sharedRow';

export const sharedRowPart = definePart({
  type: 'shared-row',
  schema: sharedRowSchema,
  create: (sim, index, id) => new SharedRow(sim, index, id),
});
