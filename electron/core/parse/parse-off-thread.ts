// Reading a large text in a worker thread, so the process that reads it (Electron main, which also answers the
// window's calls) keeps its event loop free: a 10,000-entry BibTeX file takes over a second to parse. The worker runs
// the same registry (parse-worker.ts) and reports progress; a job whose signal aborts terminates its worker.
//
// Starting a worker costs ~0.5 s here (loading the parsers, citation-js above all), so one worker is kept after a job
// for the next, idle and unreferenced (it never keeps a process alive), and dropped after IDLE_MS. ParseWorkers.prewarm
// starts one ahead of need, and has it read a small sample of each kind so its first real job is not a cold one.
//
// Where the worker's code is: next to the bundled main (dist/electron/parse-worker.cjs, built by scripts/build.mjs),
// or, run from source (the CLI and the tests, through tsx), parse-worker.ts loaded through tsx's loader, which a
// worker does not inherit from its parent.
import type { Worker } from 'node:worker_threads';
import { startWorker as startWorkerAt, workerEntryFor } from '../worker-entry.js';
import { NotAProfileError } from './errors.js';
import { UnreadableTextError } from './sources/registry.js';
import { NotThisSourceError, type SourceId, type SourceResult } from './sources/types.js';

/** Texts longer than this (in characters) are read off the main thread: a page paste is far smaller. */
export const OFF_THREAD_CHARS = 256 * 1024;
/** How long an idle worker is kept for the next large text. */
const IDLE_MS = 120_000;

/** What the parent asks: read `text` (as `source`, when forced); or, to warm up, read the built-in samples. */
export type WorkerRequest = { kind: 'parse'; job: number; text: string; source: SourceId | undefined } | { kind: 'warm-up'; job: number };

/** What the worker answers, naming the request's job. */
export type WorkerReply =
  | { kind: 'progress'; job: number; done: number; total: number }
  | { kind: 'result'; job: number; result: SourceResult }
  | { kind: 'error'; job: number; name: string; message: string }
  | { kind: 'warm'; job: number };

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

/** Where the worker's code is and how to start it (see the file's opening comment); exported for the build test. */
export function workerEntry(moduleUrl: string): { file: URL } | { code: string } {
  return workerEntryFor(moduleUrl, 'parse-worker');
}

const startWorker = (): Worker => startWorkerAt(workerEntry(import.meta.url));

/** The parsing workers of one process: at most one kept idle between jobs. */
export class ParseWorkers {
  private idle: Worker | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private nextJob = 1;
  private closed = false;

  /** parseText(text, source) in a worker. Rejects with ParseCancelledError when `signal` aborts first. */
  parse(text: string, source: SourceId | undefined, options: OffThreadOptions = {}): Promise<SourceResult> {
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(new ParseCancelledError('The import was cancelled.'));
    const worker = this.take();
    const job = this.nextJob++;
    return new Promise<SourceResult>((resolve, reject) => {
      let settled = false;
      const finish = (outcome: () => void, keepWorker: boolean): void => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', cancel);
        worker.off('message', onMessage);
        worker.off('error', onFailure);
        worker.off('exit', onExit);
        if (keepWorker) this.keep(worker);
        else void worker.terminate();
        outcome();
      };
      const cancel = (): void => finish(() => reject(new ParseCancelledError('The import was cancelled.')), false);
      const onMessage = (message: WorkerReply): void => {
        if (message.job !== job) return;
        if (message.kind === 'progress') onProgress?.(message.done, message.total);
        else if (message.kind === 'result') finish(() => resolve(message.result), true);
        else if (message.kind === 'error') finish(() => reject(new (REFUSALS[message.name] ?? Error)(message.message)), true);
      };
      const onFailure = (error: Error): void => finish(() => reject(error), false);
      const onExit = (code: number): void => finish(() => reject(new Error(`The parsing worker stopped (exit code ${code}) before it answered.`)), false);
      signal?.addEventListener('abort', cancel, { once: true });
      worker.on('message', onMessage);
      worker.on('error', onFailure);
      worker.on('exit', onExit);
      worker.postMessage({ kind: 'parse', job, text, source } satisfies WorkerRequest);
    });
  }

  /**
   * Starts a worker now, if none is idle, and has it read its samples: the next large text then pays neither the
   * start nor a cold first read. Does nothing once closed. Errors are dropped (the next parse starts its own worker).
   */
  prewarm(): void {
    if (this.closed || this.idle !== null) return;
    const worker = startWorker();
    const job = this.nextJob++;
    const done = (keep: boolean): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      if (keep && !this.closed) this.keep(worker);
      else void worker.terminate();
    };
    const onMessage = (message: WorkerReply): void => {
      if (message.job === job) done(message.kind === 'warm');
    };
    const onError = (): void => done(false);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.unref(); // warming up must not keep a process alive either
    worker.postMessage({ kind: 'warm-up', job } satisfies WorkerRequest);
  }

  /** Stops the idle worker; later parses still start one of their own. */
  async close(): Promise<void> {
    this.closed = true;
    this.clearIdleTimer();
    const idle = this.idle;
    this.idle = null;
    await idle?.terminate();
  }

  private take(): Worker {
    this.clearIdleTimer();
    const worker = this.idle ?? startWorker();
    this.idle = null;
    worker.ref(); // a job keeps the process alive until it answers
    return worker;
  }

  private keep(worker: Worker): void {
    if (this.closed || (this.idle !== null && this.idle !== worker)) {
      void worker.terminate();
      return;
    }
    worker.unref();
    this.idle = worker;
    this.clearIdleTimer();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.idle === worker) this.idle = null;
      void worker.terminate();
    }, IDLE_MS);
    this.idleTimer.unref();
  }

  private clearIdleTimer(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

/** One text in a worker of its own, stopped afterwards (the CLI reads one text per process). */
export async function parseOffThread(text: string, source: SourceId | undefined, options: OffThreadOptions = {}): Promise<SourceResult> {
  const workers = new ParseWorkers();
  try {
    return await workers.parse(text, source, options);
  } finally {
    await workers.close();
  }
}
