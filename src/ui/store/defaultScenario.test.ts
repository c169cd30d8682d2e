import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/index';
import example from '../../../scenarios/default.json';
import { defaultScenario } from './defaultScenario';

describe('the default design', () => {
  it('is scenarios/default.json as the parser makes it (run `npm run schema` after changing either)', () => {
    const p = parseScenario(example);
    expect(p.ok).toBe(true);
    if (p.ok) expect(defaultScenario()).toEqual(p.value);
  });
});
