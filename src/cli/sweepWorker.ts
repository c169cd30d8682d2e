/** A worker thread of `sim sweep`: runs the runs it is sent (engine/sweep/serve.ts). */
import { parentPort } from 'node:worker_threads';
import { serveSweep } from '../engine/sweep/index';

if (parentPort) serveSweep(parentPort);
