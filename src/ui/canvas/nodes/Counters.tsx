/** A row of labelled counters; values are written by the node through `refs`. */
export interface CounterSpec {
  key: string;
  label: string;
  tone?: 'bad';
  /** Says more than the short label (a tooltip). */
  title?: string;
}

/** Up to three in a row; more wrap into a grid of `columns` (3 unless told). */
export function Counters({ specs, refs, columns = 3 }: { specs: readonly CounterSpec[]; refs: Record<string, HTMLElement | null>; columns?: 2 | 3 }) {
  const grid = specs.length > 3 || columns === 2;
  return (
    <dl className={grid ? `bp-counters bp-counters--grid bp-counters--cols${columns}` : 'bp-counters'}>
      {specs.map((s) => (
        <div key={s.key} className={s.tone === 'bad' ? 'bp-counter bp-counter--bad' : 'bp-counter'} title={s.title}>
          <dt>{s.label}</dt>
          <dd
            className="bp-live"
            ref={(el) => {
              refs[s.key] = el;
            }}
          >
            0
          </dd>
        </div>
      ))}
    </dl>
  );
}
