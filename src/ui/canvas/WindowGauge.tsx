import { memo, useRef } from 'react';
import { F, FLOW_MODE_CODES, type FlowConfig } from '../../engine/core';
import { nodeBase } from '../frames/derive';
import { useFrames } from '../frames/useFrames';
import { setData, setFill, setText } from '../liveDom';
import './windowGauge.css';

const MODE_LABEL: Record<FlowConfig['mode'], string> = {
  http2: 'HTTP/2 window',
  tcp: 'TCP window',
  'reactive-streams': 'demand',
  'node-stream': 'writable',
};

/** 65,535 → "64 KiB", 4,096 → "4 KiB", 900 → "900 B". */
export function bytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MiB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KiB`;
  return `${Math.round(n)} B`;
}

/** What the gauge says for a window's credit and size, in its units. */
export function windowText(mode: FlowConfig['mode'], credit: number, size: number): string {
  const inBytes = mode === 'http2' || mode === 'tcp';
  const fmt = inBytes ? bytes : (v: number) => String(Math.round(v));
  return `${MODE_LABEL[mode]} ${fmt(credit)} / ${fmt(size)}`;
}

/**
 * The credit left on a flow-controlled edge, drawn on the wire: a small bar that empties as the
 * reader falls behind, red once the sender is blocked on a closed window. Fed by the frame clock,
 * never by React state; the window's block in the snapshot is named by the edge id ("from->to").
 */
export const WindowGauge = memo(function WindowGauge({ edgeId, flow, x, y }: { edgeId: string; flow: FlowConfig; x: number; y: number }) {
  const root = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const text = useRef<HTMLSpanElement>(null);
  const note = useRef<HTMLSpanElement>(null);

  useFrames((s) => {
    const i = s.indexOf.get(edgeId);
    if (i === undefined || !s.snapshot) return;
    const b = nodeBase(i);
    const snap = s.snapshot;
    if (snap[b + F.windowMode] !== FLOW_MODE_CODES[flow.mode]) return;
    const credit = snap[b + F.level]!;
    const size = snap[b + F.capacity]!;
    const waiting = snap[b + F.waitingSenders]! > 0;
    setFill(bar.current, size > 0 ? credit / size : 0);
    setText(text.current, windowText(flow.mode, credit, size));
    setText(note.current, waiting ? (flow.mode === 'node-stream' ? 'write() false: waiting for drain' : 'sender blocked') : '');
    setData(root.current, 'state', waiting ? 'blocked' : size > 0 && credit / size < 0.25 ? 'low' : 'open');
  });

  return (
    <div
      ref={root}
      className="bp-window nodrag nopan"
      data-state="open"
      role="meter"
      aria-label={`Flow-control window on ${edgeId.replace('->', ' to ')}`}
      style={{ transform: `translate(-50%, 0) translate(${x}px, ${y + 10}px)` }}
    >
      <div className="bp-window__track">
        <div className="bp-window__bar" ref={bar} />
      </div>
      <span className="bp-window__text" ref={text}>
        {windowText(flow.mode, 0, 0)}
      </span>
      <span className="bp-window__note" ref={note} />
    </div>
  );
});
