import { useEffect, useRef, useState } from 'react';
import { shareStore } from '../share/shareStore';
import { readWorkshopLink, workshopLink } from '../share/workshopLink';
import { noticeStore } from '../store/noticeStore';
import { checkWorkshop, closeWorkshop, goTo, loadBuiltin, next, previous, resetStep, resume, startWorkshop, useWorkshop, workshopStore } from './workshopStore';
import './workshop.css';

async function openFromAddress(): Promise<void> {
  const link = await readWorkshopLink(window.location.hash);
  if (!link) return;
  if (!link.ok) {
    shareStore.getState().refuse('This workshop link cannot be opened', [{ path: '(link)', message: link.message }], 'The design on the canvas is unchanged.');
    return;
  }
  const w = workshopStore.getState();
  if ('builtin' in link.ref && w.ref && 'builtin' in w.ref && w.ref.builtin === link.ref.builtin && w.active) {
    if (link.step - 1 !== w.index) void goTo(link.step - 1);
    return;
  }
  const parsed = 'builtin' in link.ref ? await loadBuiltin(link.ref.builtin) : await checkWorkshop(link.ref.data);
  if (!parsed.ok) {
    shareStore.getState().refuse('This workshop link cannot be opened', parsed.issues, 'The design on the canvas is unchanged.');
    return;
  }
  const ref = 'builtin' in link.ref ? { builtin: link.ref.builtin } : { workshop: parsed.value };
  const why = await startWorkshop(parsed.value, ref, link.step - 1);
  if (why) noticeStore.getState().showAlert(`The workshop could not be started: ${why}`);
}

/** N / Shift+N step through, ignored while typing in a field or with Ctrl, Meta or Alt held. */
function onKey(e: KeyboardEvent): void {
  if (e.key !== 'n' && e.key !== 'N') return;
  if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
  const t = e.target as HTMLElement | null;
  if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
  if (!workshopStore.getState().active) return;
  e.preventDefault();
  void (e.shiftKey ? previous() : next());
}

/**
 * "Copy link": the link a teacher hands out, at step 1. Without clipboard permission (an insecure
 * page, a browser setting) the link is shown selected, for Ctrl+C.
 */
function CopyLink() {
  const [state, setState] = useState<{ copied: boolean; url: string | null }>({ copied: false, url: null });
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state.url) field.current?.select();
  }, [state.url]);
  const onCopy = async () => {
    const ref = workshopStore.getState().ref;
    if (!ref) return;
    const link = await workshopLink(window.location.href, ref);
    if (!link.fits) {
      noticeStore.getState().showAlert('This workshop is too long for a link: hand out its file instead (Import opens it).');
      return;
    }
    try {
      await navigator.clipboard.writeText(link.url);
      setState({ copied: true, url: null });
      noticeStore.getState().showInfo('Workshop link copied: it opens at step 1.');
    } catch {
      setState({ copied: false, url: link.url });
    }
  };
  return (
    <>
      <button type="button" className="bp-btn" onClick={() => void onCopy()} title="Copy the link to hand out (it opens at step 1)">
        {state.copied ? 'Copied' : 'Copy link'}
      </button>
      {state.url && <input ref={field} className="bp-workshop-bar__link" readOnly value={state.url} aria-label="Workshop link" onFocus={(e) => e.currentTarget.select()} />}
    </>
  );
}

/** The step bar over the canvas: "Step 3 of 9: <lesson>", Previous, Next, Reset this step. */
export default function WorkshopBar() {
  const workshop = useWorkshop((s) => s.workshop);
  const index = useWorkshop((s) => s.index);
  const titles = useWorkshop((s) => s.titles);
  const active = useWorkshop((s) => s.active);
  const busy = useWorkshop((s) => s.busy);
  const edited = useWorkshop((s) => s.edits[s.index] !== null);

  useEffect(() => {
    void openFromAddress();
    const onHash = () => void openFromAddress();
    window.addEventListener('hashchange', onHash);
    document.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('hashchange', onHash);
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  if (!workshop) return null;
  const n = workshop.steps.length;
  const note = workshop.steps[index]?.note;
  if (!active) {
    return (
      <div className="bp-workshop-bar bp-workshop-bar--left" role="region" aria-label="Workshop">
        <span>
          You left the workshop <strong>{workshop.title}</strong> at step {index + 1} of {n}; your edits are kept.
        </span>
        <button type="button" className="bp-btn bp-btn--primary" onClick={() => void resume()}>
          Back to the workshop
        </button>
        <button type="button" className="bp-btn" onClick={closeWorkshop}>
          Close
        </button>
      </div>
    );
  }
  return (
    <div className="bp-workshop-bar" role="region" aria-label="Workshop">
      <div className="bp-workshop-bar__text">
        <span className="bp-workshop-bar__title">{workshop.title}</span>
        <span className="bp-workshop-bar__step" aria-live="polite">
          Step {index + 1} of {n}: {titles[index]}
        </span>
        {note && <span className="bp-workshop-bar__note">Teacher’s note: {note}</span>}
      </div>
      <button type="button" className="bp-btn" disabled={busy || index === 0} onClick={() => void previous()} title="Previous step (Shift+N)">
        Previous
      </button>
      <button type="button" className="bp-btn bp-btn--primary" disabled={busy || index === n - 1} onClick={() => void next()} title="Next step (N)">
        Next
      </button>
      <button type="button" className="bp-btn" disabled={busy || !edited} onClick={() => void resetStep()} title="Put this step's lesson back as it was">
        Reset this step
      </button>
      <CopyLink />
      <button type="button" className="bp-workshop-bar__close" aria-label="Leave the workshop" onClick={closeWorkshop}>
        ×
      </button>
    </div>
  );
}
