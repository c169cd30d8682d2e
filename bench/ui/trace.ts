/**
 * Where the renderer's main thread spends its time, from a Chrome trace (`--trace FILE`): self time
 * per trace event name (Paint, Layout, UpdateLayoutTree, FunctionCall, ...), which the CPU profile
 * lumps together as "(program)".
 */
import { readFileSync } from 'node:fs';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

export interface TraceSummary {
  wallMs: number;
  /** Time in the main thread's top-level tasks. */
  busyMs: number;
  rows: { name: string; selfMs: number; count: number }[];
}

/** Self time by event name on the busiest CrRendererMain thread, between its first and last task. */
export function summarizeTrace(file: string): TraceSummary {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(raw) ? raw : (raw.traceEvents ?? []);
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const perThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const k = `${e.pid}:${e.tid}`;
    if (!mains.has(k)) continue;
    let list = perThread.get(k);
    if (!list) perThread.set(k, (list = []));
    list.push(e);
  }
  const main = [...perThread.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  main.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, { selfMs: number; count: number }>();
  const stack: { e: TraceEvent; end: number; child: number }[] = [];
  let busyMs = 0;
  const close = (until: number) => {
    while (stack.length > 0 && stack.at(-1)!.end <= until) {
      const top = stack.pop()!;
      const s = self.get(top.e.name) ?? { selfMs: 0, count: 0 };
      s.selfMs += (top.e.dur! - top.child) / 1000;
      s.count++;
      self.set(top.e.name, s);
      if (stack.length > 0) stack.at(-1)!.child += top.e.dur!;
      else busyMs += top.e.dur! / 1000;
    }
  };
  for (const e of main) {
    close(e.ts);
    stack.push({ e, end: e.ts + e.dur!, child: 0 });
  }
  close(Infinity);
  const first = main[0]?.ts ?? 0;
  const last = main.reduce((m, e) => Math.max(m, e.ts + e.dur!), first);
  return {
    wallMs: (last - first) / 1000,
    busyMs,
    rows: [...self].map(([name, v]) => ({ name, ...v })).sort((a, b) => b.selfMs - a.selfMs),
  };
}

export function formatTraceSummary(s: TraceSummary, top = 18): string {
  const pct = (x: number) => `${((100 * x) / s.wallMs).toFixed(1)}%`;
  const lines = [
    `  main thread by trace event (self time over ${(s.wallMs / 1000).toFixed(1)} s of trace, ${pct(s.busyMs)} in tasks; tracing slows it down):`,
  ];
  for (const r of s.rows.slice(0, top)) {
    lines.push(`    ${r.name.slice(0, 38).padEnd(38)} ${`${r.selfMs.toFixed(0)} ms`.padStart(9)} ${pct(r.selfMs).padStart(6)}  x${r.count}`);
  }
  return lines.join('\n');
}
