/**
 * `npm run public-images`: draws the PNG files in public/ from public/favicon.svg and from the
 * built app, in Debian's Chromium (CHROMIUM_PATH), so they can be redrawn after the icon or the
 * app's look changes:
 * - favicon.ico (16, 32 and 48 px, for browsers and tools that ask for /favicon.ico),
 *   apple-touch-icon.png (180 px), icon-192.png and icon-512.png (the manifest's icons), and
 *   icon-maskable-512.png (square, the mark inside the safe zone, for Android's masks);
 * - og-image.png (1200 × 630, the preview social sites and chat apps show for a link): a title
 *   band over the default playground a few seconds into its run.
 * It builds the app into dist-images/ and serves it on port 4192 (IMAGES_PORT) while it draws.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const pub = (name: string): string => `${root}public/${name}`;
const OUT_DIR = 'dist-images';
const PORT = Number(process.env.IMAGES_PORT ?? 4192);
const THEME = '#2b6cb0';
const INK = '#1f2933';

const svg = readFileSync(pub('favicon.svg'), 'utf8');
const svgUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

async function iconPng(browser: Browser, size: number, maskable = false): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  // Maskable: the full square in the theme colour, the mark within the middle 80% (the safe zone).
  const inset = maskable ? Math.round(size * 0.12) : 0;
  await page.setContent(
    `<body style="margin:0;background:${maskable ? THEME : 'transparent'}"><img src="${svgUrl}" style="display:block;margin:${inset}px" width="${size - 2 * inset}" height="${size - 2 * inset}"></body>`,
  );
  const png = await page.screenshot({ omitBackground: !maskable });
  await page.close();
  return png;
}

/** An .ico that holds PNG images (every browser since IE 9 reads these). */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

async function socialImage(browser: Browser, base: string): Promise<Buffer> {
  // The app at 1600 × 640, ten seconds into the default scenario's run, shown at 3/4 size under the band.
  const app = await browser.newPage({ viewport: { width: 1600, height: 640 } });
  await app.goto(base);
  const play = app.getByRole('button', { name: 'Play', exact: true });
  await play.waitFor();
  await play.click();
  await app.waitForTimeout(10_000);
  await app.getByRole('button', { name: 'Pause', exact: true }).click();
  const shot = await app.screenshot();
  await app.close();

  const card = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  await card.setContent(`<!doctype html><html><body style="margin:0;width:1200px;height:630px;overflow:hidden;font-family:system-ui,'Segoe UI',Roboto,Arial,sans-serif;background:#eef1f5">
    <div style="height:150px;box-sizing:border-box;padding:0 56px;display:flex;align-items:center;gap:32px;background:${THEME};color:#fff">
      <img src="${svgUrl}" width="96" height="96" style="border-radius:20px;box-shadow:0 0 0 3px rgba(255,255,255,.35)">
      <div>
        <div style="font-size:54px;font-weight:700;letter-spacing:-0.5px;line-height:1.1">Backpressure Playground</div>
        <div style="font-size:25px;opacity:.9;margin-top:6px">Build producers, queues and services, and watch backpressure happen live.</div>
      </div>
    </div>
    <img src="data:image/png;base64,${shot.toString('base64')}" width="1200" style="display:block;border-top:1px solid ${INK}22">
  </body></html>`);
  const png = await card.screenshot();
  await card.close();
  return png;
}

async function main(): Promise<void> {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', OUT_DIR, '--emptyOutDir'], { cwd: root, stdio: 'inherit' });
  const server = await preview({ root, logLevel: 'warn', build: { outDir: OUT_DIR }, preview: { port: PORT, strictPort: true } });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    const sizes = [16, 32, 48];
    writeFileSync(pub('favicon.ico'), ico(await Promise.all(sizes.map(async (size) => ({ size, png: await iconPng(browser, size) })))));
    writeFileSync(pub('apple-touch-icon.png'), await iconPng(browser, 180, true));
    writeFileSync(pub('icon-192.png'), await iconPng(browser, 192));
    writeFileSync(pub('icon-512.png'), await iconPng(browser, 512));
    writeFileSync(pub('icon-maskable-512.png'), await iconPng(browser, 512, true));
    writeFileSync(pub('og-image.png'), await socialImage(browser, `http://localhost:${PORT}/`));
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    rmSync(`${root}${OUT_DIR}`, { recursive: true, force: true });
  }
  process.stdout.write('wrote public/favicon.ico, apple-touch-icon.png, icon-192.png, icon-512.png, icon-maskable-512.png, og-image.png\n');
}

await main();
