// The worker thread that reads a large text (parse-off-thread.ts starts it): the same registry as the main thread,
// its progress and its result posted back. An error is sent as its name and message (the parent rebuilds the
// refusals it knows); a worker that is terminated (cancelled) sends nothing.
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '../library/errors.js';
import { parseText } from './sources/registry.js';
import type { ParseJob, WorkerReply } from './parse-off-thread.js';

const port = parentPort;
if (port === null) throw new Error('parse-worker.ts runs as a worker thread only.');
const job = workerData as ParseJob;
const reply = (message: WorkerReply): void => port.postMessage(message);
try {
  const result = parseText(job.text, job.source, { onProgress: (done, total) => reply({ kind: 'progress', done, total }) });
  reply({ kind: 'result', result });
} catch (error) {
  reply({ kind: 'error', name: error instanceof Error ? error.name : 'Error', message: errorMessage(error) });
}
