/** A padlock drawn in the text's colour: the emoji shows as a box where no emoji font is installed. */
export function LockIcon() {
  return (
    <svg className="bp-lock-icon" viewBox="0 0 12 14" width="0.8em" height="0.95em" aria-hidden="true" focusable="false">
      <path d="M3 6V4a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <rect x="1" y="6" width="10" height="7.5" rx="1.5" fill="currentColor" />
    </svg>
  );
}
