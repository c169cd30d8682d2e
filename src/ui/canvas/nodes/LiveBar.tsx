import type { Ref } from 'react';

interface Props {
  barRef: Ref<HTMLDivElement>;
  textRef: Ref<HTMLSpanElement>;
  initial: string;
}

/** A level bar with its value written on it (the node writes both per frame, through refs). */
export function LiveBar({ barRef, textRef, initial }: Props) {
  return (
    <div className="bp-fill">
      <div className="bp-fill__bar" ref={barRef} />
      <span className="bp-fill__text" ref={textRef}>
        {initial}
      </span>
    </div>
  );
}
