/**
 * Predict, then run: before a lesson with predictions plays, it asks each question (a number in
 * its unit, or one of its choices) with "Your prediction", "Lock in" and "Skip"; Play waits until
 * every question is locked in or skipped (predictGate). When the run reaches a question's moment,
 * the answer stands beside the measured value, how far off it was, and the lesson's explanation.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { formatPredictionValue, predictionAtMs, type Lesson, type Prediction } from '../../../engine/index';
import { z } from '../../../engine/scenario/zod';
import { simTime } from '../../format';
import { frameStore, type FrameState } from '../../frames/frameStore';
import { usePredict, predictStore, type PredictionEntry } from './predictStore';
import { usePredictionScores } from './usePredictionScores';
import './predict.css';

/** What the number field accepts: digits with an optional decimal point; thousands separators and spaces are dropped. */
const numberAnswer = (unit: string) =>
  z
    .string()
    .transform((v) => v.replace(/[\s,_]/g, '').replace(/%$/, ''))
    .pipe(
      z
        .string()
        .min(1, { error: `type a number of ${unit} first` })
        .regex(/^\d*\.?\d+$/, { error: `expected a number of ${unit} (0 or more), e.g. 250` })
        .transform(Number),
    );

function Ask({ p, index, count, durationMs }: { p: Prediction; index: number; count: number; durationMs: number }) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [choice, setChoice] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft('');
    setChoice(null);
    setError(null);
  }, [p]);

  const lockIn = (e: FormEvent) => {
    e.preventDefault();
    if (p.choices) {
      if (choice === null) return setError('Your prediction: pick one of the answers first');
      return predictStore.getState().lockIn({ kind: 'choice', index: choice });
    }
    const r = numberAnswer(p.unit ?? '').safeParse(draft);
    if (!r.success) return setError(`Your prediction: ${r.error.issues[0]?.message ?? 'expected a number'}; got “${draft.slice(0, 40)}”`);
    predictStore.getState().lockIn({ kind: 'number', value: r.data });
  };

  const at = predictionAtMs(p, durationMs);
  return (
    <form className="bp-predict__ask" onSubmit={lockIn} noValidate>
      <p className="bp-predict__head">
        Predict first{count > 1 ? ` · ${index + 1} of ${count}` : ''}{at < durationMs ? ` · at ${simTime(at)}` : ''}
      </p>
      <p className="bp-predict__q" id={`${id}-q`}>
        {p.question}
      </p>
      {p.choices ? (
        <fieldset className="bp-predict__choices" aria-describedby={`${id}-q`}>
          <legend>Your prediction</legend>
          {p.choices.map((c, i) => (
            <label key={i} className="bp-predict__choice">
              <input type="radio" name={`${id}-choice`} checked={choice === i} onChange={() => (setChoice(i), setError(null))} /> {c.text}
            </label>
          ))}
        </fieldset>
      ) : (
        <div className="bp-predict__number">
          <label htmlFor={`${id}-n`}>Your prediction</label>
          <input
            id={`${id}-n`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={draft}
            size={8}
            aria-invalid={error !== null}
            aria-describedby={`${id}-q${error ? ` ${id}-err` : ''}`}
            onChange={(e) => (setDraft(e.target.value), setError(null))}
          />
          <span className="bp-predict__unit">{p.unit}</span>
        </div>
      )}
      {error && (
        <p className="bp-predict__error" id={`${id}-err`} role="alert">
          {error}
        </p>
      )}
      <div className="bp-predict__buttons">
        <button type="submit" className="bp-btn bp-btn--small bp-btn--primary">
          Lock in
        </button>
        <button type="button" className="bp-btn bp-btn--small" onClick={() => predictStore.getState().skipRest()}>
          Skip
        </button>
        <span className="bp-predict__hint">Play waits for your answer.</span>
      </div>
    </form>
  );
}

/** While the run stands at the moment it paused for a prediction: why it stopped, and how to go on. */
function PausedHere({ atMs }: { atMs: number }) {
  const el = useRef<HTMLParagraphElement>(null);
  // The run's status, outside React state (it comes with every frame).
  useEffect(() => {
    const show = (s: FrameState) => {
      if (el.current) el.current.hidden = s.status.playing || s.status.simMs !== atMs;
    };
    show(frameStore.get());
    return frameStore.subscribe(show);
  }, [atMs]);
  return (
    <p ref={el} className="bp-predict__hint" hidden>
      The run paused at {simTime(atMs)} for this prediction; Play goes on.
    </p>
  );
}

