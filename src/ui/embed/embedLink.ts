/**
 * The embed view's address: the app's own, with `embed=1` in the query (the design stays in the
 * fragment, as in any share link). Only the exact value `1` turns it on: `?embed`, `?embed=0` or
 * `?embed=yes` open the full app, and a link without the parameter is untouched, so every link
 * made before keeps opening as it did.
 */
export const EMBED_PARAM = 'embed';

export function isEmbedUrl(href: string): boolean {
  try {
    return new URL(href).searchParams.get(EMBED_PARAM) === '1';
  } catch {
    return false;
  }
}

/** A share link as an embed link (its fragment, the design, kept). */
export function embedUrl(shareUrl: string): string {
  const u = new URL(shareUrl);
  u.searchParams.set(EMBED_PARAM, '1');
  return u.toString();
}

/** The full app on the same design: the embed link without its flag. */
export function fullAppUrl(embedHref: string): string {
  const u = new URL(embedHref);
  u.searchParams.delete(EMBED_PARAM);
  return u.toString();
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The `<iframe>` to paste into a page: 800x450, no border, lazily loaded, titled for screen readers. */
export function iframeSnippet(url: string, name: string): string {
  return `<iframe src="${attr(url)}" width="800" height="450" style="border:0;max-width:100%" loading="lazy" title="${attr(`Backpressure Playground: ${name}`)}"></iframe>`;
}
