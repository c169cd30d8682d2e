/** What the page's head promises exists: icons, the manifest and its icons, the social preview, the scenario schema. */
import { test, expect } from './fixtures';

test('the head links to icons, a manifest and a social preview that the build serves, and has no inline script or style', async ({ page, request }) => {
  await page.goto('/');
  const links = await page.locator('head link[rel="icon"], head link[rel="apple-touch-icon"], head link[rel="manifest"]').evaluateAll((ls) =>
    ls.map((l) => ({ rel: l.getAttribute('rel'), href: (l as HTMLLinkElement).href })),
  );
  expect(links.map((l) => l.rel).sort()).toEqual(['apple-touch-icon', 'icon', 'icon', 'manifest']);
  for (const { href } of links) expect((await request.get(href)).ok(), href).toBe(true);

  const manifestUrl = links.find((l) => l.rel === 'manifest')!.href;
  const manifest = (await (await request.get(manifestUrl)).json()) as { name: string; short_name: string; display: string; theme_color: string; icons: { src: string }[] };
  expect(manifest).toMatchObject({ name: 'Backpressure Playground', display: 'standalone' });
  expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe(manifest.theme_color);
  for (const icon of manifest.icons) {
    const url = new URL(icon.src, manifestUrl).href;
    expect((await request.get(url)).ok(), url).toBe(true);
  }

  const meta = async (selector: string) => page.locator(`head meta[${selector}]`).getAttribute('content');
  expect(await meta('property="og:title"')).toBe('Backpressure Playground');
  expect(await meta('property="og:description"')).toBeTruthy();
  expect(await meta('name="twitter:card"')).toBe('summary_large_image');
  const image = await request.get(new URL((await meta('property="og:image"'))!, page.url()).href);
  expect(image.headers()['content-type']).toContain('image/png');
  const png = await image.body();
  // The PNG header's width and height (IHDR): the 1200 × 630 that link previews expect.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);

  expect((await request.get('/scenario.schema.json')).ok()).toBe(true);
  // The served page has no inline script or style, so a Content-Security-Policy without 'unsafe-inline' holds.
  const html = await (await request.get('/')).text();
  expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
  expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
});
