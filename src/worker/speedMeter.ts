/**
 * Achieved speed (simulated ms per wall ms) over roughly the last second of play, and whether the
 * run is falling short of the requested speed. Hysteresis keeps the notice from flickering.
 */
const TIME_CONSTANT_MS = 1000;
const LAG_ON = 0.85;
const LAG_OFF = 0.95;
/** Wall time of play before judging: the first ticks after Play are noisy. */
const WARMUP_MS = 600;

export class SpeedMeter {
  private simAcc = 0;
  private wallAcc = 0;
  private played = 0;
  lagging = false;

  reset(): void {
    this.simAcc = 0;
    this.wallAcc = 0;
    this.played = 0;
    this.lagging = false;
  }

  add(wallMs: number, simMs: number, requested: number | 'max'): void {
    if (wallMs <= 0) return;
    const decay = Math.exp(-wallMs / TIME_CONSTANT_MS);
    this.simAcc = this.simAcc * decay + simMs;
    this.wallAcc = this.wallAcc * decay + wallMs;
    this.played += wallMs;
    if (requested === 'max' || this.played < WARMUP_MS) {
      this.lagging = false;
      return;
    }
    const ratio = this.achieved / requested;
    if (this.lagging ? ratio > LAG_OFF : ratio < LAG_ON) this.lagging = !this.lagging;
  }

  get achieved(): number {
    return this.wallAcc > 0 ? this.simAcc / this.wallAcc : 0;
  }
}
