/**
 * The initial JavaScript of a build, gzipped, against its 200 KB budget: `npm run size [DIST]`
 * (DIST defaults to dist; build it first). The same measure bench:ui prints. It also says whether
 * the schema library came back into the first load (an import of engine/index from a module the
 * page loads at once, rather than engine/core or src/ui/validation.ts): read from the source maps.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initialJs } from '../bench/ui/build';

const dist = process.argv[2] ?? 'dist';
const files = initialJs(dist);
const gz = files.reduce((a, f) => a + f.gzipBytes, 0);
for (const f of files) console.log(`  ${f.file.padEnd(48)} ${(f.gzipBytes / 1024).toFixed(1).padStart(7)} KB gzip`);
const zodIn = files.filter((f) => {
  const map = join(dist, `${f.file.replace(/^\//, '')}.map`);
  return existsSync(map) && (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources.some((s) => s.includes('node_modules/zod/'));
});
console.log(`initial JS: ${(gz / 1024).toFixed(1)} KB gzip in ${files.length} file(s), budget 200 KB: ${gz <= 200 * 1024 ? 'met' : 'MISSED'}`);
console.log(`schema library in the initial JS: ${zodIn.length ? `yes, in ${zodIn.map((f) => f.file).join(', ')}` : 'no'}`);
