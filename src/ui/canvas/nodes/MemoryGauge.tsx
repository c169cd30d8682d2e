import { memo, useRef } from 'react';
import { DEFAULT_MEMORY_LIMIT_BYTES, F, G, NODE_KIND_CODES } from '../../../engine/core';
import { count } from '../../format';
import { setData, setFill, setText } from '../../liveDom';
import { bytes } from '../WindowGauge';
import { useNodeFrames } from './live';
import './memoryGauge.css';

/**
 * A queue's or service's memory against its limit, and the OOM kill when it comes: the bar turns
 * red near the limit, and while the node is down a banner says it was OOMKilled and when it
 * restarts. Painted from frames, no React state.
 */
export const MemoryGauge = memo(function MemoryGauge({ id }: { id: string }) {
  const root = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const text = useRef<HTMLSpanElement>(null);
  const banner = useRef<HTMLParagraphElement>(null);
  const intakeText = useRef<HTMLSpanElement>(null);
  // What the last kill lost: the difference in items lost since the kill before (frames come far
  // more often than kills, which are at least a restart delay apart).
  const books = useRef({ kills: 0, lost: 0, lastLost: 0 }).current;

  useNodeFrames(id, ({ snap, b }) => {
    const used = snap[b + F.memoryBytes]!;
    const limit = snap[b + F.memoryLimit]!;
    const kills = snap[b + F.oomKills]!;
    const down = snap[b + F.down]! === 1;
    const bound = snap[b + F.inFlightLimit]!;
    const workers = snap[b + F.capacity]!;
    const intakeShown = snap[b + F.kind] === NODE_KIND_CODES.service && !(bound >= 0 && bound <= workers);
    // Shown where memory is worth watching: a limit the person set, a tenth of the default one used,
    // a kill, an intake buffer. Hidden, a node writes nothing here: a line per node changing every
    // frame ("mem 4 KiB / 512 MiB") cost a third of the frame budget on a 30-node design (bench:ui).
    const shown = limit !== DEFAULT_MEMORY_LIMIT_BYTES || (limit > 0 && used >= 0.1 * limit) || kills > 0 || down || intakeShown;
    setData(root.current, 'shown', shown ? 'yes' : 'no');
    if (!shown) return;
    setFill(bar.current, limit > 0 ? used / limit : 0);
    setText(text.current, `mem ${bytes(used)} / ${limit < 0 ? 'no limit' : bytes(limit)}${kills > 0 ? ` · ${kills} OOM kill${kills === 1 ? '' : 's'}` : ''}`);
    // A service with an intake: what it fetched and has not started, against its in-flight bound.
    const intake = snap[b + F.intake]!;
    setText(intakeText.current, !intakeShown ? '' : bound < 0 ? `intake ${count(intake)} (push: unbounded)` : `intake ${count(intake)} · at most ${count(bound)} in flight (pull)`);
    const lostTotal = snap[b + F.oomLost]!;
    if (kills < books.kills) books.kills = books.lost = 0; // a new run
    if (kills > books.kills) {
      books.lastLost = lostTotal - books.lost;
      books.kills = kills;
      books.lost = lostTotal;
    }
    const left = Math.max(0, snap[b + F.restartAt]! - snap[G.now]!);
    setText(banner.current, down ? `OOMKilled: lost ${Math.round(books.lastLost).toLocaleString('en')} items · restarting in ${(left / 1000).toFixed(1)} s` : '');
    setData(root.current, 'state', down ? 'down' : limit > 0 && used >= 0.8 * limit ? 'high' : 'ok');
  });

  return (
    <div ref={root} className="bp-mem" data-state="ok" data-shown="no">
      <div className="bp-mem__track" aria-hidden="true">
        <div className="bp-mem__bar" ref={bar} />
      </div>
      <span className="bp-mem__text" ref={text}>
        mem 0 B
      </span>
      <span className="bp-mem__intake" ref={intakeText} />
      <p className="bp-mem__banner" role="status" ref={banner} />
    </div>
  );
});
