/** 1234567 -> "1,234,567", the same on every machine (no locale data involved). */
export function groupDigits(n: number): string {
  const s = Math.round(Math.abs(n)).toString();
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}
