/**
 * DOM writes for per-frame values: skip the write when nothing changed, and change the existing
 * text node's data rather than replacing the node (cheaper for style and layout).
 */
export function setText(el: Element | null, text: string): void {
  if (!el) return;
  const t = el.firstChild;
  if (t instanceof Text && t === el.lastChild) {
    if (t.data !== text) t.data = text;
  } else if (el.textContent !== text) el.textContent = text;
}

export function setData(el: HTMLElement | null, key: string, value: string): void {
  if (el && el.dataset[key] !== value) el.dataset[key] = value;
}

/** A bar's fill, as a compositor-only transform (no layout). */
export function setFill(el: HTMLElement | null, fraction: number): void {
  if (!el) return;
  const t = `scaleX(${Math.round(Math.min(1, Math.max(0, fraction)) * 1000) / 1000})`;
  if (el.style.transform !== t) el.style.transform = t;
}
