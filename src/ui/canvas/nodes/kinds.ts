import { byKind } from '../../parts/index';

/** Each kind's name as people say it: palette entries, node headers, the inspector title. */
export const KIND_NAME = byKind((p) => p.name);
