/**
 * The app under a workshop laptop's load: the production build in Debian's Chromium with the CPU
 * throttled 4x, a 30-node scenario at 50,000 items/s, played until 5 minutes of simulated time.
 * Prints numbers next to their targets; passes or fails nothing (timings on a shared 2-core machine
 * are noisy).
 *
 *   npm run bench:ui                     build, serve, measure
 *   npm run bench:ui -- --speed 25x      another speed setting (default: Max)
 *   npm run bench:ui -- --no-build       measure the dist/ already there
 *   npm run bench:ui -- --sim-s 120      stop at another simulated time
 *   npm run bench:ui -- --throttle 1     another CPU slow-down (default 4)
 *   npm run bench:ui -- --profile F      also write a CPU profile of the main thread (open in DevTools)
 *   npm run bench:ui -- --alloc F        also write a sampled allocation profile of the page (.heapprofile,
 *                                        open in DevTools' Memory panel) and print where the bytes
 *                                        were allocated (garbage makes the page's major GCs, which
 *                                        are long tasks)
 *   npm run bench:ui -- --css 'RULES'    inject a stylesheet first (what does hiding a part save?)
 *   npm run bench:ui -- --dump F         also write the raw rAF times and long tasks (JSON)
 *   npm run bench:ui -- --trace F        also write a Chrome trace of 6 s (--trace-s N: N s) of steady state
 *                                        (open in DevTools' Performance panel) and print where the
 *                                        main thread's time went by trace event (paint, layout, ...)
 */
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allJs, build, initialJs } from './ui/build';
import { scenario30 } from './ui/scenario30';
import { preview } from './ui/server';
import { kb, mb, ms, percentile } from './ui/stats';
import { formatTraceSummary, summarizeTrace } from './ui/trace';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const SPEED = arg('speed') ?? 'Max';
const END_SIM_MS = Number(arg('sim-s') ?? 300) * 1000;
const HEAP_EARLY_SIM_MS = Math.min(60_000, END_SIM_MS / 5);
/** Play time before "steady state": the first frames after Play (layout, JIT, first charts). */
const WARMUP_WALL_MS = 3000;
const THROTTLE = Number(arg('throttle') ?? 4);
const PROFILE = arg('profile');
const ALLOC = arg('alloc');
const TRACE = arg('trace');
const CSS = arg('css');
const DUMP = arg('dump');
const TRACE_WALL_MS = Number(arg('trace-s') ?? 6) * 1000;
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'v8.execute', 'toplevel', 'gpu'];
const PORT = Number(process.env.BENCH_UI_PORT ?? 4174);
const WALL_LIMIT_MS = 15 * 60_000;

// Collected in the page from its first script on: every rAF timestamp and every long task.
const PROBE = `
  window.__bench = { frames: [], longTasks: [], loaf: [] };
  (function loop(t) { window.__bench.frames.push(t); requestAnimationFrame(loop); })(performance.now());
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.longTasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  // Long animation frames (Chromium 123+): how much of each was script and how much rendering.
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.loaf.push([e.startTime, e.duration, e.renderStart, e.styleAndLayoutStart, e.scripts.reduce((a, s) => a + s.duration, 0), e.scripts.map((s) => s.invoker).join(' ')]); })
      .observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
`;

/** A node of a sampled allocation profile (CDP HeapProfiler.SamplingHeapProfileNode). */
interface AllocNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: AllocNode[];
}

/** Bytes allocated per second by function (self), the top ones, with where they are. */
function formatAllocations(head: AllocNode, seconds: number): string[] {
  const by = new Map<string, number>();
  let total = 0;
  const walk = (n: AllocNode): void => {
    const f = n.callFrame;
    const where = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
    by.set(where, (by.get(where) ?? 0) + n.selfSize);
    total += n.selfSize;
    for (const c of n.children) walk(c);
  };
  walk(head);
  const rows = [...by].sort((a, b) => b[1] - a[1]).slice(0, 15);
  return [
    `  page allocations (sampled, while playing): ${kb(total / seconds)}/s`,
    ...rows.map(([where, bytes]) => `    ${kb(bytes / seconds).padStart(10)}/s  ${(100 * bytes / total).toFixed(1).padStart(5)}%  ${where}`),
  ];
}

