/** A worker thread of `sim sweep`: runs the runs it is sent (sweepPool.ts). */
import { parentPort } from 'node:worker_threads';
import { serveSweep } from './sweepPool';

if (parentPort) serveSweep(parentPort);
