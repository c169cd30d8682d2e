import { lazy, Suspense, useEffect, useRef } from 'react';
import type { Lesson } from '../../engine/index';
import { useFrames } from '../frames/useFrames';
import { simTime } from '../format';
import { setText } from '../liveDom';
import { sim } from '../simClient';
import { scenarioStore, useScenario } from '../store/appStore';
import { sweepStore } from '../sweep/sweepStore';
import { noticeStore } from '../store/noticeStore';
import { useRun } from '../store/runStore';
import type { ScenarioState } from '../store/scenarioStore';
import { applyLessonView, lessonStore, useLessons, type LessonVerdict } from './lessonStore';
import { useLessonVerdict } from './useLessonVerdict';
import { askPredictions, predictGate } from './predictGate';
import './lessons.css';

// Asked before a lesson plays; most visits never open a lesson, so it loads when one asks. If it
// cannot load (offline, a stale build), the lesson runs without its questions rather than never.
const Predictions = lazy(() =>
  import('./predict/Predictions').catch(() => {
    predictGate.setState({ waiting: null });
    return { default: () => null };
  }),
);

const selectLesson = (s: ScenarioState) => s.meta.lesson ?? null;
const selectDuration = (s: ScenarioState) => s.meta.durationMs;

/** The simulated clock, as the toolbar shows it (the same frames, the same words). */
function LessonClock() {
  const el = useRef<HTMLSpanElement>(null);
  useFrames((s) => setText(el.current, simTime(s.status.simMs)), 'text');
  return <span ref={el}>0.0 s</span>;
}

