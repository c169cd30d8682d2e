import { useRef, useState } from 'react';
import { embedUrl, iframeSnippet } from '../embed/embedLink';

/**
 * The Share dialog's embed part: the `<iframe>` that shows this design in another page (the
 * canvas, two charts, Play and Reset, in 800x450), to copy, and the embed link itself to try.
 */
export function EmbedSnippet({ shareUrl, name }: { shareUrl: string; name: string }) {
  const url = embedUrl(shareUrl);
  const snippet = iframeSnippet(url, name);
  const field = useRef<HTMLTextAreaElement>(null);
  const [said, setSaid] = useState('');

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setSaid('Snippet copied');
    } catch {
      field.current?.focus();
      field.current?.select();
      setSaid('Selected: press Ctrl+C (⌘C) to copy');
    }
  };

  return (
    <div className="bp-share-embed">
      <label htmlFor="embed-snippet" className="bp-share-dialog__label">
        Embed in a page
      </label>
      <div className="bp-share-dialog__row">
        <textarea id="embed-snippet" ref={field} readOnly rows={3} value={snippet} className="bp-share-dialog__link bp-share-embed__code" spellCheck={false} onFocus={(e) => e.target.select()} />
        <button type="button" className="bp-btn" onClick={() => void onCopy()}>
          Copy snippet
        </button>
      </div>
      <p className="bp-share-dialog__meta">
        <span>
          The canvas, two charts, Play and Reset, 800×450; it keeps nothing in the visitor’s browser.{' '}
          <a href={url} target="_blank" rel="noopener noreferrer">
            Open the embed view
          </a>
        </span>
        {/* Not role=status: the dialog's one status line is the share link's. */}
        <span aria-live="polite" className="bp-share-dialog__copied">
          {said}
        </span>
      </p>
    </div>
  );
}
