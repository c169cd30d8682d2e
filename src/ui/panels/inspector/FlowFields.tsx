import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { flowSchema, type FlowInput, type FlowMode } from '../../../engine/index';
import { scenarioStore } from '../../store/appStore';
import { edgeFlow, type FlowEdge } from '../../store/graph';
import { SelectParam } from './fields';
import { FLOW_HINT } from './memoryHints';

type Choice = FlowMode | 'none';
const CHOICES: { value: Choice; label: string }[] = [
  { value: 'none', label: 'none (push: the receiver decides)' },
  { value: 'http2', label: 'HTTP/2 windows (gRPC)' },
  { value: 'tcp', label: 'TCP receive window' },
  { value: 'reactive-streams', label: 'Reactive Streams request(n)' },
  { value: 'node-stream', label: 'Node stream highWaterMark' },
];

/** The numbers each mode has, with their units and what they mean. */
const NUMBERS: { [M in FlowMode]: { key: string; label: string; unit: string; hint: string }[] } = {
  http2: [
    { key: 'streamWindowBytes', label: 'Stream window', unit: 'bytes', hint: FLOW_HINT.streamWindow },
    { key: 'connectionWindowBytes', label: 'Connection window', unit: 'bytes', hint: FLOW_HINT.connectionWindow },
    { key: 'updateThreshold', label: 'Update after', unit: '× window', hint: FLOW_HINT.updateThreshold },
  ],
  tcp: [
    { key: 'receiveWindowBytes', label: 'Receive window', unit: 'bytes', hint: FLOW_HINT.receiveWindow },
    { key: 'mssBytes', label: 'MSS', unit: 'bytes', hint: FLOW_HINT.mss },
    { key: 'probeMs', label: 'First probe', unit: 'ms', hint: FLOW_HINT.probe },
  ],
  'reactive-streams': [
    { key: 'prefetch', label: 'Prefetch', unit: 'items', hint: FLOW_HINT.prefetch },
    { key: 'replenishAt', label: 'Replenish at', unit: '× prefetch', hint: FLOW_HINT.replenish },
  ],
  'node-stream': [{ key: 'highWaterMark', label: 'highWaterMark', unit: 'objects', hint: FLOW_HINT.highWaterMark }],
};

const MEANING: Record<Choice, string> = {
  none: 'No credit: the sender offers, the receiver takes what it has room for and makes the sender wait otherwise.',
  http2: 'The sender may have at most a window of bytes unacknowledged; the reader returns credit with WINDOW_UPDATE as it consumes. A slow reader closes the window and the sender blocks.',
  tcp: 'The reader advertises its free buffer in every ACK; a zero window stops the sender, which probes it with backing-off zero-window probes.',
  'reactive-streams': 'The subscriber asks for items with request(n); the publisher may emit only what was requested (rule 1.1).',
  'node-stream': 'write() returns false once highWaterMark objects are buffered; a well-behaved writer then waits for the drain event.',
};

/** Flow control on a selected send edge: the mode and its numbers (restarts the run when changed). */
export function FlowFields({ edge }: { edge: FlowEdge }) {
  const flow = edgeFlow(edge);
  const [error, setError] = useState<string | null>(null);
  const apply = (next: Record<string, unknown> | null) => {
    const why = scenarioStore.getState().setEdgeFlow(edge.id, next as FlowInput | null);
    setError(why);
  };
  const choose = (m: Choice) => apply(m === 'none' ? null : flowSchema.parse({ mode: m }));
  return (
    <fieldset className="bp-group bp-group--section" aria-label="Flow control">
      <legend>Flow control</legend>
      <SelectParam label="Credit" hint={FLOW_HINT.mode} value={flow?.mode ?? 'none'} options={CHOICES} onChange={choose} />
      {flow &&
        NUMBERS[flow.mode].map((n) => (
          <FlowNumber key={`${flow.mode}-${n.key}`} label={n.label} unit={n.unit} hint={n.hint} value={(flow as Record<string, unknown>)[n.key] as number} onCommit={(v) => apply({ ...flow, [n.key]: v })} />
        ))}
      {error && (
        <p className="bp-field__error" role="alert">
          Not applied: {error}
        </p>
      )}
      <p className="bp-field__hint">{MEANING[flow?.mode ?? 'none']}</p>
    </fieldset>
  );
}

/** A number applied on Enter or blur (the schema says what is wrong). */
function FlowNumber({ label, unit, hint, value, onCommit }: { label: string; unit: string; hint: string; value: number; onCommit: (v: number | string) => void }) {
  const id = useId();
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const commit = () => {
    if (text.trim() === String(value)) return;
    const n = Number(text.trim());
    onCommit(text.trim() !== '' && Number.isFinite(n) ? n : text);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape') setText(String(value));
  };
  return (
    <div className="bp-field">
      <label className="bp-field__label" htmlFor={id}>
        {label}
      </label>
      <div className="bp-field__control">
        <input id={id} type="text" inputMode="decimal" autoComplete="off" value={text} aria-describedby={`${id}-hint`} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={onKey} />
        <span className="bp-field__unit">{unit}</span>
      </div>
      <p className="bp-field__hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}