function said(p: Prediction, e: PredictionEntry): string {
  if (!e.answer) return 'Skipped';
  return `You said ${e.answer.kind === 'choice' ? `“${p.choices?.[e.answer.index]?.text ?? '?'}”` : formatPredictionValue(e.answer.value, p.unit)}`;
}

function Outcome({ p, e, durationMs }: { p: Prediction; e: PredictionEntry; durationMs: number }) {
  const at = predictionAtMs(p, durationMs);
  const s = e.score;
  const right = s && e.answer ? s.right : null;
  return (
    <div className="bp-predict__outcome" data-scored={s !== null} data-right={right ?? undefined} data-measured={s?.measured ?? undefined}>
      <p className="bp-predict__q">{p.question}</p>
      {!s ? (
        <p className="bp-predict__said">
          {said(p, e)}. {!e.answer ? '' : at < durationMs ? `The run pauses at ${simTime(at)} to measure it.` : `Measured at the run’s end (${simTime(at)}).`}
        </p>
      ) : (
        <>
          <p className="bp-predict__said">
            {said(p, e)} · measured <strong className="bp-predict__measured">{s.measuredText}</strong>
            {e.scoredAtMs !== null && ` at ${simTime(e.scoredAtMs)}`}
          </p>
          {e.answer && (
            <p className="bp-predict__verdict">
              {right !== null && <span aria-hidden="true">{right ? '✓ ' : '✗ '}</span>}
              <strong>{s.verdict}</strong>
              {right === null && s.measured !== null && '.'}
            </p>
          )}
          <p className="bp-predict__explain">{p.explain}</p>
        </>
      )}
    </div>
  );
}

/**
 * `ask`: the question being asked (pinned above the verdict, so Play's reason is in view), and the
 * scoring of the run; `outcomes`: each answer, measured once its moment is reached, in the text below.
 */
export default function Predictions({ lesson, durationMs, part }: { lesson: Lesson; durationMs: number; part: 'ask' | 'outcomes' }) {
  const preds = lesson.predictions ?? [];
  const mine = usePredict((s) => s.lesson === lesson);
  const entries = usePredict((s) => s.entries);
  useEffect(() => predictStore.getState().begin(lesson), [lesson]);
  const done = mine ? entries : [];
  if (part === 'ask') return <Asking lesson={lesson} durationMs={durationMs} next={done.length} />;
  if (done.length === 0) return null;
  return (
    <section className="bp-predict" aria-label="Your predictions">
      <h4 className="bp-lesson__label">Your predictions</h4>
      {done.map((e, i) => (
        <Outcome key={i} p={preds[i]!} e={e} durationMs={durationMs} />
      ))}
    </section>
  );
}

function Asking({ lesson, durationMs, next }: { lesson: Lesson; durationMs: number; next: number }) {
  usePredictionScores(lesson, durationMs);
  const preds = lesson.predictions ?? [];
  const entries = usePredict((s) => (s.lesson === lesson ? s.entries : null));
  const p = preds[next];
  if (p) {
    return (
      <section className="bp-predict" aria-label="Prediction">
        <Ask p={p} index={next} count={preds.length} durationMs={durationMs} />
      </section>
    );
  }
  // The newest answer scored stays at the top, above the verdict, with its explanation.
  const i = (entries ?? []).reduce((best, e, j, all) => (e.score && e.answer && (best < 0 || e.scoredAtMs! >= all[best]!.scoredAtMs!) ? j : best), -1);
  const e = entries?.[i];
  if (!e?.score) return null;
  const right = e.score.right;
  return (
    <div className="bp-predict__latest" data-right={right ?? undefined} role="status" aria-label="Your prediction, scored">
      <p>
        {right !== null && <span aria-hidden="true">{right ? '✓ ' : '✗ '}</span>}
        {said(preds[i]!, e)}, measured {e.score.measuredText}: <strong>{e.score.verdict}</strong>
        {right === null ? '.' : ''}
      </p>
      <p className="bp-predict__explain">{preds[i]!.explain}</p>
      {e.scoredAtMs! < durationMs && <PausedHere atMs={e.scoredAtMs!} />}
    </div>
  );
}
