// Builds the search index in a worker thread (index-build-worker.ts): main sends the documents, ~8 ms of them at a
// time, and gets back the finished index as a snapshot (its typed arrays transferred, not copied), which it restores
// as it would the index file. Tokenizing 100k papers takes seconds of CPU; this way none of it runs on main's event
// loop (which answers the window), and it runs on another core.
import type { EngineSnapshot, SearchDoc } from './search/index.js';
import { inSlices } from './slices.js';
import { startWorker, workerEntryFor } from './worker-entry.js';

/** What main sends: documents in batches, then the end. */
export type IndexBuildRequest = { kind: 'docs'; docs: SearchDoc[] } | { kind: 'end' };
/** What the worker answers once, after the end. */
export type IndexBuildReply = { kind: 'snapshot'; snapshot: EngineSnapshot } | { kind: 'error'; message: string };

/** Documents per message: ~0.4 MB of text at the bench's abstract length, a millisecond or two to clone. */
const BATCH = 256;

/**
 * The index of `docs` built off the main thread; null when `signal` aborted first (the worker is stopped at once, so
 * it never keeps a closing process alive). Rejects when the worker fails (the caller can build on main instead).
 */
export async function buildInWorker(docs: Iterable<SearchDoc>, signal: AbortSignal): Promise<EngineSnapshot | null> {
  if (signal.aborted) return null;
  const worker = startWorker(workerEntryFor(import.meta.url, 'index-build-worker'));
  const answer = new Promise<EngineSnapshot>((resolve, reject) => {
    worker.once('message', (reply: IndexBuildReply) => (reply.kind === 'snapshot' ? resolve(reply.snapshot) : reject(new Error(reply.message))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The indexing worker stopped (exit code ${code}).`)));
  });
  answer.catch(() => undefined); // awaited below, unless stopped first
  const stopped = new Promise<null>((resolve) => signal.addEventListener('abort', () => resolve(null), { once: true }));
  try {
    let batch: SearchDoc[] = [];
    const send = (request: IndexBuildRequest): void => worker.postMessage(request);
    const sent = await inSlices(
      docs,
      (doc) => {
        batch.push(doc);
        if (batch.length < BATCH) return;
        send({ kind: 'docs', docs: batch });
        batch = [];
      },
      () => signal.aborted,
    );
    if (!sent) return null;
    if (batch.length > 0) send({ kind: 'docs', docs: batch });
    send({ kind: 'end' });
    return await Promise.race([answer, stopped]);
  } finally {
    void worker.terminate();
  }
}
