/**
 * The only door to the simulation worker: creates it, wraps it with comlink, feeds its frames to
 * the frame store, and notices when it dies (an error, or no answer to a ping) so the UI can offer
 * a restart. The design lives in the scenario store, so a dead worker loses nothing.
 */
import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import type { Scenario } from '../engine/index';
import type { Frame, ParamResult, SimApi, Speed } from '../worker/protocol';
import { frameStore } from './frames/frameStore';
import { runStore } from './store/runStore';

const PING_EVERY_MS = 1000;
/** A worker that has left a ping unanswered this long is considered dead. */
const PING_TIMEOUT_MS = 4000;

let worker: Worker | null = null;
let api: Remote<SimApi> | null = null;
let generation = 0;
let heartbeat: ReturnType<typeof setInterval> | null = null;

function stopWorker(): void {
  if (heartbeat) clearInterval(heartbeat);
  heartbeat = null;
  api?.[releaseProxy]();
  api = null;
  worker?.terminate();
  worker = null;
}

function crashed(gen: number, reason: string): void {
  if (gen !== generation || runStore.getState().worker === 'crashed') return;
  stopWorker();
  runStore.getState().setWorker('crashed', reason);
}

function describe(e: unknown): string {
  if (e instanceof ErrorEvent) return e.message || 'the worker failed to start or threw an error';
  if (e instanceof Error) return e.message;
  return String(e);
}

const newWorker = () => new Worker(new URL('../worker/simWorker.ts', import.meta.url), { type: 'module', name: 'simulation' });

/**
 * A worker started before the first design is known (prestartWorker), and how it failed if it did
 * before startSimulation took it.
 */
let spare: { w: Worker; failed: string | null } | null = null;

/**
 * Starts the first worker now, so that it loads its script (the engine) on its own thread while
 * the page still loads the rest; the first startSimulation takes it.
 */
export function prestartWorker(): void {
  if (spare || worker) return;
  const s = { w: newWorker(), failed: null as string | null };
  // Handled (said on the page once a design starts), so not also an uncaught error of the page.
  s.w.addEventListener('error', (e) => {
    e.preventDefault();
    s.failed ??= describe(e);
  });
  spare = s;
}

/** Starts (or restarts) the worker with a scenario, paused at t = 0. */
export function startSimulation(scenario: Scenario, seed: number): void {
  stopWorker();
  const gen = ++generation;
  frameStore.clear();
  runStore.getState().setWorker('starting');
  const early = spare;
  spare = null;
  const w = early?.w ?? newWorker();
  worker = w;
  w.addEventListener('error', (e) => {
    e.preventDefault(); // said on the page (the crash alert), not left as an uncaught error
    crashed(gen, describe(e));
  });
  w.addEventListener('messageerror', () => crashed(gen, 'a message from the worker could not be read'));
  if (early?.failed) queueMicrotask(() => crashed(gen, early.failed!));
  const remote = wrap<SimApi>(w);
  api = remote;
  const onFrame = (frame: Frame): void => {
    if (gen !== generation) return;
    frameStore.push(frame);
    runStore.getState().syncStatus(frame.status);
  };
  // Posted at once and in order, not one after another's answer: a command sent meanwhile (an edit
  // made while the worker starts) then arrives after the first load instead of being overtaken by it.
  Promise.all([remote.connect(proxy(onFrame)), remote.setSpeed(runStore.getState().speed), remote.load(scenario, seed)]).then(
    () => {
      if (gen === generation) runStore.getState().setWorker('ready');
    },
    (e: unknown) => crashed(gen, describe(e)),
  );

  // Judged by how long a ping stays unanswered, not by time since the last answer: a background
  // tab runs this timer once a minute, and that must not read as a dead worker.
  let pingSentAt: number | null = null;
  heartbeat = setInterval(() => {
    const now = performance.now();
    if (pingSentAt !== null) {
      if (now - pingSentAt > PING_TIMEOUT_MS) crashed(gen, 'the worker stopped answering');
      return;
    }
    pingSentAt = now;
    remote.ping().then(
      () => void (pingSentAt = null),
      (e: unknown) => crashed(gen, describe(e)),
    );
  }, PING_EVERY_MS);
}

/** Runs a command on the live worker; a failure means the worker is broken. */
function send<T>(fn: (a: Remote<SimApi>) => Promise<T>): Promise<T | undefined> {
  const a = api;
  const gen = generation;
  if (!a) return Promise.resolve(undefined);
  return fn(a).catch((e: unknown) => {
    crashed(gen, describe(e));
    return undefined;
  });
}

export const sim = {
  play: () => {
    runStore.getState().setPlaying(true);
    return send((a) => a.play());
  },
  pause: () => {
    runStore.getState().setPlaying(false);
    return send((a) => a.pause());
  },
  step: () => send((a) => a.step()),
  reset: () => send((a) => a.reset()),
  runOn: () => send((a) => a.runOn()),
  setSpeed: (speed: Speed) => {
    runStore.getState().setSpeed(speed);
    return send((a) => a.setSpeed(speed));
  },
  setStops: (ms: number[]) => send((a) => a.setStops(ms)),
  setParams: (nodeId: string, patch: Record<string, unknown>) => send<ParamResult>((a) => a.setParams(nodeId, patch)),
  replaceScenario: (scenario: Scenario, seed: number) => send((a) => a.replaceScenario(scenario, seed)),
  report: () => send((a) => a.report()),
  compare: (baseline: Scenario | null) => send((a) => a.compare(baseline)),
  baselineReport: () => send((a) => a.baselineReport()),
  /** For checking the crash path by hand or from a test: kills the worker without telling anyone. */
  killWorkerForTesting: () => worker?.terminate(),
};
