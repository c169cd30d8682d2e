import { designKeeper } from './keeper';
import { scenarioFileName, scenarioFileText } from './scenarioFile';

/** Hands the design to the browser as a download. */
export function downloadDesign(): void {
  const scenario = designKeeper.current();
  const url = URL.createObjectURL(new Blob([scenarioFileText(scenario)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = scenarioFileName(scenario);
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: some browsers read the blob only after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
