/** A row of labelled counters; values are written by the node through `refs`. */
export interface CounterSpec {
  key: string;
  label: string;
  tone?: 'bad';
}

export function Counters({ specs, refs }: { specs: readonly CounterSpec[]; refs: Record<string, HTMLElement | null> }) {
  return (
    <dl className={specs.length > 3 ? 'bp-counters bp-counters--grid' : 'bp-counters'}>
      {specs.map((s) => (
        <div key={s.key} className={s.tone === 'bad' ? 'bp-counter bp-counter--bad' : 'bp-counter'}>
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
