/** Numbers as people read them on a projector. */
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const grouped = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 950, 12,345, 1.2M: exact while short, compact when long. */
export function count(n: number): string {
  return Math.abs(n) < 100_000 ? grouped.format(n) : compact.format(n);
}

/** Simulated time: "12.3 s". */
export function simTime(ms: number): string {
  return `${oneDecimal.format(ms / 1000)} s`;
}

/** A speed factor: "0.4x", "12x". */
export function speedFactor(x: number): string {
  return `${x < 10 ? x.toFixed(1) : Math.round(x)}x`;
}

/** Rates for node captions: "110 items/s". */
export function rate(perS: number): string {
  return `${perS < 10 ? Number(perS.toFixed(1)) : grouped.format(perS)} items/s`;
}
