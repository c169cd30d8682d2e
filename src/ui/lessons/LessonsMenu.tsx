import { useEffect, useId, useRef, useState } from 'react';
import { noticeStore } from '../store/noticeStore';
import type { LessonEntry } from './catalog';
import { lessonStore, useLessons } from './lessonStore';
import { BUILTIN_WORKSHOP, openBuiltinWorkshop } from '../workshop/trigger';
import './lessons.css';

/** The toolbar's "Lessons" menu: every lesson by title, and the way back to one's own design. */
export function LessonsMenu() {
  const [open, setOpen] = useState(false);
  const [lessons, setLessons] = useState<LessonEntry[] | null>(null);
  const hasMine = useLessons((s) => s.myDesign !== null);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open || lessons) return;
    let alive = true;
    // The catalog (one loader per lesson file) is a chunk of its own, fetched on first open.
    import('./catalog').then((c) => c.listLessons()).then(
      (l) => alive && setLessons(l),
      () => alive && noticeStore.getState().showAlert('The lessons could not be loaded; check the connection and try again.'),
    );
    return () => {
      alive = false;
    };
  }, [open, lessons]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  // Focus the first item once the items are there (a menu opened from the keyboard stays usable).
  useEffect(() => {
    if (open && lessons) root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open, lessons]);

  const choose = (id: string) => {
    setOpen(false);
    void lessonStore
      .getState()
      .openLesson(id)
      .then((why) => {
        if (why) noticeStore.getState().showAlert(`That lesson could not be opened: ${why}`);
        else if (lessonStore.getState().myDesign) noticeStore.getState().showInfo('Your own design is kept: "Back to my design" brings it back.');
      });
  };

  /** Arrow keys move between items, as in any menu. */
  const onMenuKey = (e: React.KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const i = items.indexOf(document.activeElement as HTMLElement);
    items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
  };

  return (
    <div className="bp-lessons-menu" ref={root}>
      <button ref={button} type="button" className="bp-btn" aria-haspopup="menu" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen((o) => !o)}>
        Lessons
      </button>
      {open && (
        <ul className="bp-lessons-menu__list" role="menu" id={menuId} aria-label="Lessons" onKeyDown={onMenuKey}>
          {!lessons && (
            <li role="none" className="bp-lessons-menu__loading">
              Loading lessons…
            </li>
          )}
          {lessons && (
            <li role="none" className="bp-lessons-menu__sep">
              <button
                type="button"
                role="menuitem"
                className="bp-lessons-menu__item"
                onClick={() => {
                  setOpen(false);
                  openBuiltinWorkshop(BUILTIN_WORKSHOP.id);
                }}
              >
                <span className="bp-lessons-menu__text">
                  <span className="bp-lessons-menu__title">Workshop: {BUILTIN_WORKSHOP.title}</span>
                  <span className="bp-lessons-menu__meta">a sequence of lessons, stepped through with Next and Previous</span>
                </span>
              </button>
            </li>
          )}
          {(lessons ?? []).map((l, i) => (
            <li key={l.id} role="none">
              <button type="button" role="menuitem" className="bp-lessons-menu__item" onClick={() => choose(l.id)}>
                <span className="bp-lessons-menu__n" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="bp-lessons-menu__text">
                  <span className="bp-lessons-menu__title">{l.title}</span>
                  <span className="bp-lessons-menu__meta">
                    {[l.level, l.minutes !== undefined ? `${l.minutes} min a run` : null, l.concepts.join(', ')].filter(Boolean).join(' · ')}
                  </span>
                </span>
              </button>
            </li>
          ))}
          {hasMine && (
            <li role="none" className="bp-lessons-menu__sep">
              <button
                type="button"
                role="menuitem"
                className="bp-lessons-menu__item"
                onClick={() => {
                  setOpen(false);
                  lessonStore.getState().backToMyDesign();
                }}
              >
                Back to my design
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
