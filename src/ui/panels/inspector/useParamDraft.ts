import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ScenarioIssue } from '../../../engine/index';
import { scenarioStore } from '../../store/appStore';
import { mergeConfig } from '../../store/graph';

/** How long typing may pause before a valid value goes live. */
const COMMIT_MS = 300;

function describe(issues: ScenarioIssue[], lastGood: string): string {
  const why = issues.map((i) => i.message).join('; ');
  return lastGood === '' ? `${why}.` : `${why}. Keeping ${lastGood}.`;
}

export interface Draft {
  text: string;
  error: string | null;
  onChange(text: string): void;
  onBlur(): void;
  onFocus(): void;
  onKeyDown(e: KeyboardEvent): void;
}

/**
 * A text field bound to a node parameter: validated on every keystroke against the whole node
 * (parseNode), applied once valid and typing pauses (or on Enter/blur), refused with a message
 * otherwise, the last good value staying in the scenario.
 */
export function useParamDraft(nodeId: string, shown: string, toPatch: (text: string) => Record<string, unknown>): Draft {
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  const focused = useRef(false);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; text: string } | null>(null);
  const toPatchRef = useRef(toPatch);
  useLayoutEffect(() => {
    toPatchRef.current = toPatch;
  });

  useEffect(() => {
    if (focused.current) return;
    setText(shown);
    setError(null);
  }, [shown]);

  const commit = (value: string): void => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = null;
    const issues = scenarioStore.getState().setParam(nodeId, toPatchRef.current(value));
    setError(issues ? describe(issues, shown) : null);
  };

  // Apply a pending edit when the node is deselected mid-typing.
  useEffect(
    () => () => {
      const p = pending.current;
      if (p) {
        clearTimeout(p.timer);
        scenarioStore.getState().setParam(nodeId, toPatchRef.current(p.text));
      }
    },
    [nodeId],
  );

  return {
    text,
    error,
    onChange(value) {
      setText(value);
      const node = scenarioStore.getState().nodes.find((n) => n.id === nodeId);
      if (!node) return;
      const parsed = mergeConfig(node.data, toPatchRef.current(value));
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = null;
      if (!parsed.ok) {
        setError(describe(parsed.issues, shown));
        return;
      }
      setError(null);
      pending.current = { timer: setTimeout(() => commit(value), COMMIT_MS), text: value };
    },
    onFocus() {
      focused.current = true;
    },
    onBlur() {
      focused.current = false;
      if (pending.current) commit(pending.current.text);
      else if (!error) setText(shown);
    },
    onKeyDown(e) {
      if (e.key === 'Enter' && pending.current) commit(pending.current.text);
    },
  };
}

/** Text to a value for validation: numbers become numbers, anything else goes through as typed. */
export function numberOrText(text: string): number | string {
  const t = text.trim();
  if (t === '') return '';
  const n = Number(t);
  return Number.isFinite(n) ? n : text;
}

/** Like numberOrText, but empty means "not set". */
export function optionalNumber(text: string): number | string | undefined {
  return text.trim() === '' ? undefined : numberOrText(text);
}
