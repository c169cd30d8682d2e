/**
 * Import, for any file: a workshop file (it has "workshop" or "steps" and no "nodes") starts that
 * workshop; anything else goes to the design keeper as a scenario. A bad workshop file is refused
 * with its problems, each naming where, and the canvas keeps its design.
 */
import { designKeeper } from '../share/keeper';
import { MAX_WORKSHOP_BYTES } from '../share/workshopLink';
import { shareStore } from '../share/shareStore';
import { noticeStore } from '../store/noticeStore';
import { checkWorkshop, startWorkshop } from './workshopStore';
import { wantWorkshop } from './trigger';

const UNCHANGED = 'The design on the canvas is unchanged.';

function looksLikeWorkshop(data: unknown): boolean {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && !('nodes' in data) && ('workshop' in data || 'steps' in data);
}

export async function openFile(file: File): Promise<void> {
  let data: unknown;
  if (file.size <= MAX_WORKSHOP_BYTES) {
    try {
      data = JSON.parse(await file.text());
    } catch {
      data = undefined; // not JSON: the scenario reader says so, with line and column
    }
  }
  if (!looksLikeWorkshop(data)) {
    await designKeeper.importFile(file);
    return;
  }
  const parsed = await checkWorkshop(data);
  if (!parsed.ok) {
    shareStore.getState().refuse(`“${file.name}” cannot be opened as a workshop`, parsed.issues, UNCHANGED);
    return;
  }
  shareStore.getState().dismissRefusal();
  wantWorkshop();
  const why = await startWorkshop(parsed.value, { workshop: parsed.value });
  if (why) noticeStore.getState().showAlert(`The workshop could not be started: ${why}`);
  else noticeStore.getState().showInfo(`Opened the workshop “${parsed.value.title}” from ${file.name}.`);
}
