import { scenarioStore } from '../../store/appStore';
import { noticeStore } from '../../store/noticeStore';

/** For controls that cannot hold a bad value (selects, checkboxes): apply, or say why not. */
export function applyParam(nodeId: string, patch: Record<string, unknown>): void {
  const issues = scenarioStore.getState().setParam(nodeId, patch);
  if (issues) noticeStore.getState().showAlert(`Not applied: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
}
