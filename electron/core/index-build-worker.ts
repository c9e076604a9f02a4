// The worker thread that builds the search index (index-build-off-thread.ts starts it for one build): documents
// arrive in batches and are indexed as they come; at the end the finished index goes back as a snapshot whose typed
// arrays are transferred, not copied.
import { parentPort } from 'node:worker_threads';
import { errorMessage } from './library/errors.js';
import { SearchEngine } from './search/index.js';
import type { IndexBuildReply, IndexBuildRequest } from './index-build-off-thread.js';

const port = parentPort;
if (port === null) throw new Error('index-build-worker.ts runs as a worker thread only.');
const engine = new SearchEngine();

/** The buffers under a snapshot's typed arrays, each once (a buffer can be transferred only once). */
function buffersOf(values: readonly unknown[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const value of values) if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
  return [...buffers];
}

port.on('message', (request: IndexBuildRequest) => {
  try {
    if (request.kind === 'docs') {
      for (const doc of request.docs) engine.upsert(doc);
      return;
    }
    engine.addAll([]); // finishes the index
    const snapshot = engine.snapshot();
    if (snapshot === null) throw new Error('The index was not finished.');
    const reply: IndexBuildReply = { kind: 'snapshot', snapshot };
    port.postMessage(reply, buffersOf([...Object.values(snapshot.text), snapshot.userHash]));
  } catch (error) {
    const reply: IndexBuildReply = { kind: 'error', message: errorMessage(error) };
    port.postMessage(reply);
  }
});
