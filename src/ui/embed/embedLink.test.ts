import { describe, expect, it } from 'vitest';
import { embedUrl, fullAppUrl, iframeSnippet, isEmbedUrl } from './embedLink';

const share = 'https://example.org/playground/#s=1.eJyrVkrLz1eyUkpKLFKqBQAcpgQt';

describe('embed links', () => {
  it('add embed=1 to the query and keep the design in the fragment', () => {
    const url = embedUrl(share);
    expect(url).toBe('https://example.org/playground/?embed=1#s=1.eJyrVkrLz1eyUkpKLFKqBQAcpgQt');
    expect(isEmbedUrl(url)).toBe(true);
    expect(fullAppUrl(url)).toBe(share);
  });

  it('keep other query parameters', () => {
    const url = embedUrl('http://localhost:4173/?testhooks#s=1.abc');
    expect(new URL(url).searchParams.get('testhooks')).toBe('');
    expect(fullAppUrl(url)).toBe('http://localhost:4173/?testhooks=#s=1.abc');
  });

  it('are on only for exactly embed=1: old links and other values open the full app', () => {
    for (const href of [share, 'http://x/?embed', 'http://x/?embed=0', 'http://x/?embed=true', 'http://x/?embedded=1', 'http://x/#embed=1', 'not a url']) expect(isEmbedUrl(href), href).toBe(false);
    expect(isEmbedUrl('http://x/?a=2&embed=1')).toBe(true);
  });

  it('make a snippet whose attributes cannot be broken out of', () => {
    const s = iframeSnippet('http://x/?embed=1#s=1.a', 'Queue "A" <b>&</b>');
    expect(s).toBe(
      '<iframe src="http://x/?embed=1#s=1.a" width="800" height="450" style="border:0;max-width:100%" loading="lazy" title="Backpressure Playground: Queue &quot;A&quot; &lt;b&gt;&amp;&lt;/b&gt;"></iframe>',
    );
  });
});
