/** The load shedder part: refuses work once the load it watches reaches a limit (components/loadShedder.ts). */
import type { Part } from './part';
import { loadShedderSchema } from '../scenario/resilience';
import { LoadShedder } from '../components/loadShedder';

export const loadShedderPart: Part<'load-shedder', typeof loadShedderSchema> = {
  type: 'load-shedder',
  schema: loadShedderSchema,
  create: (sim, index, id) => new LoadShedder(sim, index, id),
  table: {
    title: 'load shedders',
    columns: [
      ['passed', 'passed'],
      ['rejected', 'shed'],
      ['load', 'load'],
      ['limit', 'limit'],
    ],
  },
};
