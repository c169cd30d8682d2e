/**
 * The charts bar's Sweep button, and the panel it opens over the canvas and the charts (loaded
 * when first opened: the page does not carry it until then).
 */
import { lazy, Suspense } from 'react';
import { createPortal } from 'react-dom';
import { useSweep, sweepStore } from './sweepStore';

const SweepPanel = lazy(() => import('./SweepPanel'));

export function SweepButton() {
  const open = useSweep((s) => s.open);
  const running = useSweep((s) => s.status === 'running');
  const close = () => sweepStore.getState().setOpen(false);
  const host = typeof document !== 'undefined' ? document.querySelector('.bp-app') : null;
  return (
    <>
      <button
        type="button"
        className="bp-btn bp-charts__sweep-btn"
        aria-pressed={open}
        title="Run this design over a range of one parameter (or two) and draw latency and goodput against it: the knee curve"
        onClick={() => sweepStore.getState().setOpen(!open)}
      >
        Sweep{running && !open ? ' (running)' : ''}
      </button>
      {open &&
        host &&
        createPortal(
          <Suspense fallback={<section className="bp-sweep" aria-label="Sweep" aria-busy="true" />}>
            <SweepPanel onClose={close} />
          </Suspense>,
          host,
        )}
    </>
  );
}
