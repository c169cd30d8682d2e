import { sim } from '../simClient';
import { useRun } from '../store/runStore';
import type { Speed } from '../../worker/protocol';
import { SeedField } from './SeedField';
import { LessonsMenu } from '../lessons/LessonsMenu';
import { usePredictGate } from '../lessons/predictGate';
import { ShareControls } from '../share/ShareControls';
import { SimClock } from './SimClock';
import { SpeedNotice } from './SpeedNotice';
import './toolbar.css';

const SPEEDS: { value: string; label: string }[] = [
  ...[0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 100].map((x) => ({ value: String(x), label: `${x}x` })),
  { value: 'max', label: 'Max' },
];

const parseSpeed = (v: string): Speed => (v === 'max' ? 'max' : Number(v));

/** Run controls: play/pause, step, reset, speed, the simulated clock and the seed. */
export function Toolbar() {
  const playing = useRun((s) => s.playing);
  const speed = useRun((s) => s.speed);
  const halted = useRun((s) => s.halted);
  const ready = useRun((s) => s.worker === 'ready');
  const predictFirst = usePredictGate();

  return (
    <header className="bp-toolbar">
      <h1 className="bp-title">Backpressure Playground</h1>
      <div className="bp-toolbar__group" role="group" aria-label="Run">
        <button
          type="button"
          className="bp-btn bp-btn--primary bp-play"
          onClick={() => void (playing ? sim.pause() : sim.play())}
          disabled={!ready || (!playing && (halted !== null || predictFirst !== null))}
          title={!playing ? (predictFirst ?? undefined) : undefined}
        >
          <span aria-hidden="true" className="bp-play__icon">
            {playing ? '❚❚' : '▶'}
          </span>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" className="bp-btn" onClick={() => void sim.step()} disabled={!ready || halted !== null || predictFirst !== null} title={predictFirst ?? 'Advance a quarter second of simulated time, then pause'}>
          Step
        </button>
        <button type="button" className="bp-btn" onClick={() => void sim.reset()} disabled={!ready} title="Back to 0 s with the current design">
          Reset
        </button>
      </div>
      <div className="bp-speed">
        <label htmlFor="speed-select">Speed</label>
        <select id="speed-select" value={String(speed)} onChange={(e) => void sim.setSpeed(parseSpeed(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <LessonsMenu />
      <div className="bp-clock-group">
        <SimClock />
        <SpeedNotice />
      </div>
      <div className="bp-toolbar__spacer" />
      <SeedField />
      <ShareControls />
    </header>
  );
}
