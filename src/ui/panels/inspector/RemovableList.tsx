/** A node's rules or events as a list, each with a button that removes it (named for screen readers). */
export function RemovableList<T>({ items, what, describe, remove }: { items: readonly { item: T; index: number }[]; what: string; describe: (item: T) => string; remove: (index: number) => void }) {
  if (items.length === 0) return null;
  return (
    <ul className="bp-events__list">
      {items.map(({ item, index }) => (
        <li key={index}>
          <span>{describe(item)}</span>
          <button type="button" className="bp-btn bp-btn--small" aria-label={`Remove ${what}: ${describe(item)}`} onClick={() => remove(index)}>
            ✕
          </button>
        </li>
      ))}
    </ul>
  );
}
