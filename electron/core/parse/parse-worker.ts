// The worker thread that reads large texts (parse-off-thread.ts starts it and keeps it between jobs): the same
// registry as the main thread, one request at a time, its progress and its result posted back. An error is sent as its
// name and message (the parent rebuilds the refusals it knows); a worker that is terminated (cancelled) sends nothing.
import { parentPort } from 'node:worker_threads';
import { errorMessage, errorName } from '../library/errors.js';
import { parseText } from './sources/registry.js';
import type { WorkerReply, WorkerRequest } from './parse-off-thread.js';

const port = parentPort;
if (port === null) throw new Error('parse-worker.ts runs as a worker thread only.');
const reply = (message: WorkerReply): void => port.postMessage(message);

/** A few hundred small BibTeX entries: reading them loads and compiles the parsers before the first real text. */
function warmUpSample(): string {
  const entries: string[] = [];
  for (let i = 0; i < 300; i++) {
    entries.push(
      `@article{warm${i}, title = {Warming {Up} the $\\alpha$-Parser no. ${i}}, author = {M{\\o}ller, Ren{\\'e} and Doe, Jane},` +
        ` journal = {Journal of Tests}, year = ${2000 + (i % 25)}, doi = {10.5555/warm.${i}}, abstract = {We test {\\"o} things.}}`,
    );
  }
  return entries.join('\n');
}

port.on('message', (request: WorkerRequest) => {
  if (request.kind === 'warm-up') {
    try {
      parseText(warmUpSample());
    } catch {
      // warming up is best effort: the real read reports its own errors
    }
    reply({ kind: 'warm', job: request.job });
    return;
  }
  const { job } = request;
  try {
    const result = parseText(request.text, request.source, { onProgress: (done, total) => reply({ kind: 'progress', job, done, total }) });
    reply({ kind: 'result', job, result });
  } catch (error) {
    reply({ kind: 'error', job, name: errorName(error), message: errorMessage(error) });
  }
});
