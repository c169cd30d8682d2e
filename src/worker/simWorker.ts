/**
 * The worker entry: the engine behind comlink. Frames go to the UI with their arrays transferred.
 */
import { expose, transfer } from 'comlink';
import { Runner, type Host } from './runner';
import type { Frame, FrameListener, SimApi } from './protocol';

// A MessageChannel hop runs after pending messages (so commands still get in) without the
// 4 ms clamp nested setTimeouts get.
const channel = new MessageChannel();
const soonQueue: (() => void)[] = [];
channel.port1.onmessage = () => soonQueue.shift()?.();

const host: Host = {
  now: () => performance.now(),
  later: (fn, ms) => setTimeout(fn, ms),
  soon: (fn) => {
    soonQueue.push(fn);
    channel.port2.postMessage(0);
  },
};

const runner = new Runner(host);

const api: SimApi = {
  connect(onFrame: FrameListener) {
    runner.connect((f: Frame) => {
      const buffers = [f.snapshot.buffer, f.rows.buffer, f.marks.buffer];
      if (f.baseline) buffers.push(f.baseline.rows.buffer);
      return onFrame(transfer(f, buffers)) as unknown as Promise<void>;
    });
  },
  load: (scenario, seed) => runner.load(scenario, seed),
  play: () => runner.play(),
  pause: () => runner.pause(),
  step: () => runner.step(),
  reset: () => runner.reset(),
  runOn: () => runner.runOn(),
  setSpeed: (speed) => runner.setSpeed(speed),
  setStops: (ms) => runner.setStops(ms),
  setParams: (nodeId, patch) => runner.setParams(nodeId, patch),
  replaceScenario: (scenario, seed) => runner.replaceScenario(scenario, seed),
  report: () => runner.report(),
  compare: (baseline) => runner.compare(baseline),
  baselineReport: () => runner.baselineReport(),
  ping: () => performance.now(),
};

expose(api);
