/** A sweep worker of the app: runs the sweep runs it is sent (engine/sweep/serve.ts); src/ui/sweep/sweepClient.ts starts a pool of them. */
import { serveSweep, type FromSweepWorker, type ToSweepWorker } from '../engine/sweep/index';

serveSweep({
  on: (_ev, f) => self.addEventListener('message', (e: MessageEvent<ToSweepWorker>) => f(e.data)),
  postMessage: (m: FromSweepWorker) => self.postMessage(m),
});
