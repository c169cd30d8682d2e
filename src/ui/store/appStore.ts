/** The app's one design store (tests build their own with createScenarioStore). */
import { useStore } from 'zustand';
import { createScenarioStore, type ScenarioState } from './scenarioStore';
import { defaultScenario } from './defaultScenario';
import { noticeStore } from './noticeStore';

export const scenarioStore = createScenarioStore(defaultScenario());

// An edit the design's lock refused, from whatever path it came: said once, with the reason.
scenarioStore.subscribe((st, prev) => {
  if (st.refused && st.refused !== prev.refused) noticeStore.getState().showAlert(st.refused.text);
});

export function useScenario<T>(selector: (st: ScenarioState) => T): T {
  return useStore(scenarioStore, selector);
}
