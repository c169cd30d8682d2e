/** The fan-out part: one request scattered over many parallel calls and gathered (components/fanOut.ts). */
import type { Part } from './part';
import { fanOutSchema } from '../scenario/tails';
import { FanOut } from '../components/fanOut';

export const fanOutPart: Part<'fan-out', typeof fanOutSchema> = {
  type: 'fan-out',
  schema: fanOutSchema,
  create: (sim, index, id, seed) => new FanOut(sim, index, id, seed),
};
