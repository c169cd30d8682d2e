import { useEffect, useRef, useState } from 'react';
import { designKeeper } from './keeper';
import { makeShareLink, MAX_LINK_CHARS, type ShareLink } from './linkCodec';
import { downloadDesign } from './download';
import { shareStore, useShare } from './shareStore';
import { EmbedSnippet } from './EmbedSnippet';

type Copy = 'idle' | 'copied' | 'manual';

const chars = (n: number) => n.toLocaleString('en-US');

/**
 * The link to this design, made when the dialog opens (so it carries every edit so far), with
 * its length against the limit and a Copy button. Past the limit there is no link: Export.
 */
export function ShareDialog({ onRecord }: { onRecord: () => void }) {
  const open = useShare((s) => s.dialogOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [link, setLink] = useState<ShareLink | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [copy, setCopy] = useState<Copy>('idle');

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
    if (!open) return;
    let live = true;
    setLink(null);
    setFailed(null);
    setCopy('idle');
    makeShareLink(window.location.href, designKeeper.current()).then(
      (l) => live && setLink(l),
      (e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [open]);

  useEffect(() => {
    if (link?.fits) field.current?.select();
  }, [link]);

  const onCopy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopy('copied');
    } catch {
      // No clipboard permission (an insecure page, a browser setting): the text is selected for Ctrl+C.
      field.current?.focus();
      field.current?.select();
      setCopy('manual');
    }
  };

  const record = () => {
    shareStore.getState().setDialogOpen(false);
    onRecord();
  };

  return (
    <dialog ref={dialog} className="bp-share-dialog" aria-labelledby="share-title" onClose={() => shareStore.getState().setDialogOpen(false)}>
      <h2 id="share-title" className="bp-share-dialog__title">
        Share this design
      </h2>
      <p className="bp-share-dialog__lead">
        The link holds the whole design and its seed: whoever opens it gets the same run, number for number. Nothing is uploaded.
      </p>
      {!link && !failed && <p className="bp-share-dialog__lead">Making the link…</p>}
      {failed && (
        <p role="alert" className="bp-share-dialog__problem">
          No link could be made: {failed}
        </p>
      )}
      {link?.fits && (
        <>
          <label htmlFor="share-link" className="bp-share-dialog__label">
            Share link
          </label>
          <div className="bp-share-dialog__row">
            <input id="share-link" ref={field} type="text" readOnly value={link.url} className="bp-share-dialog__link" spellCheck={false} onFocus={(e) => e.target.select()} />
            <button type="button" className="bp-btn bp-btn--primary" onClick={() => void onCopy()}>
              Copy
            </button>
          </div>
          <p className="bp-share-dialog__meta">
            <span>
              {chars(link.length)} of at most {chars(MAX_LINK_CHARS)} characters
            </span>
            <span role="status" className="bp-share-dialog__copied">
              {copy === 'copied' ? 'Copied' : copy === 'manual' ? 'Selected: press Ctrl+C (⌘C) to copy' : ''}
            </span>
          </p>
          <EmbedSnippet shareUrl={link.url} name={designKeeper.current().name} />
        </>
      )}
      {link && !link.fits && (
        <div role="alert" className="bp-share-dialog__problem">
          This design makes a link of {chars(link.length)} characters, more than the {chars(MAX_LINK_CHARS)} that chat tools and mail keep whole. Use Export to
          share it as a file instead.
        </div>
      )}
      <div className="bp-share-run">
        <span className="bp-share-dialog__label">This run, for slides</span>
        <div className="bp-share-run__row">
          <button type="button" className="bp-btn" onClick={record}>
            Record a video
          </button>
          <span className="bp-share-dialog__meta">A WebM of the run as it plays (the parts, their numbers, three charts), up to 60 s; a paused run starts playing.</span>
        </div>
      </div>
      <div className="bp-share-dialog__actions">
        {link && !link.fits && (
          <button type="button" className="bp-btn bp-btn--primary" onClick={downloadDesign}>
            Export a file
          </button>
        )}
        <button type="button" className="bp-btn" onClick={() => shareStore.getState().setDialogOpen(false)}>
          Close
        </button>
      </div>
    </dialog>
  );
}