function Clauses({ v }: { v: LessonVerdict }) {
  return (
    <ul className="bp-lesson__clauses">
      {v.check.clauses.map((c, i) => {
        // Before the lesson's end a clause is not judged: what it measured so far, no tick or cross.
        const mark = v.final ? (c.passed ? '✓' : '✗') : '…';
        return (
          <li key={i} data-passed={v.final ? c.passed : undefined}>
            <span aria-hidden="true">{mark}</span> {c.says} <span className="bp-lesson__measured">({v.final ? c.measured : `so far ${c.measured}`})</span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The verdict card: which run it judges, the lesson's clock (the toolbar's), "waiting for ..." until
 * the lesson's end, then the verdict with each clause and what was measured; when the run stopped
 * at the end, says so and offers to run on.
 */
function VerdictCard({ lesson, durationMs, onTryIt }: { lesson: Lesson; durationMs: number; onTryIt: (() => void) | null }) {
  const verdict = useLessons((s) => s.verdict);
  const variant = useLessons((s) => s.variant);
  const ended = useRun((s) => s.ended);
  const playing = useRun((s) => s.playing);
  const v = verdict?.kind === variant ? verdict : null;
  const heads = variant === 'loaded' ? { run: 'As loaded', held: 'Showed the point', not: 'Not yet' } : { run: 'With “Try this”', held: 'Try this showed its point', not: 'Try this: not yet' };
  const waitingFor = lesson.waitingFor ?? `the run to reach ${simTime(durationMs)}`;
  return (
    <div
      className="bp-lesson__verdict"
      role="status"
      aria-label="Lesson check"
      data-kind={variant}
      data-passed={v?.final ? v.check.passed : undefined}
      data-final={v?.final ?? false}
    >
      <p className="bp-lesson__verdict-of">
        <span className="bp-lesson__run">{heads.run}</span>
        <span className="bp-lesson__clock" aria-hidden="true">
          <LessonClock /> of {simTime(durationMs)}
        </span>
      </p>
      {!v && !playing && <p className="bp-lesson__hint">Press Play: the check is judged at the run’s end ({simTime(durationMs)}; at Max speed, a few seconds).</p>}
      {!v && playing && <p className="bp-lesson__verdict-head">Waiting for {waitingFor}.</p>}
      {v && !v.final && <p className="bp-lesson__verdict-head">Waiting for {waitingFor}.</p>}
      {v?.final && (
        <p className="bp-lesson__verdict-head">
          <strong>{v.check.passed ? heads.held : heads.not}</strong>
        </p>
      )}
      {v && <Clauses v={v} />}
      {ended && v?.final && (
        <p className="bp-lesson__ended">
          The run stopped at the lesson’s end ({simTime(durationMs)}).{' '}
          <button type="button" className="bp-btn bp-btn--small" onClick={() => void sim.runOn()}>
            Run on
          </button>
          {variant === 'loaded' && onTryIt && (
            <button type="button" className="bp-btn bp-btn--small bp-btn--primary" onClick={onTryIt}>
              Now try it
            </button>
          )}
          {variant === 'tryThis' && (
            <button type="button" className="bp-btn bp-btn--small" onClick={() => lessonStore.getState().runAsLoaded()}>
              Run as loaded
            </button>
          )}
        </p>
      )}
    </div>
  );
}

/**
 * The open lesson: its verdict card (pinned at the top while the text scrolls), its text, "Try it"
 * and the way back to one's own design. `compact` while a node is selected (the inspector needs the
 * room): title and verdict only.
 */
export function LessonPanel({ compact }: { compact: boolean }) {
  const lesson = useScenario(selectLesson);
  const durationMs = useScenario(selectDuration);
  const variant = useLessons((s) => s.variant);
  const hasMine = useLessons((s) => s.myDesign !== null);
  const judged = variant === 'tryThis' ? (lesson?.tryThis.check ?? lesson?.check) : lesson?.check;
  useLessonVerdict(judged ?? null, variant, durationMs);

  // A lesson that comes onto the canvas (menu, link, reload) opens as loaded, at its speed and window.
  // "Try it" and "Run as loaded" keep the same lesson object, so they do not come here.
  const seen = useRef<Lesson | null>(null);
  useEffect(() => {
    askPredictions(lesson);
    if (!lesson || seen.current === lesson) return;
    seen.current = lesson;
    const st = lessonStore.getState();
    if (st.variant !== 'loaded' || st.asLoaded) lessonStore.setState({ variant: 'loaded', asLoaded: null, verdict: null });
    applyLessonView(lesson);
  }, [lesson]);

  if (!lesson) return null;

  const canTry = lesson.tryThis.changes.length + (lesson.tryThis.events ? 1 : 0) > 0;
  const tryIt = () => {
    const why = lessonStore.getState().applyTryThis();
    if (why) noticeStore.getState().showAlert(why);
    else {
      void sim.reset();
      noticeStore.getState().showInfo('Changed as "Try this" says; the run starts again from 0 s.');
    }
  };

  const predict = (part: 'ask' | 'outcomes') =>
    lesson.predictions && (
      <Suspense fallback={null}>
        <Predictions lesson={lesson} durationMs={durationMs} part={part} />
      </Suspense>
    );

  const pinned = (
    <div className="bp-lesson__pinned">
      <h3 className="bp-lesson__title">{lesson.title}</h3>
      {predict('ask')}
      <VerdictCard lesson={lesson} durationMs={durationMs} onTryIt={canTry ? tryIt : null} />
    </div>
  );

  return (
    <section className="bp-lesson" aria-label="Lesson" data-compact={compact || undefined}>
      <h2 className="bp-panel-title">Lesson</h2>
      {pinned}
      {predict('outcomes')}
      {compact ? (
        <button type="button" className="bp-btn bp-btn--small" onClick={() => scenarioStore.getState().select(null)}>
          Show the lesson
        </button>
      ) : (
        <>
          {lesson.setup.split('\n').map((line, i) => (
            <p key={i} className="bp-lesson__setup">
              {line}
            </p>
          ))}
          <LessonSweep />
          <h4 className="bp-lesson__label">What to watch</h4>
          <p>{lesson.watch}</p>
          <h4 className="bp-lesson__label">Try this</h4>
          <p>{lesson.tryThis.text}</p>
          <div className="bp-lesson__actions">
            {canTry && variant === 'loaded' && (
              <button type="button" className="bp-btn bp-btn--small" onClick={tryIt}>
                Try it
              </button>
            )}
            {variant === 'tryThis' && (
              <button type="button" className="bp-btn bp-btn--small" onClick={() => lessonStore.getState().runAsLoaded()}>
                Run as loaded
              </button>
            )}
            {hasMine && (
              <button type="button" className="bp-btn bp-btn--small" onClick={() => lessonStore.getState().backToMyDesign()}>
                Back to my design
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** A lesson built on a sweep: its settings are in the design; this runs them in the Sweep panel. */
function LessonSweep() {
  const sweep = useScenario((s) => s.meta.sweep);
  if (!sweep) return null;
  const run = () => {
    sweepStore.getState().setOpen(true);
    void import('../sweep/sweepActions').then((m) => m.runSweep(sweep, false));
  };
  return (
    <div className="bp-lesson__actions">
      <button type="button" className="bp-btn bp-btn--small bp-btn--primary" onClick={run}>
        Run the sweep
      </button>
    </div>
  );
}
