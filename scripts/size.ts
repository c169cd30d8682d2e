/**
 * The initial JavaScript of a build, gzipped, against its 200 KB budget: `npm run size [DIST]`
 * (DIST defaults to dist; build it first). The same measure bench:ui prints.
 */
import { initialJs } from '../bench/ui/build';

const dist = process.argv[2] ?? 'dist';
const files = initialJs(dist);
const gz = files.reduce((a, f) => a + f.gzipBytes, 0);
for (const f of files) console.log(`  ${f.file.padEnd(48)} ${(f.gzipBytes / 1024).toFixed(1).padStart(7)} KB gzip`);
console.log(`initial JS: ${(gz / 1024).toFixed(1)} KB gzip in ${files.length} file(s), budget 200 KB: ${gz <= 200 * 1024 ? 'met' : 'MISSED'}`);
