// A worker thread of the CLI: runs the jobs it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import { type Job, runJob } from './main.ts';

parentPort?.on('message', (job: Job) => {
  parentPort?.postMessage(runJob(job));
});
