// Reading a large text in a worker thread, so the process that reads it (Electron main, which also answers the
// window's calls) keeps its event loop free: a 10,000-entry BibTeX file takes seconds to parse. The worker runs the
// same registry (parse-worker.ts), reports progress, and is terminated when the caller's signal aborts.
//
// Where the worker's code is: next to the bundled main (dist/electron/parse-worker.cjs, built by scripts/build.mjs),
// or, run from source (the CLI and the tests, through tsx), parse-worker.ts loaded through tsx's loader, which a
// worker does not inherit from its parent.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { NotAProfileError } from './errors.js';
import { UnreadableTextError } from './sources/registry.js';
import { NotThisSourceError, type SourceId, type SourceResult } from './sources/types.js';

/** Texts longer than this (in characters) are read off the main thread: a page paste is far smaller. */
export const OFF_THREAD_CHARS = 256 * 1024;

/** What the worker is given. */
export interface ParseJob {
  text: string;
  source: SourceId | undefined;
}

/** What the worker posts back. */
export type WorkerReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'result'; result: SourceResult }
  | { kind: 'error'; name: string; message: string };

/** The read was cancelled (its signal aborted): the worker was stopped and nothing came of it. */
export class ParseCancelledError extends Error {
  override name = 'ParseCancelledError';
}

export interface OffThreadOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** The refusals a worker can send, rebuilt as the classes callers check for. */
const REFUSALS: Record<string, new (message: string) => Error> = {
  NotThisSourceError,
  NotAProfileError,
  UnreadableTextError,
};

/** parseText(text, source) in a worker thread. Rejects with ParseCancelledError when `signal` aborts first. */
export function parseOffThread(text: string, source: SourceId | undefined, options: OffThreadOptions = {}): Promise<SourceResult> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(new ParseCancelledError('The import was cancelled.'));
  return new Promise<SourceResult>((resolve, reject) => {
    const job: ParseJob = { text, source };
    const worker = startWorker(job);
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', cancel);
      void worker.terminate();
      outcome();
    };
    const cancel = (): void => finish(() => reject(new ParseCancelledError('The import was cancelled.')));
    signal?.addEventListener('abort', cancel, { once: true });
    worker.on('message', (message: WorkerReply) => {
      if (message.kind === 'progress') onProgress?.(message.done, message.total);
      else if (message.kind === 'result') finish(() => resolve(message.result));
      else finish(() => reject(new (REFUSALS[message.name] ?? Error)(message.message)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`The parsing worker stopped (exit code ${code}) before it answered.`))));
  });
}

function startWorker(job: ParseJob): Worker {
  const here = new URL(import.meta.url);
  if (path.extname(here.pathname) === '.cjs') {
    // Bundled: this code is inside dist/electron/main.cjs, the worker's bundle beside it.
    return new Worker(new URL('./parse-worker.cjs', here), { workerData: job });
  }
  const entry = new URL('./parse-worker.ts', here).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData: job });
}
