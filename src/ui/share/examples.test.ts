import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../engine/index';
import { createScenarioStore, scenarioOf } from '../store/scenarioStore';
import { decodeScenario, makeShareLink } from './linkCodec';

// Every scenario file the project ships (examples and lessons), with their timed events, lesson text and checks.
const files = import.meta.glob(['../../../scenarios/**/*.json', '!../../../scenarios/workshops/**'], { import: 'default', eager: true }) as Record<string, unknown>;

describe('the shipped scenarios travel whole', () => {
  it('there are some', () => {
    expect(Object.keys(files).length).toBeGreaterThanOrEqual(3);
  });

  for (const [path, data] of Object.entries(files)) {
    const name = path.replace(/^.*scenarios\//, '');
    it(`${name}: through the canvas and a share link, every field comes back, and the link fits in a chat`, async () => {
      const p = parseScenario(data);
      if (!p.ok) throw new Error(`${name} is invalid: ${JSON.stringify(p.issues)}`);
      const original: Scenario = p.value;
      // Files may leave positions out; the canvas places those nodes, and from then on the design has them.
      const onCanvas = scenarioOf(createScenarioStore(original).getState());
      const { nodes: _a, ...restOriginal } = original;
      const { nodes: _b, ...restCanvas } = onCanvas;
      expect(restCanvas).toEqual(restOriginal);
      expect(onCanvas.nodes.map(({ position: _p, ...n }) => n)).toEqual(original.nodes.map(({ position: _p, ...n }) => n));

      const link = await makeShareLink('https://playground.example/', onCanvas);
      expect(link.fits, `${link.length} characters`).toBe(true);
      expect(await decodeScenario(link.url.slice(link.url.indexOf('#s=') + 3))).toEqual({ ok: true, value: onCanvas });
    });
  }
});