/** A long animation frame: start, duration, renderStart, styleAndLayoutStart, script ms, invokers. */
type Loaf = [number, number, number, number, number, string];

/**
 * Each long task as the long animation frame holding it tells it: rendering (style, layout,
 * paint, compositing: from renderStart on), script, or neither (GC, or work outside frames).
 */
function describeLongTasks(tasks: [number, number][], loafs: Loaf[]): string {
  const kinds = tasks.map(([t, d]) => {
    const f = loafs.find(([s, dur]) => t >= s - 1 && t <= s + dur);
    if (!f) return 'no frame';
    const [start, dur, renderStart, , scriptMs] = f;
    const render = renderStart > 0 ? start + dur - renderStart : 0;
    if (render >= d / 2) return `render ${render.toFixed(0)}`;
    if (scriptMs >= d / 2) return `script ${scriptMs.toFixed(0)}`;
    return `other ${(d - scriptMs - render).toFixed(0)}`;
  });
  return kinds.join(', ');
}

interface HeapSample {
  simMs: number;
  usedBytes: number;
  afterGcBytes: number;
  workerBytes: number;
  workerAfterGcBytes: number;
}

type Call = (method: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>>;

/**
 * A CDP line into the simulation worker. Playwright gives CDP sessions for pages only, so this
 * attaches through the browser session (non-flat: messages wrapped in Target.sendMessageToTarget).
 */
async function workerSession(browserCdp: CDPSession): Promise<Call> {
  const { targetInfos } = await browserCdp.send('Target.getTargets');
  const w = targetInfos.find((t) => t.type === 'worker' && t.title === 'simulation') ?? targetInfos.find((t) => t.type === 'worker');
  if (!w) throw new Error('no worker target found');
  const { sessionId } = await browserCdp.send('Target.attachToTarget', { targetId: w.targetId, flatten: false });
  const pending = new Map<number, (m: Record<string, unknown>) => void>();
  let nextId = 1;
  browserCdp.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; result?: Record<string, unknown> };
    if (m.id !== undefined) pending.get(m.id)?.(m.result ?? {});
  });
  return (method, params = {}) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      void browserCdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
}

