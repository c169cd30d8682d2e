/** The app's one design store (tests build their own with createScenarioStore). */
import { useStore } from 'zustand';
import { createScenarioStore, type ScenarioState } from './scenarioStore';
import { defaultScenario } from './defaultScenario';

export const scenarioStore = createScenarioStore(defaultScenario());

export function useScenario<T>(selector: (st: ScenarioState) => T): T {
  return useStore(scenarioStore, selector);
}
