import { sim } from '../simClient';
import { useRun } from '../store/runStore';
import type { Speed } from '../../worker/protocol';
import { canPlay, canPause, canReset, canStep, resetRun, SPEEDS, stepRun, togglePlay } from './runActions';
import { presentStore, usePresent } from '../present/presentStore';
import { SeedField } from './SeedField';
import { LessonsMenu } from '../lessons/LessonsMenu';
import { usePredictGate } from '../lessons/predictGate';
import { ShareControls } from '../share/ShareControls';
import { SimClock } from './SimClock';
import { SpeedNotice } from './SpeedNotice';
import './toolbar.css';

const SPEED_OPTIONS = SPEEDS.map((x) => ({ value: String(x), label: x === 'max' ? 'Max' : `${x}x` }));

const parseSpeed = (v: string): Speed => (v === 'max' ? 'max' : Number(v));

/** Run controls: play/pause, step, reset, speed, the simulated clock and the seed. */
export function Toolbar() {
  const playing = useRun((s) => s.playing);
  const speed = useRun((s) => s.speed);
  // Subscribed for the re-render; what the buttons allow is read from runActions.
  useRun((s) => s.worker);
  useRun((s) => s.halted);
  const present = usePresent((s) => s.present);
  const predictFirst = usePredictGate();

  return (
    <header className="bp-toolbar">
      <h1 className="bp-title">Backpressure Playground</h1>
      <div className="bp-toolbar__group" role="group" aria-label="Run">
        <button
          type="button"
          className="bp-btn bp-btn--primary bp-play"
          onClick={togglePlay}
          disabled={playing ? !canPause() : !canPlay()}
          title={!playing ? (predictFirst ?? undefined) : undefined}
        >
          <span aria-hidden="true" className="bp-play__icon">
            {playing ? '❚❚' : '▶'}
          </span>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" className="bp-btn" onClick={stepRun} disabled={!canStep()} title={predictFirst ?? 'Advance a quarter second of simulated time, then pause'}>
          Step
        </button>
        <button type="button" className="bp-btn" onClick={resetRun} disabled={!canReset()} title="Back to 0 s with the current design">
          Reset
        </button>
      </div>
      <div className="bp-speed">
        <label htmlFor="speed-select">Speed</label>
        <select id="speed-select" value={String(speed)} onChange={(e) => void sim.setSpeed(parseSpeed(e.target.value))}>
          {SPEED_OPTIONS.map((s) => (
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
      <button
        type="button"
        className="bp-btn bp-present-btn"
        aria-pressed={present}
        onClick={() => presentStore.getState().setPresent(!present)}
        title={present ? 'Leave present mode (Esc)' : 'The projector layout: big type, the canvas, a few charts and the lesson (P; ? lists every shortcut)'}
      >
        Present
      </button>
    </header>
  );
}
