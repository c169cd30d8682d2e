import { lazy, Suspense, useRef, type ChangeEvent } from 'react';
import { designKeeper } from './keeper';
import { downloadDesign } from './download';
import { shareStore, useShare } from './shareStore';
import { exportFailed } from '../charts/TimeChart';
import { chartsFor } from '../charts/metrics';
import { nodeBase, nodeHealth } from '../frames/derive';
import './share.css';

// Loaded when first opened: a first visit need not download it (the initial bundle has a budget).
const ShareDialog = lazy(() => import('./ShareDialog').then((m) => ({ default: m.ShareDialog })));
// The recorder gets the page's chart and node helpers from here (runFrame.ts says why).
const record = () => void import('../export/recording').then((m) => m.startRecording({ chartsFor, nodeBase, nodeHealth }), exportFailed);

/** Share, Export and Import in the toolbar. */
export function ShareControls() {
  const fileInput = useRef<HTMLInputElement>(null);
  const open = useShare((s) => s.dialogOpen);

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Cleared, so picking the same file again (after fixing it) is a change too.
    e.target.value = '';
    // Through a lazy chunk that tells a workshop file from a scenario file.
    if (file) void import('../workshop/openFile').then((m) => m.openFile(file), () => designKeeper.importFile(file));
  };

  return (
    <div className="bp-toolbar__group" role="group" aria-label="Design">
      <button type="button" className="bp-btn" onClick={() => shareStore.getState().setDialogOpen(true)} title="A link that opens this exact design and run">
        Share
      </button>
      <button type="button" className="bp-btn" onClick={downloadDesign} title="Save the design as a scenario file (runs in the CLI too)">
        Export
      </button>
      <button type="button" className="bp-btn" onClick={() => fileInput.current?.click()} title="Open a scenario or workshop file">
        Import
      </button>
      <input ref={fileInput} type="file" accept=".json,application/json" aria-label="Import scenario or workshop file" className="bp-share__file" tabIndex={-1} onChange={onFile} />
      {open && (
        <Suspense fallback={null}>
          <ShareDialog onRecord={record} />
        </Suspense>
      )}
    </div>
  );
}
