import { designKeeper } from './keeper';
import { scenarioFileName, scenarioFileText } from './scenarioFile';

/** Hands a file to the browser as a download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: some browsers read the blob only after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Hands the design to the browser as a download. */
export function downloadDesign(): void {
  const scenario = designKeeper.current();
  downloadBlob(new Blob([scenarioFileText(scenario)], { type: 'application/json' }), scenarioFileName(scenario));
}
