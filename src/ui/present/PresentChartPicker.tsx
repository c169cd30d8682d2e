import { useEffect, useId, useRef, useState } from 'react';
import { MAX_PRESENT_CHARTS, presentStore } from './presentStore';

interface Props {
  charts: readonly { key: string; title: string }[];
  shown: string[];
}

/**
 * Present mode's choice of charts: one button in the charts bar ("Charts: Goodput, Latency") that
 * opens the list of this view's charts, however many there are, so the bar never runs off a 1280 px
 * screen. Esc or a click elsewhere closes the list (Esc here does not leave present mode).
 */
export function PresentChartPicker({ charts, shown }: Props) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);
  const names = charts.filter((c) => shown.includes(c.key)).map((c) => c.title);
  return (
    <div
      className="bp-present-picker"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          setOpen(false);
        }
      }}
    >
      <button type="button" className="bp-btn bp-present-picker__button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)} title="Choose the charts shown">
        Charts: {names.join(', ')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div id={listId} className="bp-present-picker__list" role="group" aria-label={`Charts shown (1 to ${MAX_PRESENT_CHARTS})`}>
          {charts.map((c) => (
            <button key={c.key} type="button" aria-pressed={shown.includes(c.key)} onClick={() => presentStore.getState().toggleChart(c.key, shown)}>
              <span className="bp-present-picker__tick" aria-hidden="true">
                {shown.includes(c.key) ? '✓' : ''}
              </span>
              {c.title}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