async function heap(cdp: CDPSession): Promise<number> {
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/** Chromium's own main-thread accounting (seconds, cumulative): where the time goes. */
async function perfMetrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/**
 * The clock as shown. Read with one querySelector rather than getByLabel: Playwright's label
 * search walks the whole page and, twice a second under a 4x throttle, would itself show up in
 * the frame intervals being measured.
 */
async function simClockMs(page: Page): Promise<number> {
  const text = ((await page.evaluate(`document.querySelector('[role="timer"][aria-label="Simulated time"]')?.textContent`)) as string | undefined) ?? '';
  const m = /([\d,]+(?:\.\d+)?)\s*s/.exec(text);
  if (!m) throw new Error(`cannot read the simulated clock: "${text}"`);
  return Math.round(Number(m[1]!.replace(/,/g, '')) * 1000);
}

async function main(): Promise<void> {
  if (!argv.includes('--no-build')) build(ROOT);
  const dist = join(ROOT, 'dist');
  const initial = initialJs(dist);
  const everything = allJs(dist);

  const server = await preview(ROOT, PORT);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    mkdirSync(join(ROOT, 'e2e/screenshots'), { recursive: true });
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    await page.addInitScript(PROBE);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });

    await page.goto(`${server.url}?testhooks`);
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    if (CSS) await page.addStyleTag({ content: CSS });
    // In-page code is written as strings: this file compiles without the DOM library.
    await page.waitForFunction('"bpTest" in window', null, { timeout: 15_000 });
    await page.evaluate(`window.bpTest.load(${JSON.stringify(scenario30())})`);
    await page.waitForFunction(`document.querySelectorAll('.react-flow__node').length === ${scenario30().nodes.length}`, null, { timeout: 15_000 });
    // As a person would after loading a design: the whole graph in view, all 30 nodes drawn.
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(500);
    await page.getByLabel('Speed', { exact: true }).selectOption({ label: SPEED });
    await page.getByLabel('Simulated time', { exact: true }).waitFor();

    const heapSamples: HeapSample[] = [];
    const samples: { wall: number; sim: number }[] = [];
    const gcWindows: [number, number][] = [];
    const worker = await workerSession(await browser.newBrowserCDPSession());
    const workerHeap = async (): Promise<number> => (await worker('Runtime.getHeapUsage')).usedSize as number;
    const sampleHeap = async (simNow: number): Promise<void> => {
      // The window the bench's own measuring disturbs, left out of the frame and long-task counts:
      // from before reading the heap sizes (reading them was seen to cost the page two long tasks).
      const t0 = await page.evaluate(() => performance.now());
      const usedBytes = await heap(cdp);
      const workerBytes = await workerHeap();
      await cdp.send('HeapProfiler.collectGarbage');
      await worker('HeapProfiler.collectGarbage');
      const afterGcBytes = await heap(cdp);
      const workerAfterGcBytes = await workerHeap();
      const t1 = await page.evaluate(() => performance.now());
      gcWindows.push([t0, t1 + 100]);
      heapSamples.push({ simMs: simNow, usedBytes, afterGcBytes, workerBytes, workerAfterGcBytes });
    };

    if (PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    if (ALLOC) {
      await cdp.send('HeapProfiler.enable');
      // Every object, live or collected since: the garbage is what this is for.
      await cdp.send('HeapProfiler.startSampling', { samplingInterval: 8192, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    }
    await cdp.send('Performance.enable');
    const metricsAtPlay = await perfMetrics(cdp);
    const playAt = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const wallStart = Date.now();
    let earlyTaken = false;
    let tracing: 'before' | 'on' | 'done' = TRACE ? 'before' : 'done';
    for (;;) {
      await page.waitForTimeout(500);
      if (tracing === 'before' && Date.now() - wallStart >= WARMUP_WALL_MS) {
        await browser.startTracing(page, { path: TRACE!, categories: TRACE_CATEGORIES });
        tracing = 'on';
      } else if (tracing === 'on' && Date.now() - wallStart >= WARMUP_WALL_MS + TRACE_WALL_MS) {
        await browser.stopTracing();
        tracing = 'done';
      }
      const sim = await simClockMs(page);
      samples.push({ wall: await page.evaluate(() => performance.now()), sim });
      if (!earlyTaken && sim >= HEAP_EARLY_SIM_MS) {
        earlyTaken = true;
        await sampleHeap(sim);
      }
      if (sim >= END_SIM_MS) break;
      if (Date.now() - wallStart > WALL_LIMIT_MS) {
        console.log(`stopped after ${WALL_LIMIT_MS / 60000} min of wall time at ${(sim / 1000).toFixed(1)} s simulated`);
        break;
      }
    }
    if (tracing === 'on') await browser.stopTracing();
    const stopAt = await page.evaluate(() => performance.now());
    const metricsAtStop = await perfMetrics(cdp);
    if (PROFILE) writeFileSync(PROFILE, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    let allocLines: string[] = [];
    if (ALLOC) {
      const { profile } = await cdp.send('HeapProfiler.stopSampling');
      writeFileSync(ALLOC, JSON.stringify(profile));
      allocLines = formatAllocations(profile.head as AllocNode, (stopAt - playAt) / 1000);
    }
    await sampleHeap(samples.at(-1)!.sim);
    await page.screenshot({ path: join(ROOT, 'e2e/screenshots/bench-ui-end.png') });
    await page.getByRole('button', { name: 'Pause', exact: true }).click();

    const probe = (await page.evaluate('window.__bench')) as { frames: number[]; longTasks: [number, number][]; loaf: Loaf[] };
    if (DUMP) writeFileSync(DUMP, JSON.stringify({ playAt, stopAt, steadyFrom: playAt + WARMUP_WALL_MS, gcWindows, polls: samples.map((s) => s.wall), ...probe }));
    const inGc = (t: number) => gcWindows.some(([a, b]) => t >= a && t <= b);
    const steadyFrom = playAt + WARMUP_WALL_MS;
    const intervals: number[] = [];
    for (let i = 1; i < probe.frames.length; i++) {
      const t = probe.frames[i]!;
      if (t >= steadyFrom && t <= stopAt && !inGc(t)) intervals.push(t - probe.frames[i - 1]!);
    }
    const longAll = probe.longTasks.filter(([t]) => t >= playAt && t <= stopAt && !inGc(t));
    const longSteady = longAll.filter(([t]) => t >= steadyFrom);
    const last = samples.at(-1)!;
    const first = samples.find((s) => s.wall >= steadyFrom && s !== last) ?? samples[0]!;
    const achieved = (last.sim - first.sim) / Math.max(1, last.wall - first.wall);
    const overall = last.sim / Math.max(1, last.wall - playAt);

    const initialGz = initial.reduce((a, f) => a + f.gzipBytes, 0);
    const allGz = everything.reduce((a, f) => a + f.gzipBytes, 0);
    const lines: string[] = [];
    const row = (what: string, value: string, target = '') => lines.push(`  ${what.padEnd(34)} ${value.padEnd(26)} ${target}`);
    lines.push('', `bench:ui${CSS ? ` (css: ${CSS})` : ''} — ${scenario30().nodes.length} nodes at 50,000 items/s, CPU throttled ${THROTTLE}x, speed ${SPEED}, ${(last.sim / 1000).toFixed(0)} s simulated in ${((last.wall - playAt) / 1000).toFixed(1)} s wall`);
    row('frame interval p50', ms(percentile(intervals, 50)));
    row('frame interval p95', ms(percentile(intervals, 95)), 'target ≤ 20 ms');
    row('frame interval max', ms(Math.max(...intervals)));
    row('frames measured (steady state)', String(intervals.length));
    const over = (limit: number) => intervals.filter((x) => x > limit).length;
    row('frame intervals over 20 / 50 ms', `${over(20)} / ${over(50)} (${((100 * over(20)) / Math.max(1, intervals.length)).toFixed(1)}% over 20 ms)`, 'p95 needs under 5% over 20 ms');
    row('long tasks > 50 ms, steady state', `${longSteady.length}${longSteady.length ? ` (longest ${ms(Math.max(...longSteady.map(([, d]) => d)))})` : ''}`, 'target 0');
    row('long tasks > 50 ms, incl. warm-up', `${longAll.length}${longAll.length ? ` (longest ${ms(Math.max(...longAll.map(([, d]) => d)))})` : ''}`);
    if (longSteady.length > 0) row('  what they were (long frames)', describeLongTasks(longSteady, probe.loaf));
    row('achieved speed, steady state', `${achieved.toFixed(2)} sim ms / wall ms`, `requested ${SPEED}`);
    row('achieved speed, whole run', `${overall.toFixed(2)} sim ms / wall ms`);
    const busy = (name: string) => (metricsAtStop[name] ?? 0) - (metricsAtPlay[name] ?? 0);
    const wallS = (stopAt - playAt) / 1000;
    const share = (name: string) => `${((100 * busy(name)) / wallS).toFixed(0)}%`;
    row(
      'main thread busy (of wall time)',
      `${share('TaskDuration')}: script ${share('ScriptDuration')}, style ${share('RecalcStyleDuration')}, layout ${share('LayoutDuration')}`,
      'the rest of tasks: paint, compositing, GC',
    );
    for (const h of heapSamples) row(`JS heap at ${(h.simMs / 1000).toFixed(0)} s simulated, page`, `${mb(h.usedBytes)} (${mb(h.afterGcBytes)} after GC)`, 'target flat');
    for (const h of heapSamples) row(`JS heap at ${(h.simMs / 1000).toFixed(0)} s simulated, worker`, `${mb(h.workerBytes)} (${mb(h.workerAfterGcBytes)} after GC)`, 'target flat');
    row('initial JS (gzip)', `${kb(initialGz)} in ${initial.length} file(s)`, 'target ≤ 200 KB');
    row('all JS in the build (gzip)', `${kb(allGz)} in ${everything.length} file(s)`);
    if (TRACE) lines.push(formatTraceSummary(summarizeTrace(TRACE)));
    lines.push(...allocLines);
    if (errors.length) lines.push(`  page errors: ${errors.length}: ${errors.slice(0, 3).join(' | ')}`);
    console.log(lines.join('\n'));
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
