/** The production build and what a first visit downloads: the JS that dist/index.html references. */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export function build(root: string): void {
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

export interface JsSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

const gz = (path: string): number => gzipSync(readFileSync(path), { level: 9 }).length;

/** Scripts and modulepreloads in index.html: what the page loads before it can run. */
export function initialJs(dist: string): JsSize[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g)) refs.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"/g)) refs.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\bhref="([^"]+\.js)"[^>]*\brel="modulepreload"/g)) refs.add(m[1]!);
  return [...refs].map((ref) => {
    const path = join(dist, ref.replace(/^\.?\//, ''));
    return { file: ref, bytes: statSync(path).size, gzipBytes: gz(path) };
  });
}

/** Every JS file in the build (the worker and lazy chunks included). */
export function allJs(dist: string): JsSize[] {
  const out: JsSize[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.js')) out.push({ file: relative(dist, p), bytes: statSync(p).size, gzipBytes: gz(p) });
    }
  };
  walk(dist);
  return out;
}
