import { sim } from '../simClient';
import { scenarioStore, useScenario } from '../store/appStore';
import { noticeStore } from '../store/noticeStore';
import type { ScenarioState } from '../store/scenarioStore';
import { lessonStore, useLessons, type LessonVerdict } from './lessonStore';
import { useLessonVerdict } from './useLessonVerdict';
import './lessons.css';

const selectLesson = (s: ScenarioState) => s.meta.lesson ?? null;
const selectDuration = (s: ScenarioState) => s.meta.durationMs;

function Verdict({ v, durationMs }: { v: LessonVerdict | null; durationMs: number }) {
  if (!v) return <p className="bp-lesson__hint">Press Play: the check is judged on the run (Max speed: a few seconds).</p>;
  const head = v.check.passed ? 'Showed the point' : 'Not yet';
  return (
    <>
      <p className="bp-lesson__verdict-head">
        {v.final ? '' : `So far (${Math.round(v.atMs / 1000)} s of ${Math.round(durationMs / 1000)} s): `}
        <strong>{head}</strong>
      </p>
      <ul className="bp-lesson__clauses">
        {v.check.clauses.map((c, i) => (
          <li key={i} data-passed={c.passed}>
            <span aria-hidden="true">{c.passed ? '✓' : '✗'}</span> {c.says} <span className="bp-lesson__measured">({c.measured})</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The open lesson: its text, the check's verdict on the run, "Try it" and the way back to one's own
 * design. `compact` while a node is selected (the inspector needs the room): title and verdict only.
 */
export function LessonPanel({ compact }: { compact: boolean }) {
  const lesson = useScenario(selectLesson);
  const durationMs = useScenario(selectDuration);
  const verdict = useLessons((s) => s.verdict);
  const hasMine = useLessons((s) => s.myDesign !== null);
  useLessonVerdict(lesson?.check ?? null, durationMs);
  if (!lesson) return null;

  const tryIt = () => {
    const why = lessonStore.getState().applyTryThis();
    if (why) noticeStore.getState().showAlert(why);
    else {
      void sim.reset();
      noticeStore.getState().showInfo('Changed as "Try this" says; the run starts again from 0 s.');
    }
  };

  const verdictBox = (
    <div className="bp-lesson__verdict" role="status" aria-label="Lesson check" data-passed={verdict ? verdict.check.passed : undefined} data-final={verdict?.final}>
      <Verdict v={verdict} durationMs={durationMs} />
    </div>
  );

  return (
    <section className="bp-lesson" aria-label="Lesson" data-compact={compact || undefined}>
      <h2 className="bp-panel-title">Lesson</h2>
      <h3 className="bp-lesson__title">{lesson.title}</h3>
      {compact ? (
        <>
          {verdictBox}
          <button type="button" className="bp-btn bp-btn--small" onClick={() => scenarioStore.getState().select(null)}>
            Show the lesson
          </button>
        </>
      ) : (
        <>
          {verdictBox}
          {lesson.setup.split('\n').map((line, i) => (
            <p key={i} className="bp-lesson__setup">
              {line}
            </p>
          ))}
          <h4 className="bp-lesson__label">What to watch</h4>
          <p>{lesson.watch}</p>
          <h4 className="bp-lesson__label">Try this</h4>
          <p>{lesson.tryThis.text}</p>
          <div className="bp-lesson__actions">
            {lesson.tryThis.changes.length + (lesson.tryThis.events ? 1 : 0) > 0 && (
              <button type="button" className="bp-btn bp-btn--small" onClick={tryIt}>
                Try it
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
