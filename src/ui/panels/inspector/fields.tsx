import { useId, type ReactNode } from 'react';
import { useLockedReason } from './lockView';
import { useParamDraft } from './useParamDraft';
import { LockIcon } from './LockIcon';

interface ShellProps {
  id: string;
  label: string;
  /** Omitted in compact groups, where the group carries the hint. */
  hint?: string;
  error?: string | null;
  unit?: string;
  /** The control takes the whole row under its label (a select whose options are sentences). */
  wide?: boolean;
  /** Why the design's lock keeps this field read-only, if it does. */
  locked?: string | null;
  children: ReactNode;
}

/** Label, control, unit, hint and error, laid out the same for every parameter. */
function FieldShell({ id, label, hint, error, unit, wide, locked, children }: ShellProps) {
  return (
    <div className={wide ? 'bp-field bp-field--wide' : 'bp-field'} data-invalid={error ? true : undefined} data-locked={locked ? true : undefined}>
      <label className="bp-field__label" htmlFor={id}>
        {label}
      </label>
      <div className="bp-field__control">
        {children}
        {unit && <span className="bp-field__unit">{unit}</span>}
      </div>
      {hint && (
        <p className="bp-field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="bp-field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      {locked && <LockedNote id={`${id}-locked`} reason={locked} />}
    </div>
  );
}

/** Under a read-only field: the lock's reason, in words (not colour alone). */
function LockedNote({ id, reason }: { id: string; reason: string }) {
  return (
    <p className="bp-field__locked" id={id}>
      <LockIcon />{' '}
      {reason.charAt(0).toUpperCase() + reason.slice(1)}
    </p>
  );
}

const describedBy = (...ids: (string | false | null | undefined)[]): string | undefined => ids.filter(Boolean).join(' ') || undefined;

interface TextParamProps {
  nodeId: string;
  label: string;
  hint?: string;
  unit?: string;
  /** The current value as the field shows it. */
  shown: string;
  toPatch: (text: string) => Record<string, unknown>;
  inputMode?: 'decimal' | 'numeric' | 'text';
  disabled?: boolean;
  placeholder?: string;
}

/** A typed parameter (numbers included: typing "abc" must be possible, and refused with a reason). */
export function TextParam({ nodeId, label, hint, unit, shown, toPatch, inputMode = 'decimal', disabled, placeholder }: TextParamProps) {
  const id = useId();
  const d = useParamDraft(nodeId, shown, toPatch);
  const locked = useLockedReason(undefined, toPatch);
  return (
    <FieldShell id={id} label={label} hint={hint} error={d.error} unit={unit} locked={locked}>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        value={d.text}
        disabled={disabled}
        readOnly={locked !== null}
        placeholder={placeholder}
        aria-invalid={d.error ? true : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, d.error && `${id}-error`, locked && `${id}-locked`)}
        onChange={(e) => d.onChange(e.target.value)}
        onFocus={d.onFocus}
        onBlur={d.onBlur}
        onKeyDown={d.onKeyDown}
      />
    </FieldShell>
  );
}

interface SelectParamProps<T extends string> {
  label: string;
  hint: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  /** The node field it sets ("overflow"), so a lock can leave it editable; without one it follows its node. */
  field?: string;
}

/** Options longer than this would be cut in the closed select beside its label: it gets its own row. */
const WIDE_OPTION_CHARS = 16;

export function SelectParam<T extends string>({ label, hint, value, options, onChange, field }: SelectParamProps<T>) {
  const id = useId();
  const wide = options.some((o) => o.label.length > WIDE_OPTION_CHARS);
  const locked = useLockedReason(field);
  return (
    <FieldShell id={id} label={label} hint={hint} wide={wide} locked={locked}>
      <select id={id} value={value} disabled={locked !== null} aria-describedby={describedBy(`${id}-hint`, locked && `${id}-locked`)} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxParam({ label, hint, checked, onChange, field }: { label: string; hint: string; checked: boolean; onChange: (v: boolean) => void; field?: string }) {
  const id = useId();
  const locked = useLockedReason(field);
  return (
    <div className="bp-check" data-locked={locked ? true : undefined}>
      <input id={id} type="checkbox" checked={checked} disabled={locked !== null} aria-describedby={describedBy(`${id}-hint`, locked && `${id}-locked`)} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
      <p className="bp-field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      {locked && <LockedNote id={`${id}-locked`} reason={locked} />}
    </div>
  );
}
